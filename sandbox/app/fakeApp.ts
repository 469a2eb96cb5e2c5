// The application behind every ServiceUrl (`<host>/_apps/<service id>`): the runbook's health endpoints and
// an outbound internet check, answered from the ground truth, and the deployment log lines in CloudWatch Logs.
import { randomBytes } from 'node:crypto';
import type { EmulatorHooks } from '../apprunner/context';
import type { ServiceRecord, Store } from '../apprunner/store';
import { canReachDatabase, type Verdict } from '../groundTruth';
import { canReachInternet, type InternetVerdict } from '../internetTruth';
import type { MotoClientPool } from '../motoClients';
import { logGroupName, writeLog } from './appLogs';
import { gatherInternetFacts } from './egressFacts';
import { databaseTarget, gatherReachFacts } from './networkFacts';

export interface AppReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): AppReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
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

  /** The internet ground truth for a service's deployed egress (an HTTPS call to a public address). */
  async internetVerdict(service: ServiceRecord): Promise<InternetVerdict> {
    const config = service.deployed;
    if (!config) return { internet: false, reason: 'the service has no running deployment' };
    const egress = config.NetworkConfiguration.EgressConfiguration as { VpcConnectorArn?: string } | undefined;
    const connector = egress?.VpcConnectorArn ? this.store.connectors.get(egress.VpcConnectorArn) : undefined;
    return canReachInternet(await gatherInternetFacts(this.pool.get(service.region), config, connector));
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
    if (path === '/api/v1/health') return json(200, { status: 'healthy' });
    if (path === '/api/v1/db-health') {
      const verdict = await this.verdict(service);
      if (verdict.reachable) return json(200, { status: 'healthy', database: 'connected' });
      // The body is what the runbook's app returns; the header tells tests why (the app would not know).
      return json(200, { status: 'unhealthy', error: this.errorText(service, verdict) }, { 'x-sandbox-reason': verdict.reason });
    }
    if (path === '/api/v1/egress-health') {
      const verdict = await this.internetVerdict(service);
      return json(200, { internet: verdict.internet, reason: verdict.reason });
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
        await writeLog(this.pool.get(service.region).logs, logGroupName(service, 'application'), stream, ['Application startup', line]);
      },
      serviceEvent: async (service, message) => {
        if (!this.isCurrent(service)) return;
        await writeLog(this.pool.get(service.region).logs, logGroupName(service, 'service'), 'events', [message]);
      },
    };
  }
}
