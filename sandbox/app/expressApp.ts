// The application behind an ECS Express service's endpoint (`<host>/_apps/<id>`): the same health paths and
// the same ground truth as an App Runner service, with the tasks' subnets and security groups where App
// Runner has its connector's. Tasks sit in those subnets themselves (awsvpc), so the path to the database and
// to the internet is the one a connector in the same subnets with the same groups would have.
import { DescribeVpcAttributeCommand } from '@aws-sdk/client-ec2';
import type { ConnectorRecord, ExpressServiceRecord, Json, ServiceConfig } from '../apprunner/store';
import { canReachDatabase, type Verdict } from '../groundTruth';
import { canReachInternet } from '../internetTruth';
import type { MotoClients } from '../motoClients';
import { resolveDatabaseTarget, type RuntimeConfig } from './appDatabaseConfig';
import { gatherInternetFacts } from './egressFacts';
import { gatherReachFacts, type DatabaseTarget } from './networkFacts';
import { resolveSecretReference } from './runtimeSecrets';

export interface ExpressReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): ExpressReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** The container's environment and secret references (ECS injects `valueFrom` at task start). */
function runtimeOf(service: ExpressServiceRecord): RuntimeConfig {
  const container = (service.config.primaryContainer ?? {}) as {
    environment?: { name?: string; value?: string }[];
    secrets?: { name: string; valueFrom: string }[];
  };
  const env: Record<string, string> = {};
  for (const e of container.environment ?? []) if (e.name) env[e.name] = e.value ?? '';
  const secrets: Record<string, string> = {};
  for (const s of container.secrets ?? []) secrets[s.name] = s.valueFrom;
  return { env, secrets };
}

/** The tasks' network as the ground truth's "connector": the same subnets and groups, always there. */
function taskNetwork(service: ExpressServiceRecord): { config: ServiceConfig; connector: ConnectorRecord } {
  const net = (service.config.networkConfiguration ?? {}) as { subnets?: string[]; securityGroups?: string[] };
  const connector: ConnectorRecord = {
    arn: service.arn,
    name: service.name,
    revision: service.revision,
    region: service.region,
    subnets: net.subnets ?? [],
    securityGroups: net.securityGroups ?? [],
    vpcId: service.vpcId,
    azIds: [],
    status: 'ACTIVE',
    createdAt: service.createdAt,
  };
  const config = {
    NetworkConfiguration: { EgressConfiguration: { EgressType: 'VPC' } as Json },
  } as unknown as ServiceConfig;
  return { config, connector };
}

function errorText(target: DatabaseTarget | undefined, verdict: Verdict): string {
  if (!target) return 'DATABASE_URL is not set';
  if (!verdict.reachable && verdict.nameResolution)
    return `could not translate host name "${target.host}" to address: Temporary failure in name resolution`;
  return `connection to server at "${target.host}", port ${target.port} failed: timeout expired`;
}

/**
 * Undefined: no connection (a PRIVATE endpoint called from outside its VPC, as an internal load balancer's
 * address does not route from the workstation).
 */
export async function expressReply(
  clients: MotoClients,
  service: ExpressServiceRecord,
  rest: string,
  sourceVpcId: string | undefined,
): Promise<ExpressReply | undefined> {
  if (service.status === 'INACTIVE') return json(404, { message: 'Not Found' });
  if (service.accessType === 'PRIVATE' && sourceVpcId !== service.vpcId) return undefined;
  // Before the first deployment's tasks pass the health check the load balancer has no healthy target.
  if (service.status !== 'ACTIVE' || Date.now() < service.servingFrom)
    return json(503, { message: 'Service Unavailable' });
  const path = rest.split('?')[0];
  if (path === '/api/v1/health') return json(200, { status: 'healthy' });
  const { config, connector } = taskNetwork(service);
  if (path === '/api/v1/db-health') {
    const target = await resolveDatabaseTarget(runtimeOf(service), (ref) =>
      resolveSecretReference(clients.secrets, ref, clients.ssm),
    );
    const dns = await clients.ec2.send(
      new DescribeVpcAttributeCommand({ VpcId: service.vpcId, Attribute: 'enableDnsSupport' }),
    );
    const facts = await gatherReachFacts(clients, config, connector, target);
    if (facts.connector) facts.connector.vpcDnsSupport = dns.EnableDnsSupport?.Value !== false;
    const verdict: Verdict = target
      ? canReachDatabase(facts)
      : { reachable: false, reason: 'DATABASE_URL is not set (or its secret could not be retrieved)' };
    if (verdict.reachable) return json(200, { status: 'healthy', database: 'connected' });
    return json(
      200,
      { status: 'unhealthy', error: errorText(target, verdict) },
      { 'x-sandbox-reason': verdict.reason },
    );
  }
  if (path === '/api/v1/egress-health') {
    const verdict = canReachInternet(await gatherInternetFacts(clients, config, connector));
    return json(200, { internet: verdict.internet, reason: verdict.reason });
  }
  return json(404, { detail: 'Not Found' });
}
