// Lenses on a run.env entry whose value is a database URL (and on a secret named like one): where the host
// is, whether it is a DB instance in the connector's VPC, and the verdict of the reachability analysis on
// the path to it (`open via sg-apprunner -> sg-rds`, or the first reason it is not).
import type { EnvEntry, Localized } from '../apprunnerYaml/types';
import { parseDatabaseUrl, type DatabaseUrl } from '../topology/databaseUrl';
import { type DatabaseTarget, databaseLabel, targetByHost, targetById } from '../topology/databaseTargets';
import type { Diagnosis, Finding } from '../diagnosis/diagnosis';
import { analyzeService } from '../diagnosis/reachability';
import { dbVpc, vpcOfConnector } from '../diagnosis/reachabilityContext';
import type { AppRunnerService, Topology } from '../topology/topology';
import { LENS_COMMANDS, type LensInput, type LensModel, same } from './types';
import { msg } from '../l10n/text';

const DB_VARIABLE = /^(DATABASE_URL|.*_(URL|URI|DSN))$/i;

/** `DB instance kyudai-db (available) in the connector's VPC` and friends; the VPC ids go in the tooltip. */
function hostMatch(
  topology: Topology,
  db: DatabaseTarget | undefined,
  diagnosis: Diagnosis | undefined,
): { title: Localized; tooltip?: Localized } {
  if (!db) return { title: msg('not a database (instance, cluster or proxy) in this account and region') };
  const vpc = dbVpc(topology, db) ?? '?';
  const connector = topology.connectors.find((c) => c.arn === diagnosis?.connectorArn);
  const connectorVpc = connector ? vpcOfConnector(topology, connector) : undefined;
  const what = msg('{0} ({1})', databaseLabel(db), db.status);
  if (!connector) {
    return { title: msg('{0}, no VPC connector', what), tooltip: msg('{0} is in {1}.', db.id, vpc) };
  }
  const candidate = !diagnosis?.connectorAttached;
  const tooltip = candidate
    ? msg('{0} is in {1}; the candidate connector {2} is in {3}.', db.id, vpc, connector.name, connectorVpc ?? '?')
    : msg('{0} is in {1}; the connector {2} is in {3}.', db.id, vpc, connector.name, connectorVpc ?? '?');
  const whose = candidate ? msg('the candidate connector') : msg('the connector');
  if (connectorVpc === vpc) return { title: msg("{0} in {1}'s VPC", what, whose), tooltip };
  return { title: msg("{0} NOT in {1}'s VPC", what, whose), tooltip };
}

function groupNames(topology: Topology, ids: readonly string[]): string {
  // A group by its Name tag (the runbook's sg-apprunner, sg-rds), else its GroupName, else its id.
  return (
    ids
      .map((id) => {
        const g = topology.securityGroups.find((x) => x.id === id);
        return (g?.tags.Name || g?.name) ?? id;
      })
      .join(', ') || 'default'
  );
}

function firstReason(diagnosis: Diagnosis): Finding | undefined {
  const relevant = diagnosis.findings.filter((f) => f.path === 'database' || f.path === 'dns');
  return relevant.find((f) => f.severity === 'error') ?? relevant.find((f) => f.severity === 'warning');
}

/** `open via sg-apprunner -> sg-rds`, or `blocked: <first reason>`. */
export function pathVerdict(
  topology: Topology,
  service: AppRunnerService,
  url: DatabaseUrl | undefined,
  db: DatabaseTarget,
  diagnosis: Diagnosis,
): Localized {
  const port = (url ? db.endpoints.find((e) => e.address === url.host)?.port : undefined) ?? db.port;
  if (url && url.port !== port) {
    return msg('blocked: the URL uses port {0} but {1} listens on {2}', url.port, db.id, port);
  }
  if (diagnosis.verdicts.database === 'reachable' && diagnosis.connectorAttached) {
    const connector = topology.connectors.find((c) => c.arn === diagnosis.connectorArn);
    const from = groupNames(topology, connector?.securityGroupIds ?? []);
    return same(`${port} open via ${from} -> ${groupNames(topology, db.securityGroupIds)}`);
  }
  const reason = firstReason(diagnosis);
  if (diagnosis.verdicts.database === 'blocked' && reason) return msg('{0} blocked: {1}', port, reason.message);
  if (reason) return msg('{0} not known: {1}', port, reason.message);
  return msg('{0} not known for {1}', port, service.name);
}

function analysis(
  input: LensInput,
  topology: Topology,
  service: AppRunnerService,
  db: DatabaseTarget | undefined,
): Diagnosis | undefined {
  if (!service.detailsLoaded) return undefined;
  return analyzeService(topology, service.arn, {
    dbInstanceId: db?.id,
    appRunnerGroupName: input.appRunnerGroupName,
    appRunnerGroupNameTag: input.appRunnerGroupNameTag,
    databaseGroupName: input.databaseGroupName,
    dbPort: db ? undefined : input.databasePort,
  });
}

function linkedService(input: LensInput): AppRunnerService | undefined {
  const link = input.link;
  if (link.kind === 'none' || link.kind === 'ambiguous') return undefined;
  return input.snapshot?.services.find((s) => s.name === link.serviceName);
}

function entryLenses(
  input: LensInput,
  path: string,
  range: EnvEntry['range'],
  url: DatabaseUrl | undefined,
): LensModel[] {
  const topology = input.snapshot;
  const service = linkedService(input);
  const hostText = url ? `${url.host}:${url.port}` : undefined;
  const db = url && topology ? targetByHost(topology, url.host)?.target : undefined;
  if (!topology) return hostText ? [{ id: `db-host:${path}`, range, title: same(hostText) }] : [];
  const diagnosis = service ? analysis(input, topology, service, db) : undefined;
  // A secret hides its host: the analysis picks the DB the way diagnose does (the only one in the VPC).
  const target = db ?? (url || !diagnosis?.dbInstanceId ? undefined : targetById(topology, diagnosis.dbInstanceId));
  const match = hostText || target ? hostMatch(topology, url ? db : target, diagnosis) : undefined;
  const head: Localized =
    hostText && match
      ? msg('{0} = {1}', hostText, match.title)
      : match
        ? msg('value from a secret, assumed {0}', match.title)
        : msg('value from a secret · database not known');
  const lenses: LensModel[] = [];
  // The verdict first: it is what the user is after, and a long host name would push it off screen.
  if (service && target && diagnosis) {
    lenses.push({
      id: `db-path:${path}`,
      range,
      title: pathVerdict(topology, service, url, target, diagnosis),
      command: LENS_COMMANDS.diagnose,
      args: [service.name],
      tooltip: msg('Run Diagnose for {0}: every check with its evidence and fixes.', service.name),
    });
  }
  lenses.push({
    id: `db-host:${path}`,
    range,
    title: head,
    tooltip: match?.tooltip,
    command: service ? LENS_COMMANDS.showDiagram : undefined,
    args: service ? [service.name] : undefined,
  });
  return lenses;
}

/** Lenses for every run.env database URL and every run.secrets entry named like one. */
export function databaseLenses(input: LensInput): LensModel[] {
  const run = input.config.run;
  if (!run) return [];
  const out: LensModel[] = [];
  run.env.forEach((entry, index) => {
    const url = parseDatabaseUrl(entry.value?.value);
    if (url && entry.name) out.push(...entryLenses(input, `run.env[${index}]`, entry.name.range, url));
  });
  run.secrets.forEach((entry, index) => {
    if (entry.name && DB_VARIABLE.test(entry.name.value))
      out.push(...entryLenses(input, `run.secrets[${index}]`, entry.name.range, undefined));
  });
  return out;
}
