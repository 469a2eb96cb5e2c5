// The application behind every ServiceUrl (`<host>/_apps/<service id>`): the runbook's health endpoints and
// an outbound internet check, answered from the ground truth, and the deployment log lines in CloudWatch Logs.
// The database is found the way the application's client finds it (appDatabaseConfig.ts: DATABASE_URL,
// libpq's PGHOST/PGPORT, DB_HOST/DB_PORT...), each variable as the running instances got it: a plain
// variable, or a secret or parameter App Runner resolved at deployment.
import { randomBytes } from 'node:crypto';
import type { EmulatorHooks } from '../apprunner/context';
import type { ServiceConfig, ServiceRecord, Store } from '../apprunner/store';
import { canReachDatabase, type Verdict } from '../groundTruth';
import { canReachInternet, type InternetVerdict } from '../internetTruth';
import type { MotoClientPool } from '../motoClients';
import { publishRequestMetrics } from './appMetrics';
import { logGroupName, writeLog } from './appLogs';
import { gatherInternetFacts } from './egressFacts';
import { expressReply } from './expressApp';
import { resolveDatabaseTarget, runtimeConfigOf } from './appDatabaseConfig';
import { gatherReachFacts, type DatabaseTarget } from './networkFacts';
import { resolveSecretReference } from './runtimeSecrets';

/** Header a test sets to call a service URL as a client inside that VPC would (private services). */
export const SOURCE_VPC_HEADER = 'x-sandbox-source-vpc';

export interface AppReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): AppReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** What the app's DB driver would report: psycopg for PostgreSQL URLs, PyMySQL for MySQL ones. */
function errorText(target: DatabaseTarget | undefined, verdict: Verdict): string {
  if (!target) return 'DATABASE_URL is not set';
  const dns = !verdict.reachable && verdict.nameResolution === true;
  if (target.engine === 'mysql' || target.engine === 'mariadb') {
    const why = dns ? '[Errno -3] Temporary failure in name resolution' : 'timed out';
    return `(2003, "Can't connect to MySQL server on '${target.host}' (${why})")`;
  }
  if (dns) return `could not translate host name "${target.host}" to address: Temporary failure in name resolution`;
  return `connection to server at "${target.host}", port ${target.port} failed: timeout expired`;
}

/** The deployed environment variables (image or code configuration). */
function environmentOf(service: ServiceRecord): Record<string, string> {
  const source = service.deployed?.SourceConfiguration as
    Record<string, Record<string, unknown> | undefined> | undefined;
  const image = source?.ImageRepository?.ImageConfiguration as
    { RuntimeEnvironmentVariables?: Record<string, string> } | undefined;
  const code = (
    source?.CodeRepository?.CodeConfiguration as
      { CodeConfigurationValues?: { RuntimeEnvironmentVariables?: Record<string, string> } } | undefined
  )?.CodeConfigurationValues;
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

/**
 * An application that never got the runbook's /db-health handler (6.3): SANDBOX_APP_DB_HEALTH=absent in its
 * environment makes the DB health path answer 404 like any unknown path.
 */
function hasDbHealth(service: ServiceRecord): boolean {
  return environmentOf(service).SANDBOX_APP_DB_HEALTH !== 'absent';
}

/** A failing application (SANDBOX_APP_ANSWERS_5XX=true): every path answers 500, for the metrics' 5xx share. */
function answers5xx(service: ServiceRecord): boolean {
  return environmentOf(service).SANDBOX_APP_ANSWERS_5XX === 'true';
}

export class FakeApp {
  /** The database each deployment's instances connect to (secrets are resolved once, at deployment). */
  private readonly databaseTargets = new WeakMap<ServiceConfig, Promise<DatabaseTarget | undefined>>();

  constructor(
    private readonly store: Store,
    private readonly pool: MotoClientPool,
  ) {}

  private databaseTarget(
    service: ServiceRecord,
    config: ServiceConfig,
    fresh = false,
  ): Promise<DatabaseTarget | undefined> {
    let target = fresh ? undefined : this.databaseTargets.get(config);
    if (!target) {
      const clients = this.pool.get(service.region);
      target = resolveDatabaseTarget(runtimeConfigOf(config), (ref) =>
        resolveSecretReference(clients.secrets, ref, clients.ssm),
      );
      this.databaseTargets.set(config, target);
    }
    return target;
  }

  /** The deployed configuration's database host, port and engine (never its credentials). */
  private async target(service: ServiceRecord): Promise<DatabaseTarget | undefined> {
    return service.deployed ? this.databaseTarget(service, service.deployed) : undefined;
  }

  /** The ground truth for a service's deployed configuration. */
  async verdict(service: ServiceRecord): Promise<Verdict> {
    const config = service.deployed;
    if (!config) return { reachable: false, reason: 'the service has no running deployment' };
    const egress = config.NetworkConfiguration.EgressConfiguration as { VpcConnectorArn?: string } | undefined;
    const connector = egress?.VpcConnectorArn ? this.store.connectors.get(egress.VpcConnectorArn) : undefined;
    const target = await this.target(service);
    if (!target) return { reachable: false, reason: 'DATABASE_URL is not set (or its secret could not be retrieved)' };
    return canReachDatabase(await gatherReachFacts(this.pool.get(service.region), config, connector, target));
  }

  /** The internet ground truth for a service's deployed egress (an HTTPS call to a public address). */
  async internetVerdict(service: ServiceRecord): Promise<InternetVerdict> {
    const config = service.deployed;
    if (!config) return { internet: false, reason: 'the service has no running deployment' };
    const egress = config.NetworkConfiguration.EgressConfiguration as { VpcConnectorArn?: string } | undefined;
    const connector = egress?.VpcConnectorArn ? this.store.connectors.get(egress.VpcConnectorArn) : undefined;
    return canReachInternet(await gatherInternetFacts(this.pool.get(service.region), config, connector));
  }

  /**
   * Whether a client can open a connection to the service's URL at all. A service deployed with
   * IsPubliclyAccessible=false answers only inside a VPC that has an AVAILABLE VPC ingress connection to it
   * (on AWS its URL resolves only there); from the workstation the connection fails.
   */
  private answers(service: ServiceRecord, sourceVpcId: string | undefined): boolean {
    const config = service.deployed ?? service.config;
    const ingress = config.NetworkConfiguration.IngressConfiguration as { IsPubliclyAccessible?: boolean } | undefined;
    if (ingress?.IsPubliclyAccessible !== false) return true;
    if (!sourceVpcId) return false;
    return [...this.store.ingressConnections.values()].some(
      (c) => c.serviceArn === service.arn && c.status === 'AVAILABLE' && c.vpcId === sourceVpcId,
    );
  }

  /**
   * Serves `/_apps/<id>/<path>`; `rest` is the path after the service id. Undefined: no connection (the
   * front drops it, as a workstation sees a private service's URL).
   */
  async handle(serviceId: string, rest: string, sourceVpcId?: string): Promise<AppReply | undefined> {
    const service = this.store.serviceById(serviceId);
    const express = service ? undefined : [...this.store.expressServices.values()].find((e) => e.id === serviceId);
    if (express) return expressReply(this.pool.get(express.region), express, rest, sourceVpcId);
    if (!service || service.status === 'DELETED') return json(404, { message: 'Not Found' });
    if (!this.answers(service, sourceVpcId)) return undefined;
    const serving =
      service.deployed !== undefined && (service.status === 'RUNNING' || service.status === 'OPERATION_IN_PROGRESS');
    if (!serving) return json(503, { message: 'Service Unavailable' });
    const started = performance.now();
    const reply = answers5xx(service)
      ? json(500, { detail: 'Internal Server Error' })
      : await this.route(service, rest);
    // Published before answering, so a client that reads the metrics after its request finds it (as App
    // Runner's own metrics would show it within the minute).
    await publishRequestMetrics(
      this.pool.get(service.region),
      service,
      reply.status,
      performance.now() - started,
    ).catch(() => undefined);
    return reply;
  }

  private async route(service: ServiceRecord, rest: string): Promise<AppReply> {
    const path = rest.split('?')[0];
    const config = echoedConfig(service);
    if (path === '/api/v1/health') return json(200, { status: 'healthy', ...(config ? { config } : {}) });
    if (path === '/api/v1/db-health' && hasDbHealth(service)) {
      const verdict = await this.verdict(service);
      if (verdict.reachable)
        return json(200, { status: 'healthy', database: 'connected', ...(config ? { config } : {}) });
      // The body is what the runbook's app returns; the header tells tests why (the app would not know).
      const text = errorText(await this.target(service), verdict);
      const error = config ? `${text} (DATABASE_URL=${config.DATABASE_URL ?? ''})` : text;
      return json(
        200,
        { status: 'unhealthy', error, ...(config ? { config } : {}) },
        { 'x-sandbox-reason': verdict.reason },
      );
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

  /**
   * Test-only (POST /_sandbox/app-log): the running application prints `lines` to stdout now, as App Runner
   * ships them to the application log group, in a stream of its own. The service is named by name, ARN or id
   * (a deleted one is not found); a service that never ran has no instance to print anything.
   */
  async writeApplicationLog(
    service: string,
    lines: readonly string[],
  ): Promise<{ logGroupName: string; logStreamName: string }> {
    const record = [...this.store.services.values()].find(
      (s) => s.status !== 'DELETED' && (s.name === service || s.arn === service || s.id === service),
    );
    if (!record) throw new Error(`no service ${JSON.stringify(service)}`);
    if (!record.deployed) throw new Error(`service ${record.name} has no running deployment to write a log line`);
    const group = logGroupName(record, 'application');
    const stream = `instance/${randomBytes(16).toString('hex')}`;
    await writeLog(this.pool.get(record.region).logs, group, stream, [...lines]);
    return { logGroupName: group, logStreamName: stream };
  }

  hooks(): EmulatorHooks {
    return {
      deployed: async (service) => {
        if (!this.isCurrent(service)) return;
        // New instances read their secrets now: a secret changed since the last deployment takes effect here.
        if (service.deployed) await this.databaseTarget(service, service.deployed, true);
        const verdict = await this.verdict(service);
        const line = verdict.reachable
          ? 'Successfully connected to database'
          : `ERROR: Failed to connect to database: ${errorText(await this.target(service), verdict)}`;
        if (!this.isCurrent(service)) return;
        const stream = `instance/${randomBytes(16).toString('hex')}`;
        const config = echoedConfig(service);
        const echoed = config
          ? [`ERROR config dump: ${JSON.stringify(config)}`, `Connecting to ${config.DATABASE_URL ?? ''}`]
          : [];
        await writeLog(this.pool.get(service.region).logs, logGroupName(service, 'application'), stream, [
          'Application startup',
          ...echoed,
          line,
        ]);
      },
      serviceEvent: async (service, message) => {
        if (!this.isCurrent(service)) return;
        await writeLog(this.pool.get(service.region).logs, logGroupName(service, 'service'), 'events', [message]);
      },
    };
  }
}
