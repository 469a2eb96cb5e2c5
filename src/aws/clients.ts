// One place that makes AWS SDK clients: keyed by profile+region+endpoint and cached, so every loader and
// engine step shares connections, retry state and the request log.
import { AppRunnerClient } from '@aws-sdk/client-apprunner';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { IAMClient } from '@aws-sdk/client-iam';
import { RDSClient } from '@aws-sdk/client-rds';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { credentialsFor } from './credentials';
import { attachRequestLog, type RequestLogger } from './requestLog';
import { ThrottlingPatientRetryStrategy } from './retryStrategy';
import { targetKey, type AwsTarget } from '../model/common/awsTarget';
import type { ClientName } from '../model/common/endpointConfig';

export interface AwsClients {
  target: AwsTarget;
  appRunner: AppRunnerClient;
  ec2: EC2Client;
  rds: RDSClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
  /** Only used when the user opted in to reading a DATABASE_URL held in a secret. */
  secretsManager: SecretsManagerClient;
  ssm: SSMClient;
  /** Change history (runbook 8.2): LookupEvents only. */
  cloudTrail: CloudTrailClient;
  /** Private hosted zones, read only when a variable names a host that is no RDS endpoint. */
  route53: Route53Client;
  /** The move to ECS Express Mode only (docs/migrate-to-ecs-express.md). */
  ecs: ECSClient;
  iam: IAMClient;
  /** Service metrics: GetMetricData only. */
  cloudWatch: CloudWatchClient;
}

export interface ClientOptions {
  /** Per-request socket timeout; an endpoint that never answers fails instead of hanging a command. */
  requestTimeoutMs?: number;
  /** Attempts for a retryable error that is not a throttle (default 5). */
  maxAttempts?: number;
  /** Attempts for a throttled call (default 10, never fewer than maxAttempts): see retryStrategy.ts. */
  throttlingMaxAttempts?: number;
  /** The SDK's retry mode (default adaptive: see getClients). */
  retryMode?: 'standard' | 'adaptive';
  logger?: RequestLogger;
}

/**
 * The clients of a fan-out (a DescribeService per service in the tree's load): the SDK's standard retries under
 * the loader's own AdaptiveConcurrency. The adaptive mode's client-side rate limiter slows every call of the
 * client after each throttle, and with the pool also backing off the two compound: a 100-service load with 30 %
 * of calls throttled took 108 s in adaptive mode and 18 s in standard mode (docs/performance.md, "The tree at
 * scale"). Single calls (commands, the engine) keep the adaptive mode.
 */
export const FAN_OUT_CLIENT_OPTIONS: ClientOptions = {
  retryMode: 'standard',
  // The pool backs off on a throttle that passed the SDK's retries: it should see one after the usual count,
  // not after the commands' longer patience (retryStrategy.ts).
  throttlingMaxAttempts: 5,
};

const cache = new Map<string, AwsClients>();

export function clientKey(target: AwsTarget): string {
  return targetKey(target);
}

/** The endpoint a client talks to (resolved by awsTarget.ts); undefined: AWS's own endpoint for the region. */
export function clientEndpoint(target: AwsTarget, client: ClientName): string | undefined {
  return target.endpoints?.[client] ?? (target.endpointUrl || undefined);
}

export function getClients(target: AwsTarget, options: ClientOptions = {}): AwsClients {
  // Clients made with another timeout or retry count are other clients (a cached default one would silently
  // ignore them).
  const key = JSON.stringify([
    clientKey(target),
    options.requestTimeoutMs ?? null,
    options.maxAttempts ?? null,
    options.throttlingMaxAttempts ?? null,
    options.retryMode ?? null,
  ]);
  const cached = cache.get(key);
  if (cached) return cached;
  const maxAttempts = options.maxAttempts ?? 5;
  const retry = {
    mode: options.retryMode ?? 'adaptive',
    maxAttempts,
    throttlingMaxAttempts: options.throttlingMaxAttempts ?? 10,
  } as const;
  const shared = {
    region: target.region,
    // The profile's other settings (retries, FIPS...) follow the chosen profile, as in the AWS CLI.
    profile: target.profile,
    credentials: credentialsFor(target),
    // Names the tool in every request's user agent: CloudTrail shows who made a change, and the sandbox counts
    // the tool's own calls apart from a test's setup calls (for the IAM policy check).
    customUserAgent: [['apprunner-vpc']] as [string][],
    maxAttempts,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: 5_000,
      requestTimeout: options.requestTimeoutMs ?? 20_000,
      // Without this the handler only logs a warning when the timeout passes and keeps waiting: a command
      // against an endpoint that never answers would hang (found by the reliability suite's timeout runs).
      throwOnRequestTimeout: true,
    }),
  };
  // Each client its own strategy, as the SDK makes them: the retry capacity and the adaptive rate are per client.
  const config = (client: ClientName) => ({
    ...shared,
    retryStrategy: new ThrottlingPatientRetryStrategy(retry),
    endpoint: clientEndpoint(target, client),
  });
  const clients: AwsClients = {
    target,
    appRunner: new AppRunnerClient(config('appRunner')),
    ec2: new EC2Client(config('ec2')),
    rds: new RDSClient(config('rds')),
    sts: new STSClient(config('sts')),
    logs: new CloudWatchLogsClient(config('logs')),
    secretsManager: new SecretsManagerClient(config('secretsManager')),
    ssm: new SSMClient(config('ssm')),
    cloudTrail: new CloudTrailClient(config('cloudTrail')),
    route53: new Route53Client(config('route53')),
    ecs: new ECSClient(config('ecs')),
    iam: new IAMClient(config('iam')),
    cloudWatch: new CloudWatchClient(config('cloudWatch')),
  };
  for (const client of [
    clients.appRunner,
    clients.ec2,
    clients.rds,
    clients.sts,
    clients.logs,
    clients.secretsManager,
    clients.ssm,
    clients.cloudTrail,
    clients.route53,
    clients.ecs,
    clients.iam,
    clients.cloudWatch,
  ]) {
    attachRequestLog(client.middlewareStack, options.logger);
  }
  cache.set(key, clients);
  return clients;
}

/** Forget cached clients, e.g. after the user changed profile or the credentials files changed. */
export function resetClients(): void {
  for (const clients of cache.values()) {
    for (const client of [
      clients.appRunner,
      clients.ec2,
      clients.rds,
      clients.sts,
      clients.logs,
      clients.secretsManager,
      clients.ssm,
      clients.cloudTrail,
      clients.route53,
      clients.ecs,
      clients.iam,
      clients.cloudWatch,
    ])
      client.destroy();
  }
  cache.clear();
}
