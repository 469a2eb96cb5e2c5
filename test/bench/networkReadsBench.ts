// The bench's network-reads part (scale): AWS calls for one topology load on the scale seed with one
// VPC and with many (`--vpcs`, default 20), the same connectors and services, connectors and DBs spread over
// the VPCs. Counted by the sandbox's per-operation counters. The loader filters EC2 and RDS reads by lists of
// ids (vpc-id, group-id, ...), so the reads grow with API pages, not with one round of calls per VPC.
import { getClients, resetClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { startSandbox } from '../../sandbox/index';
import { TEST_CREDENTIALS } from '../sandbox/support';
import { withTimeout } from './timeout';

const SEED_MS = 300_000;
const STEP_MS = 60_000;

/** App Runner's and STS's operations: the rest of one load are the network (EC2, RDS) reads. */
const NOT_NETWORK =
  /^(ListServices|DescribeService|ListVpcConnectors|DescribeVpcConnector|ListVpcIngressConnections|DescribeVpcIngressConnection|ListTagsForResource|ListOperations|ListAutoScalingConfigurations|DescribeAutoScalingConfiguration|ListObservabilityConfigurations|DescribeObservabilityConfiguration|GetCallerIdentity)$/;

export interface NetworkReads {
  vpcs: number;
  vpcsLoaded: number;
  networkReads: number;
  allCalls: number;
  operations: Record<string, number>;
}

export const CONNECTORS = 40;
export const SERVICES = 20;

/** One topology load against a fresh scale sandbox with `vpcs` VPCs; the calls it made. */
export async function measureNetworkReads(vpcs: number): Promise<NetworkReads> {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  });
  const sandbox = await withTimeout(
    startSandbox({ port: 0, seed: 'scale', services: SERVICES - 1, connectors: CONNECTORS, vpcs, quiet: true }),
    SEED_MS,
    `the scale sandbox with ${vpcs} VPC(s) to start`,
  );
  try {
    resetClients();
    const clients = getClients({ region: 'ap-northeast-1', endpointUrl: sandbox.endpoint });
    await withTimeout(fetch(`${sandbox.adminUrl}/calls/reset`, { method: 'POST' }), STEP_MS, 'the call record reset');
    const snapshot = await withTimeout(loadTopology(clients, {}), SEED_MS, `one topology load over ${vpcs} VPC(s)`);
    const answer = await withTimeout(fetch(`${sandbox.adminUrl}/calls`), STEP_MS, "the sandbox's call record");
    const calls = (await answer.json()) as {
      total: number;
      operations: Record<string, number>;
    };
    const networkReads = Object.entries(calls.operations)
      .filter(([op]) => !NOT_NETWORK.test(op))
      .reduce((sum, [, n]) => sum + n, 0);
    return {
      vpcs,
      vpcsLoaded: snapshot.vpcs.length,
      networkReads,
      allCalls: calls.total,
      operations: calls.operations,
    };
  } finally {
    await sandbox.stop();
  }
}

/** `networkReads_1vpc` and `networkReads_<N>vpc`, printed with the operations that made them. */
export async function networkReadsResults(manyVpcs: number): Promise<Record<string, number>> {
  const one = await measureNetworkReads(1);
  const many = await measureNetworkReads(manyVpcs);
  for (const r of [one, many]) {
    console.log(
      `scale seed, ${r.vpcs} VPC(s) (${r.vpcsLoaded} loaded), ${CONNECTORS} connectors, ${SERVICES} services: ${r.networkReads} network reads of ${r.allCalls} calls`,
    );
    console.log(
      `  ${Object.entries(r.operations)
        .filter(([op]) => !NOT_NETWORK.test(op))
        .map(([op, n]) => `${op} ${n}`)
        .join(', ')}`,
    );
  }
  return { networkReads_1vpc: one.networkReads, [`networkReads_${manyVpcs}vpc`]: many.networkReads };
}
