import { registerCommand } from '../commands/register';
import type { ExtensionServices } from '../services';
import * as vscode from 'vscode';
import { PLAN_SCHEME, planDocuments } from './planDocuments';
import type { CommandName, SetupRun } from './setupContext';
import { exportSetup } from './exportSetup';
import { ADD_DB_HEALTH_COMMAND, addDbHealthEndpoint } from './addDbHealthEndpoint';
import { runSetupCommand } from './setupCommands';
import { CommandId, WRITE_COMMANDS } from '../../model/common/commandIds';
import { refusedInRestrictedMode } from '../commands/restrictedMode';

/** What the setup commands offer to tests: what the last command did. */
export interface SetupApi {
  /** The last setup command's plan, apply result, status and messages. */
  lastRun(): SetupRun | undefined;
  /** The document the last Export Setup opened. */
  lastExport(): vscode.TextDocument | undefined;
}

const COMMANDS: CommandName[] = [
  'setupConnector',
  'createSecurityGroups',
  'createConnector',
  'attachConnector',
  'detachConnector',
  'deleteConnector',
  'checkHealth',
];

export function registerSetup(services: ExtensionServices): SetupApi {
  let last: SetupRun | undefined;
  services.context.subscriptions.push(
    planDocuments,
    vscode.workspace.registerTextDocumentContentProvider(PLAN_SCHEME, planDocuments),
  );
  for (const command of COMMANDS) {
    const id = CommandId[command];
    registerCommand(services.context, id, async (arg: unknown) => {
      if (WRITE_COMMANDS.includes(id) && (await refusedInRestrictedMode(services.ui()))) return undefined;
      return runSetupCommand(services, command, arg, (run) => (last = run));
    });
  }
  let exported: vscode.TextDocument | undefined;
  registerCommand(services.context, CommandId.exportSetup, async (arg: unknown) => {
    // Nothing is returned: a command's result crosses to the workbench, and a document does not serialise.
    exported = (await exportSetup(services, arg)) ?? exported;
  });
  registerCommand(services.context, ADD_DB_HEALTH_COMMAND, async (arg: unknown) => {
    if (await refusedInRestrictedMode(services.ui())) return;
    await addDbHealthEndpoint(arg);
  });
  return { lastRun: () => last, lastExport: () => exported };
}
