// RDS operations the front answers itself instead of moto (see docs/sandbox.md, "Served by the sandbox"):
// each is one moto lacks or answers differently from RDS in a way the product depends on.
import type { RDSClient } from '@aws-sdk/client-rds';
import type { WireReply } from '../faultResponses';
import { describeDbProxyTargets } from './proxyTargets';

type RdsHandler = (rds: RDSClient, params: URLSearchParams) => Promise<WireReply>;

const OWN: Record<string, RdsHandler> = {
  DescribeDBProxyTargets: describeDbProxyTargets,
};

export function servesRdsOperation(operation: string): boolean {
  return Object.hasOwn(OWN, operation);
}

/** The call's parameters: awsQuery sends them form-encoded in the body (or, for GET, in the query string). */
export function queryParams(url: string, body: string): URLSearchParams {
  const params = new URLSearchParams(new URL(url, 'http://localhost').search);
  for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  return params;
}

export function handleRdsOperation(rds: RDSClient, operation: string, params: URLSearchParams): Promise<WireReply> {
  const handler = OWN[operation];
  if (!handler) throw new Error(`not served by the sandbox: ${operation}`);
  return handler(rds, params);
}
