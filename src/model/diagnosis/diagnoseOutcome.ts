// What a diagnosis adds up to for scripts: the CLI's exit code and its --json document. One definition, so
// the CLI, the VS Code command and the tests agree on what "problems found" means.
import type { Diagnosis, Evidence, Finding, Fix, FindingPath, LocalizedText, Severity } from './diagnosis';
import type { LiveChecks } from './liveChecks';

/** The database path is reachable, no error findings, and the DB health endpoint (when asked) agreed. */
export const EXIT_CLEAN = 0;
/** The diagnosis ran and found problems: see the findings. */
export const EXIT_PROBLEMS = 3;

export interface Problems {
  found: boolean;
  /** One short reason per problem: 'database path blocked', 'error finding sg-...', 'db-health unhealthy'. */
  reasons: string[];
}

export function problemsOf(d: Diagnosis, live?: LiveChecks): Problems {
  const reasons: string[] = [];
  if (d.verdicts.database !== 'reachable') reasons.push(`database path ${d.verdicts.database}`);
  for (const f of d.findings) if (f.severity === 'error') reasons.push(`error finding ${f.id}`);
  const dbHealth = live?.dbHealth.outcome;
  if (dbHealth === 'unhealthy' || dbHealth === 'missing' || dbHealth === 'unreachable')
    reasons.push(`${live?.dbHealth.path} ${dbHealth}`);
  return { found: reasons.length > 0, reasons };
}

export function diagnoseExitCode(d: Diagnosis, live?: LiveChecks): number {
  return problemsOf(d, live).found ? EXIT_PROBLEMS : EXIT_CLEAN;
}

export interface DiagnoseDocument {
  service: { name: string; arn?: string };
  connectorArn?: string;
  connectorAttached: boolean;
  dbInstanceId?: string;
  dbPort?: number;
  vpcId?: string;
  verdicts: Diagnosis['verdicts'];
  problems: Problems;
  findings: {
    id: string;
    severity: Severity;
    path: FindingPath;
    message: LocalizedText;
    evidence: Evidence[];
    fix: Fix | null;
  }[];
  /** Explanations that are not problems (added with the dnsEgress setting). */
  notes: LocalizedText[];
  live: LiveChecks | null;
}

function findingJson(f: Finding): DiagnoseDocument['findings'][number] {
  return { id: f.id, severity: f.severity, path: f.path, message: f.message, evidence: f.evidence, fix: f.fix ?? null };
}

export function diagnoseDocument(d: Diagnosis, live?: LiveChecks): DiagnoseDocument {
  return {
    service: { name: d.serviceName, arn: d.serviceArn },
    connectorArn: d.connectorArn,
    connectorAttached: d.connectorAttached,
    dbInstanceId: d.dbInstanceId,
    dbPort: d.dbPort,
    vpcId: d.vpcId,
    verdicts: d.verdicts,
    problems: problemsOf(d, live),
    findings: d.findings.map(findingJson),
    notes: d.notes ?? [],
    live: live ?? null,
  };
}
