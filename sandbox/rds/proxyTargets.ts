// DescribeDBProxyTargets as RDS answers it, served by the front in RDS's query/XML wire format. moto 5.2
// implements the operation but lists only the TRACKED_CLUSTER entry of a registered Aurora cluster (no
// TrackedClusterId, no TargetArn), while RDS also lists each of the cluster's DB instances as an
// RDS_INSTANCE target with its Role (READ_WRITE for the writer, READ_ONLY for readers) and health. Here moto
// still decides what is registered; the instances are added from DescribeDBClusters/DescribeDBInstances.
// Errors are the model's (moto 5.2 answers an unknown proxy here with an HTML 500). Shapes: botocore's rds
// model, DBProxyTarget and TargetHealth.
import { randomUUID } from 'node:crypto';
import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBProxiesCommand,
  DescribeDBProxyTargetGroupsCommand,
  DescribeDBProxyTargetsCommand,
  type DBCluster,
  type DBInstance,
  type DBProxyTarget,
  type RDSClient,
} from '@aws-sdk/client-rds';
import type { WireReply } from '../faultResponses';

const NAMESPACE = 'http://rds.amazonaws.com/doc/2014-10-31/';

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** awsQuery's error body; the code is also what the SDK and the CLI report. */
export function rdsError(code: string, message: string, status: number): WireReply {
  const id = randomUUID();
  const body = `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`;
  return { status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
}

function targetXml(t: DBProxyTarget): string {
  const field = (name: string, value: string | number | undefined) =>
    value === undefined ? '' : `<${name}>${xmlEscape(String(value))}</${name}>`;
  const health = t.TargetHealth
    ? `<TargetHealth>${field('State', t.TargetHealth.State)}${field('Reason', t.TargetHealth.Reason)}${field('Description', t.TargetHealth.Description)}</TargetHealth>`
    : '';
  return `<member>${field('TargetArn', t.TargetArn)}${field('Endpoint', t.Endpoint)}${field('TrackedClusterId', t.TrackedClusterId)}${field('RdsResourceId', t.RdsResourceId)}${field('Port', t.Port)}${field('Type', t.Type)}${field('Role', t.Role)}${health}</member>`;
}

function instanceHealth(i: DBInstance | undefined): DBProxyTarget['TargetHealth'] {
  if (i?.DBInstanceStatus === 'available') return { State: 'AVAILABLE' };
  return {
    State: 'UNAVAILABLE',
    Reason: 'UNREACHABLE',
    Description: `The DB instance is ${i?.DBInstanceStatus ?? 'missing'}.`,
  };
}

/** The registered targets as RDS lists them: a tracked cluster followed by its DB instances. */
async function expandTargets(rds: RDSClient, registered: DBProxyTarget[]): Promise<DBProxyTarget[]> {
  const [clusters, instances] = await Promise.all([
    rds.send(new DescribeDBClustersCommand({})).then((o) => o.DBClusters ?? []),
    rds.send(new DescribeDBInstancesCommand({})).then((o) => o.DBInstances ?? []),
  ]);
  const out: DBProxyTarget[] = [];
  for (const t of registered) {
    if (t.Type === 'TRACKED_CLUSTER') {
      const cluster: DBCluster | undefined = clusters.find((c) => c.DBClusterIdentifier === t.RdsResourceId);
      out.push({
        TargetArn: cluster?.DBClusterArn,
        Endpoint: t.Endpoint,
        TrackedClusterId: t.RdsResourceId,
        RdsResourceId: t.RdsResourceId,
        Port: t.Port,
        Type: 'TRACKED_CLUSTER',
      });
      for (const member of cluster?.DBClusterMembers ?? []) {
        const instance = instances.find((i) => i.DBInstanceIdentifier === member.DBInstanceIdentifier);
        out.push({
          TargetArn: instance?.DBInstanceArn,
          Endpoint: instance?.Endpoint?.Address,
          TrackedClusterId: t.RdsResourceId,
          RdsResourceId: member.DBInstanceIdentifier,
          Port: instance?.Endpoint?.Port ?? t.Port,
          Type: 'RDS_INSTANCE',
          Role: member.IsClusterWriter ? 'READ_WRITE' : 'READ_ONLY',
          TargetHealth: instanceHealth(instance),
        });
      }
    } else {
      const instance = instances.find((i) => i.DBInstanceIdentifier === t.RdsResourceId);
      out.push({
        ...t,
        TargetArn: instance?.DBInstanceArn,
        Role: 'READ_WRITE',
        TargetHealth: instanceHealth(instance),
      });
    }
  }
  return out;
}

/** HTTP status of the faults this operation declares, from botocore's rds model (moto sends 400 for all). */
const DECLARED_STATUS: Record<string, number> = {
  DBProxyNotFoundFault: 404,
  DBProxyTargetGroupNotFoundFault: 404,
  DBProxyTargetNotFoundFault: 404,
  InvalidDBProxyStateFault: 400,
};

function sdkError(e: unknown): WireReply {
  const err = e as Error & { $metadata?: { httpStatusCode?: number } };
  const code = err.name || 'InternalFailure';
  return rdsError(code, err.message, DECLARED_STATUS[code] ?? err.$metadata?.httpStatusCode ?? 500);
}

/** Marker: an opaque offset into the full list, as for App Runner's NextToken. */
function decodeMarker(marker: string | null): number | undefined {
  if (!marker) return 0;
  const n = Number(Buffer.from(marker, 'base64').toString('utf8'));
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

export async function describeDbProxyTargets(rds: RDSClient, params: URLSearchParams): Promise<WireReply> {
  const proxyName = params.get('DBProxyName');
  if (!proxyName) return rdsError('MissingParameter', 'The request must contain the parameter DBProxyName.', 400);
  const maxRecords = params.has('MaxRecords') ? Number(params.get('MaxRecords')) : 100;
  // The model's MaxRecords documentation: minimum 20, maximum 100.
  if (!Number.isInteger(maxRecords) || maxRecords < 20 || maxRecords > 100) {
    return rdsError('InvalidParameterValue', 'MaxRecords must be between 20 and 100.', 400);
  }
  const start = decodeMarker(params.get('Marker'));
  if (start === undefined) return rdsError('InvalidParameterValue', 'The marker is not valid.', 400);
  let registered: DBProxyTarget[];
  try {
    // First, because moto 5.2 answers DescribeDBProxyTargets for an unknown proxy with an HTML 500.
    await rds.send(new DescribeDBProxiesCommand({ DBProxyName: proxyName }));
    const groupName = params.get('TargetGroupName');
    if (groupName) {
      const groups =
        (await rds.send(new DescribeDBProxyTargetGroupsCommand({ DBProxyName: proxyName }))).TargetGroups ?? [];
      if (!groups.some((g) => g.TargetGroupName === groupName)) {
        return rdsError(
          'DBProxyTargetGroupNotFoundFault',
          `The specified target group ${groupName} doesn't exist for proxy ${proxyName}.`,
          404,
        );
      }
    }
    registered = (await rds.send(new DescribeDBProxyTargetsCommand({ DBProxyName: proxyName }))).Targets ?? [];
  } catch (e) {
    return sdkError(e);
  }
  const all = await expandTargets(rds, registered);
  const page = all.slice(start, start + maxRecords);
  const next =
    start + page.length < all.length
      ? `<Marker>${Buffer.from(String(start + page.length)).toString('base64')}</Marker>`
      : '';
  const id = randomUUID();
  const body =
    `<DescribeDBProxyTargetsResponse xmlns="${NAMESPACE}"><DescribeDBProxyTargetsResult><Targets>${page.map(targetXml).join('')}</Targets>${next}</DescribeDBProxyTargetsResult>` +
    `<ResponseMetadata><RequestId>${id}</RequestId></ResponseMetadata></DescribeDBProxyTargetsResponse>`;
  return { status: 200, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
}
