// Shared access to the one sandbox the root hooks start (hooks.ts), for every test/sandbox file:
// the sandbox itself, SDK v3 clients pointed at it, the admin endpoint, and small polling helpers.
import { AppRunnerClient, DescribeServiceCommand, type Service } from '@aws-sdk/client-apprunner';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { RDSClient } from '@aws-sdk/client-rds';
import { STSClient } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Readable } from 'node:stream';
import { loadAppRunnerModel, validateShape } from '../../sandbox/apprunner/model';
import type { Sandbox, SeedInfo } from '../../sandbox/index';

let current: Sandbox | undefined;

export const TEST_REGION = 'ap-northeast-1';
export const TEST_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
/** The operation delay the shared sandbox runs with (App Runner operations end after this). */
export const TEST_OPERATION_DELAY_MS = 300;

export function setSandbox(sandbox: Sandbox | undefined): void {
  current = sandbox;
}

export function getSandbox(): Sandbox {
  if (!current)
    throw new Error('The sandbox is not running: run with --config .mocharc.sandbox.json (root hooks in hooks.js).');
  return current;
}

export function seed(): SeedInfo {
  return getSandbox().seedInfo();
}

export interface SandboxClients {
  appRunner: AppRunnerClient;
  ec2: EC2Client;
  rds: RDSClient;
  sts: STSClient;
  logs: CloudWatchLogsClient;
}

export interface ClientOverrides {
  region?: string;
  /** Default 1 so tests see exactly what the endpoint answered; raise it to test retries. */
  maxAttempts?: number;
}

/** Fresh SDK clients against the sandbox endpoint with the test credentials. */
export function sandboxClients(overrides: ClientOverrides = {}): SandboxClients {
  const config = {
    region: overrides.region ?? TEST_REGION,
    endpoint: getSandbox().endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: overrides.maxAttempts ?? 1,
  };
  return {
    appRunner: new AppRunnerClient(config),
    ec2: new EC2Client(config),
    rds: new RDSClient(config),
    sts: new STSClient(config),
    logs: new CloudWatchLogsClient(config),
  };
}

/** Environment for child processes (the `aws` CLI, our own CLI) talking to the sandbox. */
export function sandboxEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_DEFAULT_REGION: TEST_REGION,
    AWS_REGION: TEST_REGION,
    AWS_ENDPOINT_URL: getSandbox().endpoint,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
}

/** JSON from the admin endpoint, e.g. admin('GET', 'calls'). */
export async function admin<T = unknown>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${getSandbox().adminUrl}/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const value = (await res.json()) as T;
  if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${JSON.stringify(value)}`);
  return value;
}

export interface CallCounts {
  total: number;
  operations: Record<string, number>;
  /** `service:Operation` counts of the tool's own calls since the sandbox started (not cleared by a calls reset). */
  toolOperations: Record<string, number>;
}

export interface FiredFault {
  operation: string;
  service: string;
  kind: string;
  nth: number;
}

/** The faults the sandbox injected since the fault configuration was last set. */
export function firedFaults(): Promise<FiredFault[]> {
  return admin<FiredFault[]>('GET', 'faults/fired');
}

export function callCounts(): Promise<CallCounts> {
  return admin<CallCounts>('GET', 'calls');
}

export async function resetCallCounts(): Promise<void> {
  await admin('POST', 'calls/reset');
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 10_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** GET `http://<ServiceUrl><path>` (loopback service URLs use plain http), with the parsed JSON body. */
export async function getServiceUrl(
  serviceUrl: string,
  path: string,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`http://${serviceUrl}${path}`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

/** One App Runner exchange as it crossed the wire: the raw JSON body, before the SDK parsed it. */
export interface WireRecord {
  operation: string;
  status: number;
  body: string;
}

/**
 * An App Runner client whose HTTP handler keeps every raw response, so tests can check the JSON the
 * endpoint really sent (against botocore's model) while still using the real SDK.
 */
export function recordingAppRunnerClient(): { client: AppRunnerClient; records: WireRecord[] } {
  const records: WireRecord[] = [];
  const inner = new NodeHttpHandler();
  const handler = {
    metadata: inner.metadata,
    destroy: () => inner.destroy(),
    updateHttpClientConfig: (key: never, value: never) => inner.updateHttpClientConfig(key, value),
    httpHandlerConfigs: () => inner.httpHandlerConfigs(),
    async handle(
      request: Parameters<NodeHttpHandler['handle']>[0],
      options?: Parameters<NodeHttpHandler['handle']>[1],
    ) {
      const out = await inner.handle(request, options);
      const chunks: Buffer[] = [];
      for await (const chunk of out.response.body as AsyncIterable<Buffer>) chunks.push(Buffer.from(chunk));
      const body = Buffer.concat(chunks);
      const target = String(request.headers['x-amz-target'] ?? '');
      records.push({
        operation: target.slice(target.indexOf('.') + 1),
        status: out.response.statusCode,
        body: body.toString('utf8'),
      });
      out.response.body = Readable.from([body]);
      return out;
    },
  };
  const client = new AppRunnerClient({
    region: TEST_REGION,
    endpoint: getSandbox().endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: handler,
  });
  return { client, records };
}

/** Awaits a call that must fail with `code` and HTTP `status`; returns the error for further checks. */
export async function expectAwsError(
  call: Promise<unknown>,
  code: string,
  status: number,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await call;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    if (err.name !== code || err.$metadata?.httpStatusCode !== status) {
      throw new Error(
        `expected ${code} (HTTP ${status}), got ${err.name} (HTTP ${err.$metadata?.httpStatusCode}): ${err.message}`,
      );
    }
    return err;
  }
  throw new Error(`expected ${code} (HTTP ${status}), but the call succeeded`);
}

/** Waits until DescribeService reports `status` (default RUNNING) and returns the service. */
export async function waitForServiceStatus(
  client: AppRunnerClient,
  serviceArn: string,
  status = 'RUNNING',
  timeoutMs = 10_000,
): Promise<Service> {
  return waitFor(
    `service ${serviceArn} to be ${status}`,
    async () => {
      const out = await client.send(new DescribeServiceCommand({ ServiceArn: serviceArn }));
      return out.Service?.Status === status ? out.Service : undefined;
    },
    timeoutMs,
  );
}

/** A public image any test can create services from. */
export const TEST_IMAGE = 'public.ecr.aws/aws-containers/hello-app-runner:latest';

// ServiceId's pattern is a 36-character UUID while its own min/max say 32; real ids are 32 hex digits.
const OUTPUT_OPTIONS = { rejectUnknownMembers: true, skipPatternFor: ['ServiceId'] };

/**
 * How a recorded App Runner answer breaks botocore's model: a 200 body against the operation's output
 * shape; an error body against its error shape, which must be one the operation declares.
 */
export function wireProblems(record: WireRecord): string[] {
  const model = loadAppRunnerModel();
  const body = JSON.parse(record.body) as Record<string, unknown>;
  if (record.status === 200) {
    const shape = model.operations[record.operation]?.output?.shape ?? '';
    return validateShape(model, shape, body, record.operation, OUTPUT_OPTIONS);
  }
  const { __type: code, ...rest } = body;
  const declared = (model.operations[record.operation]?.errors ?? []).map((e) => e.shape);
  const issues = declared.includes(String(code))
    ? []
    : [`${record.operation}: ${String(code)} is not a declared error`];
  return [
    ...issues,
    ...validateShape(model, String(code), rest, `${record.operation} error`, { rejectUnknownMembers: true }),
  ];
}
