// The application behind every ServiceUrl (`<host>/_apps/<service id>`): the runbook's health endpoints,
// answered from the ground truth, and the deployment log lines in CloudWatch Logs.
import { randomBytes } from 'node:crypto';
import type { EmulatorHooks } from '../apprunner/context';
import type { ServiceRecord, Store } from '../apprunner/store';
import { canReachDatabase, type Verdict } from '../groundTruth';
import type { MotoClientPool } from '../motoClients';
import { logGroupName, writeLog } from './appLogs';
import { databaseTarget, gatherReachFacts } from './networkFacts';

export interface AppReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): AppReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** The deployed environment variables (image or code configuration). */
function environmentOf(service: ServiceRecord): Record<string, string> {
  const source = service.deployed?.SourceConfiguration as Record<string, Record<string, unknown> | undefined> | undefined;
  const image = source?.ImageRepository?.ImageConfiguration as { RuntimeEnvironmentVariables?: Record<string, string> } | undefined;
  const code = (source?.CodeRepository?.CodeConfiguration as { CodeConfigurationValues?: { RuntimeEnvironmentVariables?: Record<string, string> } } | undefined)
    ?.CodeConfigurationValues;
  return { ...(image ?? code)?.RuntimeEnvironmentVariables };
}

/**
 * A careless application (SANDBOX_APP_ECHOES_CONFIG=true in its environment) puts its whole configuration in
 * its health answers and log lines, as debug endpoints and "connecting to <DSN>" lines do in real apps: the
 * reliability suite checks that none of it reaches what the product shows.
 */
function echoedConfig(service: ServiceRecord): Record<string, string> | undefined {
  const env = environmentOf(service);
  return env.SANDBOX_APP_ECHOES_CONFIG === 'true' ? env : undefined;
}

export class FakeApp {
  constructor(
    private readonly store: Store,
    private readonly pool: MotoClientPool,
  ) {}

  /** The ground truth for a service's deployed configuration. */
  async verdict(service: ServiceRecord): Promise<Verdict> {
    const config = service.deployed;
    if (!config) return { reachable: false, reason: 'the service has no running deployment' };
    const egress = config.NetworkConfiguration.EgressConfiguration as { VpcConnectorArn?: string } | undefined;
    const connector = egress?.VpcConnectorArn ? this.store.connectors.get(egress.VpcConnectorArn) : undefined;
    return canReachDatabase(await gatherReachFacts(this.pool.get(service.region), config, connector));
  }

  /** What a PostgreSQL client in the app would report (psycopg wording). */
  private errorText(service: ServiceRecord, verdict: Verdict): string {
    const target = service.deployed ? databaseTarget(service.deployed) : undefined;
    if (!target) return 'DATABASE_URL is not set';
    if (!verdict.reachable && verdict.nameResolution) {
      return `could not translate host name "${target.host}" to address: Temporary failure in name resolution`;
    }
    return `connection to server at "${target.host}", port ${target.port} failed: timeout expired`;
  }

  /** Serves `/_apps/<id>/<path>`; `rest` is the path after the service id. */
  async handle(serviceId: string, rest: string): Promise<AppReply> {
    const service = this.store.serviceById(serviceId);
    if (!service || service.status === 'DELETED') return json(404, { message: 'Not Found' });
    const serving = service.deployed !== undefined && (service.status === 'RUNNING' || service.status === 'OPERATION_IN_PROGRESS');
    if (!serving) return json(503, { message: 'Service Unavailable' });
    const path = rest.split('?')[0];
    const config = echoedConfig(service);
    if (path === '/api/v1/health') return json(200, { status: 'healthy', ...(config ? { config } : {}) });
    if (path === '/api/v1/db-health') {
      const verdict = await this.verdict(service);
      if (verdict.reachable) return json(200, { status: 'healthy', database: 'connected', ...(config ? { config } : {}) });
      // The body is what the runbook's app returns; the header tells tests why (the app would not know).
      const error = config ? `${this.errorText(service, verdict)} (DATABASE_URL=${config.DATABASE_URL ?? ''})` : this.errorText(service, verdict);
      return json(200, { status: 'unhealthy', error, ...(config ? { config } : {}) }, { 'x-sandbox-reason': verdict.reason });
    }
    return json(404, { detail: 'Not Found' });
  }

  /** False once a reset replaced the state: late log lines must not leak into the fresh world. */
  private isCurrent(service: ServiceRecord): boolean {
    return this.store.services.get(service.arn) === service;
  }

  hooks(): EmulatorHooks {
    return {
      deployed: async (service) => {
        if (!this.isCurrent(service)) return;
        const verdict = await this.verdict(service);
        const line = verdict.reachable
          ? 'Successfully connected to database'
          : `ERROR: Failed to connect to database: ${this.errorText(service, verdict)}`;
        if (!this.isCurrent(service)) return;
        const stream = `instance/${randomBytes(16).toString('hex')}`;
        const config = echoedConfig(service);
        const echoed = config ? [`ERROR config dump: ${JSON.stringify(config)}`, `Connecting to ${config.DATABASE_URL ?? ''}`] : [];
        await writeLog(this.pool.get(service.region).logs, logGroupName(service, 'application'), stream, ['Application startup', ...echoed, line]);
      },
      serviceEvent: async (service, message) => {
        if (!this.isCurrent(service)) return;
        await writeLog(this.pool.get(service.region).logs, logGroupName(service, 'service'), 'events', [message]);
      },
    };
  }
}
