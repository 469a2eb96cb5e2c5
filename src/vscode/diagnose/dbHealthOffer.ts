// Diagnose's answer to a DB health path that answered 404 (runbook 6.3): the endpoint is
// missing, not failing, so the remedy is the handler itself. The report names the snippet for the runtime in
// apprunner.yaml, a notification offers "Add a db-health endpoint...", and so does "Fix..." (under this id).
import * as vscode from 'vscode';
import type { DbHealthOffer } from '../../model/diagnosis/diagnosisReport';
import { loadAnalysis } from '../analysisLoader';
import { reportError } from '../commands/register';
import { refusedInRestrictedMode } from '../commands/restrictedMode';
import { readSettings } from '../settings';
import { type AddDbHealthResult, addDbHealthEndpoint, workspaceRuntime } from '../setup/addDbHealthEndpoint';
import type { Ui } from '../ui/ui';
import type { DiagnoseResult } from './runDiagnosis';

/** The "Fix..." entry's id, the same code the setup's last step fails with (src/engine/steps/health.ts). */
export const DB_HEALTH_MISSING = 'db-health-missing';

export function dbHealthMissing(result: DiagnoseResult | undefined): boolean {
  return result?.live?.dbHealth.outcome === 'missing';
}

/** The snippet the runtime in the workspace's apprunner.yaml gets; undefined when the endpoint answered. */
export async function dbHealthOfferFor(result: DiagnoseResult): Promise<DbHealthOffer | undefined> {
  if (!dbHealthMissing(result)) return undefined;
  const { runtime } = await workspaceRuntime();
  return loadAnalysis().dbHealthOffer(runtime, readSettings().dbHealthPath);
}

export function addEndpointLabel(): string {
  return vscode.l10n.t('Add a db-health endpoint...');
}

export function missingMessage(result: DiagnoseResult): string {
  return vscode.l10n.t(
    'The DB health endpoint {0} of {1} is missing: the application answered 404 Not Found (runbook 6.3, database health endpoint).',
    result.live?.dbHealth.path ?? readSettings().dbHealthPath,
    result.serviceName,
  );
}

/** Runs "Add a db-health endpoint..." with the diagnose UI's prompts. */
export async function addEndpoint(ui: Ui): Promise<AddDbHealthResult | undefined> {
  // It writes into the workspace: not in Restricted Mode, however it is reached (the offer after a diagnosis).
  if (await refusedInRestrictedMode(ui)) return undefined;
  return addDbHealthEndpoint(undefined, (message, actions) => ui.notify('info', message, actions));
}

/** The notification after a diagnosis that found the endpoint missing; not awaited by the diagnosis. */
export async function offerDbHealthEndpoint(ui: Ui, result: DiagnoseResult): Promise<void> {
  try {
    const label = addEndpointLabel();
    if ((await ui.notify('info', missingMessage(result), [label])) === label) await addEndpoint(ui);
  } catch (error) {
    await reportError('diagnose.addDbHealthEndpoint', error);
  }
}
