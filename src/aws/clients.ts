// One place that makes AWS SDK clients: keyed by profile+region+endpoint and cached, so every loader and
// engine step shares connections, retry state and the request log.
import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { credentialsFor } from './credentials';
import { attachRequestLog, type RequestLogger } from './requestLog';
import { targetKey, type AwsTarget } from '../model/awsTarget';
import type { ClientName } from '../model/endpointConfig';

export interface AwsClients {
  target: AwsTarget;
  appRunner: AppRunnerClient;
  ec2: EC2Client;
  rds: RDSClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
}

export interface ClientOptions {
  /** Per-request socket timeout; an endpoint that never answers fails instead of hanging a command. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
  logger?: RequestLogger;
}

const cache = new Map<string, AwsClients>();

export function clientKey(target: AwsTarget): string {
  return targetKey(target);
}

/** The endpoint a client talks to (resolved by awsTarget.ts); undefined: AWS's own endpoint for the region. */
export function clientEndpoint(target: AwsTarget, client: ClientName): string | undefined {
  return target.endpoints?.[client] ?? (target.endpointUrl || undefined);
}

export function getClients(target: AwsTarget, options: ClientOptions = {}): AwsClients {
  const key = clientKey(target);
  const cached = cache.get(key);
  if (cached) return cached;
  const shared = {
    region: target.region,
    // The profile's other settings (retries, FIPS...) follow the chosen profile, as in the AWS CLI.
    profile: target.profile,
    credentials: credentialsFor(target),
    retryMode: 'adaptive',
    maxAttempts: options.maxAttempts ?? 5,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 5_000,
      requestTimeout: options.requestTimeoutMs ?? 20_000,
    }),
  };
  const config = (client: ClientName) => ({ ...shared, endpoint: clientEndpoint(target, client) });
  const clients: AwsClients = {
    target,
    appRunner: new AppRunnerClient(config('appRunner')),
    ec2: new EC2Client(config('ec2')),
    rds: new RDSClient(config('rds')),
    sts: new STSClient(config('sts')),
    logs: new CloudWatchLogsClient(config('logs')),
  };
  for (const client of [clients.appRunner, clients.ec2, clients.rds, clients.sts, clients.logs]) {
    attachRequestLog(client.middlewareStack, options.logger);
  }
  cache.set(key, clients);
  return clients;
}

/** Forget cached clients, e.g. after the user changed profile or the credentials files changed. */
export function resetClients(): void {
  for (const clients of cache.values()) {
    for (const client of [clients.appRunner, clients.ec2, clients.rds, clients.sts, clients.logs]) client.destroy();
  }
  cache.clear();
}
