// One diagnosis in the editor: a fresh read of the service (the analysis must see the account as it is
// now), the pure analysis, and the live checks through the SDK bundle. The time of the last run is kept in
// workspaceState: the checklist's "connection test run recently" (runbook 8.1, 9) reads it.
import * as vscode from 'vscode';
import type { Diagnosis } from '../../model/diagnosis/diagnosis';
import type { HttpOutcome, LiveChecks } from '../../model/diagnosis/liveChecks';
import type { analyzeService } from '../../model/diagnosis/reachability';
import type { Topology } from '../../model/topology/topology';
import { EDITOR_READS } from '../../model/topology/readSet';
import { loadAwsSdk } from '../backend';
import { loadAnalysis } from '../analysisLoader';
import { readSecretsWithConsent } from '../secretConsent';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';

export interface DiagnoseResult {
  serviceName: string;
  at: string;
  diagnosis: Diagnosis;
  /** Undefined when the service is not in the snapshot (nothing to call). */
  live?: LiveChecks;
  /** The CLI's exit code for the same result: 0 clean, 3 problems. */
  exitCode: number;
}

/** What is remembered across sessions for the checklist. */
export interface ConnectionTestRecord {
  serviceName: string;
  at: string;
  logScan?: { connectedLineSeen: boolean; errorLines: number };
  /** The db-health outcome: the checklist's connection test passes only when it was healthy. */
  dbHealth?: HttpOutcome;
}

export const LAST_TEST_KEY = 'apprunnerVpc.diagnose.lastConnectionTest';

export function analysisOptions(): Parameters<typeof analyzeService>[2] {
  const s = readSettings();
  return {
    dbPort: s.databasePort,
    appRunnerGroupName: s.appRunnerSecurityGroupName,
    appRunnerGroupNameTag: s.appRunnerSecurityGroupNameTag,
    databaseGroupName: s.databaseSecurityGroupName,
    dnsEgress: s.dnsEgress,
  };
}

/**
 * The service as it is now, read alone (docs/performance.md, "Read set per command"): the analysis must see
 * the account as it is, and one service's answer never waits for the whole region's load.
 */
export async function freshSnapshot(services: ExtensionServices, serviceName: string): Promise<Topology> {
  return services.serviceReads.snapshotFor(serviceName, EDITOR_READS.diagnose, { fresh: true });
}

/** A modal question (the diagnose UI's confirm): asked before a secret is read for this one diagnosis. */
export type SecretConfirm = (message: string, detail: string, action: string) => Promise<boolean>;

export async function runDiagnosis(
  services: ExtensionServices,
  serviceName: string,
  token?: vscode.CancellationToken,
  confirmSecretRead?: SecretConfirm,
): Promise<DiagnoseResult> {
  const snapshot = await freshSnapshot(services, serviceName);
  const target = services.connection.state.target;
  const service = loadAnalysis().findService(snapshot, serviceName);
  // The host of a DATABASE_URL held in a secret, when the user allows reading it for this diagnosis (a local:
  // host and port only, gone when this function returns).
  const refs = confirmSecretRead ? loadAnalysis().secretsToOffer(snapshot, service, 'diagnose') : [];
  const secretUrls = confirmSecretRead ? await readSecretsWithConsent(refs, target, confirmSecretRead) : undefined;
  if (token?.isCancellationRequested) throw new vscode.CancellationError();
  const diagnosis = loadAnalysis().analyzeService(snapshot, serviceName, { ...analysisOptions(), secretUrls });
  let live: LiveChecks | undefined;
  if (service && target) {
    const backend = loadAwsSdk();
    const settings = readSettings();
    const controller = new AbortController();
    const cancel = token?.onCancellationRequested(() => controller.abort());
    try {
      live = await backend.runLiveChecks(backend.getClients(target), service, {
        healthCheckPath: settings.healthCheckPath,
        dbHealthPath: settings.dbHealthPath,
        signal: controller.signal,
      });
    } finally {
      cancel?.dispose();
    }
    if (token?.isCancellationRequested) throw new vscode.CancellationError();
    const scan = live.logs.scan;
    const record: ConnectionTestRecord = {
      serviceName: diagnosis.serviceName,
      at: live.checkedAt,
      dbHealth: live.dbHealth.outcome,
      logScan: scan ? { connectedLineSeen: scan.connectedLineSeen, errorLines: scan.errorLines } : undefined,
    };
    await services.context.workspaceState.update(LAST_TEST_KEY, record);
  }
  return {
    serviceName: diagnosis.serviceName,
    at: new Date().toISOString(),
    diagnosis,
    live,
    exitCode: loadAnalysis().diagnoseExitCode(diagnosis, live),
  };
}

export function lastConnectionTest(services: ExtensionServices): ConnectionTestRecord | undefined {
  return services.context.workspaceState.get<ConnectionTestRecord>(LAST_TEST_KEY);
}
