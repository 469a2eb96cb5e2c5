// What an incoming AWS call is: the signing service and region from the SigV4 credential scope, and the
// operation from X-Amz-Target (JSON protocols) or the Action parameter (EC2, RDS, STS query protocols).
import type { IncomingHttpHeaders } from 'node:http';

export interface AwsCall {
  /** Signing name: apprunner, ec2, rds, sts, logs, ... ('' when unsigned). */
  service: string;
  region: string;
  operation: string;
  /** True for App Runner's awsJson1_0 calls, which the emulator serves. */
  isAppRunner: boolean;
}

const SCOPE = /Credential=[^/,\s]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/;

function header(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

/** The query-protocol parameters of a call: the form body when there is one, else the URL's query. */
export function queryParams(headers: IncomingHttpHeaders, url: string, body: string): URLSearchParams {
  return header(headers, 'content-type').includes('x-www-form-urlencoded')
    ? new URLSearchParams(body)
    : new URL(url, 'http://localhost').searchParams;
}

export function describeCall(headers: IncomingHttpHeaders, url: string, body: string): AwsCall {
  const scope = SCOPE.exec(header(headers, 'authorization'));
  const target = header(headers, 'x-amz-target');
  const service = scope?.[2] ?? '';
  const region = scope?.[1] ?? 'us-east-1';
  let operation = target ? target.slice(target.lastIndexOf('.') + 1) : '';
  if (!operation) {
    const query = new URL(url, 'http://localhost').searchParams;
    const form = header(headers, 'content-type').includes('x-www-form-urlencoded')
      ? new URLSearchParams(body)
      : undefined;
    operation = form?.get('Action') ?? query.get('Action') ?? '';
  }
  return {
    service,
    region,
    operation,
    isAppRunner: target.startsWith('AppRunner.') || (service === 'apprunner' && target !== ''),
  };
}
