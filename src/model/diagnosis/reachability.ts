// "Why can't my service reach the database?" answered from the snapshot alone: every check of runbook
// sections 6 to 8 for one service, as findings with evidence and fixes, and one verdict per path.
import { checkAvailability } from './checks/availabilityChecks';
import { checkConnector } from './checks/connectorChecks';
import { checkDatabaseChoice, checkDatabaseInstance, checkDatabaseUrl } from './checks/databaseChecks';
import { checkDatabaseAcls, checkDatabaseGroups, checkProxyTargetHop } from './checks/databaseRuleChecks';
import { Diagnosis, Finding, hasError, Verdict } from './diagnosis';
import { analysisVpc, checkDns, dnsNotes } from './checks/dnsChecks';
import { finding } from './findingBuilder';
import { checkInternet } from './checks/internetChecks';
import { AnalysisContext, AnalyzeOptions, findService, resolveContext } from './reachabilityContext';
import { checkSecurity } from './checks/securityChecks';
import { checkServiceState } from './checks/serviceStateChecks';
import { Topology } from '../topology/topology';
import { msg } from '../l10n/text';

export type { AnalyzeOptions } from './reachabilityContext';

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function unknownDiagnosis(name: string, arn: string | undefined, f: Finding): Diagnosis {
  return {
    serviceName: name,
    serviceArn: arn,
    connectorAttached: false,
    verdicts: { database: 'unknown', internet: 'unknown', dns: 'unknown' },
    findings: [f],
  };
}

function verdicts(ctx: AnalysisContext, findings: readonly Finding[]): Diagnosis['verdicts'] {
  const vpc = analysisVpc(ctx);
  const dnsBlocked = ctx.attached && hasError(findings, 'dns');
  const dns: Verdict = !ctx.attached
    ? 'reachable'
    : dnsBlocked
      ? 'blocked'
      : vpc?.enableDnsSupport === true
        ? 'reachable'
        : 'unknown';
  // The database is reached by name (the RDS endpoint), so a VPC that cannot resolve names blocks it too.
  const database: Verdict =
    hasError(findings, 'database') || (dnsBlocked && ctx.db !== undefined)
      ? 'blocked'
      : ctx.db === undefined || !ctx.connector
        ? 'unknown'
        : 'reachable';
  const internetUnknown = findings.some((f) => f.id === 'default-route-not-nat');
  const internet: Verdict = !ctx.attached
    ? 'reachable'
    : hasError(findings, 'internet') || dnsBlocked || !ctx.connector || ctx.connector.status !== 'ACTIVE'
      ? 'blocked'
      : internetUnknown
        ? 'unknown'
        : 'reachable';
  return { database, internet, dns };
}

export function analyzeService(topology: Topology, serviceArnOrName: string, options: AnalyzeOptions = {}): Diagnosis {
  const service = findService(topology, serviceArnOrName);
  if (!service) {
    return unknownDiagnosis(
      serviceArnOrName,
      undefined,
      finding(
        'service-not-found',
        'error',
        'database',
        msg('The App Runner service {0} is not in this account and region.', serviceArnOrName),
        [{ kind: 'service', id: serviceArnOrName, detail: `${topology.services.length} service(s) loaded` }],
      ),
    );
  }
  if (!service.detailsLoaded) {
    return unknownDiagnosis(
      service.name,
      service.arn,
      finding(
        'service-details-missing',
        'info',
        'database',
        msg('The details of {0} have not been loaded yet, so its network path cannot be analysed.', service.name),
        [{ kind: 'service', id: service.arn, detail: 'DescribeService not answered yet' }],
      ),
    );
  }
  const ctx = resolveContext(topology, service, options);
  const egressThroughVpc = ctx.attached && !ctx.connectorArnMissing;
  const findings: Finding[] = [
    ...checkServiceState(service),
    ...checkConnector(ctx),
    ...checkDatabaseChoice(ctx),
    ...checkDatabaseInstance(ctx),
    ...checkDatabaseUrl(ctx),
    // The rules are checked for a candidate connector too: what would still block after attaching it.
    ...checkDatabaseGroups(ctx),
    ...checkDatabaseAcls(ctx),
    ...checkProxyTargetHop(ctx),
    ...(egressThroughVpc ? checkInternet(ctx) : []),
    ...checkDns(ctx),
    ...checkAvailability(ctx),
    ...checkSecurity(ctx),
  ];
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return {
    serviceName: service.name,
    serviceArn: service.arn,
    connectorArn: ctx.connector?.arn,
    connectorAttached: ctx.attached,
    dbInstanceId: ctx.db?.id,
    ...(ctx.db ? { dbKind: ctx.db.kind } : {}),
    ...(ctx.db?.behind ? { dbProxyTargetId: ctx.db.behind.id } : {}),
    dbPort: ctx.dbPort,
    vpcId: ctx.connectorVpcId ?? ctx.db?.vpcId,
    verdicts: verdicts(ctx, findings),
    findings,
    notes: dnsNotes(ctx),
  };
}
