// Fault injection state: added latency, throttling and server-error rates, and "fail the Nth call of
// operation X" counted from the moment the faults were set.

export interface FaultError {
  code: string;
  status: number;
  message?: string;
}

export interface FailNth {
  /** An App Runner target (UpdateService) or an EC2/RDS/STS/Logs action (CreateSecurityGroup). */
  operation: string;
  /** 1-based: 1 fails the first call after the faults were set. */
  nth: number;
  /** Signing name (apprunner, ec2, rds, sts, logs) when the operation name exists in several services. */
  service?: string;
  /** Default: the service's own internal error (InternalServiceErrorException 500, EC2 InternalError 500, ...). */
  error?: FaultError;
  /**
   * Instead of an error: the call takes effect, then its answer is held this long. A client with a shorter
   * timeout sees a timeout, and a client stopped meanwhile never learns the outcome: the worst case for
   * idempotency, since the change happened.
   */
  replyDelayMs?: number;
}

export interface FaultConfig {
  latencyMs?: number;
  /** 0..1: share of calls answered ThrottlingException (App Runner, 429) / RequestLimitExceeded (EC2, 503). */
  throttleRate?: number;
  /** 0..1: share of calls answered with the service's 5xx internal error. */
  serverErrorRate?: number;
  failNth?: FailNth[];
  /** CloudWatch Logs' FilterLogEvents answers this many empty pages (with a nextToken) before each real page. */
  emptyLogPages?: number;
}

export type InjectedFault = { kind: 'throttle' } | { kind: 'server' } | { kind: 'custom'; error: FaultError };

export interface FaultDecision {
  latencyMs: number;
  fault?: InjectedFault;
  /** Perform the call, then hold the answer this long. */
  replyDelayMs?: number;
}

function rate(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || value < 0 || value > 1) throw new Error(`${name} must be a number from 0 to 1`);
  return value;
}

/** Checks a fault configuration from JSON or the CLI; throws a readable Error when it is wrong. */
export function parseFaultConfig(input: unknown): FaultConfig {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const latency = raw.latencyMs;
  if (latency !== undefined && (typeof latency !== 'number' || latency < 0))
    throw new Error('latencyMs must be a number >= 0');
  const failNth = raw.failNth;
  if (failNth !== undefined && !Array.isArray(failNth)) throw new Error('failNth must be a list');
  const rules = ((failNth as unknown[] | undefined) ?? []).map((r): FailNth => {
    const rule = r as Partial<FailNth>;
    if (typeof rule.operation !== 'string' || typeof rule.nth !== 'number' || rule.nth < 1) {
      throw new Error('each failNth needs {operation: string, nth: number >= 1}');
    }
    if (rule.service !== undefined && typeof rule.service !== 'string')
      throw new Error('failNth service must be a string');
    if (rule.replyDelayMs !== undefined && (typeof rule.replyDelayMs !== 'number' || rule.replyDelayMs < 0)) {
      throw new Error('failNth replyDelayMs must be a number >= 0');
    }
    return rule as FailNth;
  });
  const empty = raw.emptyLogPages;
  if (empty !== undefined && (typeof empty !== 'number' || !Number.isInteger(empty) || empty < 0))
    throw new Error('emptyLogPages must be an integer >= 0');
  return {
    emptyLogPages: empty as number | undefined,
    latencyMs: latency as number | undefined,
    throttleRate: rate(raw.throttleRate, 'throttleRate'),
    serverErrorRate: rate(raw.serverErrorRate, 'serverErrorRate'),
    failNth: rules.length > 0 ? rules : undefined,
  };
}

/** One fault the sandbox injected (a failNth rule that matched, or a random throttle/5xx), for tests to check it fired. */
export interface FiredFault {
  operation: string;
  service: string;
  kind: 'throttle' | 'server' | 'custom' | 'reply-delay';
  /** Which call of the operation (in its service) since the faults were set. */
  nth: number;
}

export class FaultState {
  private config: FaultConfig = {};
  private readonly counts = new Map<string, number>();
  private firedFaults: FiredFault[] = [];

  set(config: FaultConfig): void {
    this.config = config;
    this.counts.clear();
    this.firedFaults = [];
  }

  /** The faults injected since the configuration was last set (setting or clearing faults empties it). */
  fired(): FiredFault[] {
    return [...this.firedFaults];
  }

  clear(): void {
    this.set({});
  }

  current(): FaultConfig {
    return this.config;
  }

  private count(key: string): number {
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n;
  }

  decide(operation: string, service = '', random: () => number = Math.random): FaultDecision {
    const n = this.count(operation);
    const nInService = this.count(`${service}:${operation}`);
    const latencyMs = this.config.latencyMs ?? 0;
    const rule = this.config.failNth?.find(
      (r) =>
        r.operation === operation &&
        (r.service === undefined ? r.nth === n : r.service === service && r.nth === nInService),
    );
    const fire = <T extends FaultDecision>(kind: FiredFault['kind'], decision: T): T => {
      this.firedFaults.push({ operation, service, kind, nth: nInService });
      return decision;
    };
    if (rule?.replyDelayMs !== undefined) return fire('reply-delay', { latencyMs, replyDelayMs: rule.replyDelayMs });
    if (rule)
      return fire(rule.error ? 'custom' : 'server', {
        latencyMs,
        fault: rule.error ? { kind: 'custom', error: rule.error } : { kind: 'server' },
      });
    if (random() < (this.config.throttleRate ?? 0)) return fire('throttle', { latencyMs, fault: { kind: 'throttle' } });
    if (random() < (this.config.serverErrorRate ?? 0)) return fire('server', { latencyMs, fault: { kind: 'server' } });
    return { latencyMs };
  }
}

/** What GET /_sandbox/calls answers. */
export interface CallSnapshot {
  total: number;
  operations: Record<string, number>;
  /**
   * IAM-style `service:Operation` counts of the calls our own tool made (its SDK clients send the user agent
   * `apprunner-vpc`), since the sandbox started: a calls reset does not clear them, so a test layer can
   * compare everything its run called with docs/iam-policy.json at the end.
   */
  toolOperations: Record<string, number>;
}

/** The user-agent token of the extension's and CLI's SDK clients (src/aws/clients.ts). */
export const TOOL_USER_AGENT = 'apprunner-vpc';

/** Per-operation counts of AWS calls that reached the endpoint (including faulted ones and retries). */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  private readonly toolCounts = new Map<string, number>();

  add(operation: string, call: { service?: string; userAgent?: string } = {}): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
    if (call.userAgent?.split(/[\s/]/).includes(TOOL_USER_AGENT)) {
      // The SigV4 signing names of the services we call (apprunner, ec2, rds, sts, logs) are their IAM prefixes.
      const key = `${call.service ?? ''}:${operation}`;
      this.toolCounts.set(key, (this.toolCounts.get(key) ?? 0) + 1);
    }
  }

  reset(): void {
    this.counts.clear();
  }

  snapshot(): CallSnapshot {
    const sorted = (m: Map<string, number>): Record<string, number> =>
      Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
    return {
      total: [...this.counts.values()].reduce((a, b) => a + b, 0),
      operations: sorted(this.counts),
      toolOperations: sorted(this.toolCounts),
    };
  }
}
