// What an incoming AWS call is: the signing service and region from the SigV4 credential scope, and the
// operation from X-Amz-Target (JSON protocols), the Action parameter (EC2, RDS, STS query protocols) or, for
// Route 53's REST-XML protocol, the method and path (botocore's route53 model, each operation's requestUri).
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

/** Route 53's operations by method and path (only those the tool and the seeds call). */
const ROUTE53_OPERATIONS: [string, RegExp, string][] = [
  ['GET', /^\/2013-04-01\/hostedzonesbyvpc$/, 'ListHostedZonesByVPC'],
  ['GET', /^\/2013-04-01\/hostedzone\/[^/]+\/rrset$/, 'ListResourceRecordSets'],
  ['POST', /^\/2013-04-01\/hostedzone\/[^/]+\/rrset\/?$/, 'ChangeResourceRecordSets'],
  ['POST', /^\/2013-04-01\/hostedzone\/[^/]+\/associatevpc$/, 'AssociateVPCWithHostedZone'],
  ['GET', /^\/2013-04-01\/hostedzone\/[^/]+$/, 'GetHostedZone'],
  ['GET', /^\/2013-04-01\/hostedzone$/, 'ListHostedZones'],
  ['POST', /^\/2013-04-01\/hostedzone$/, 'CreateHostedZone'],
];

export function route53Operation(method: string, url: string): string {
  const path = new URL(url, 'http://localhost').pathname;
  return ROUTE53_OPERATIONS.find(([m, p]) => m === method.toUpperCase() && p.test(path))?.[2] ?? '';
}

export function describeCall(headers: IncomingHttpHeaders, url: string, body: string, method = 'POST'): AwsCall {
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
  if (!operation && service === 'route53') operation = route53Operation(method, url);
  return {
    service,
    region,
    operation,
    isAppRunner: target.startsWith('AppRunner.') || (service === 'apprunner' && target !== ''),
  };
}
