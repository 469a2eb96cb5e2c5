import * as os from 'node:os';
import * as vscode from 'vscode';
import { masked } from '../masking';
import { awsErrorLogText, classifyAwsError, type NextStep } from '../../model/common/awsError';
import { ssoLoginCommand, ssoLoginTerminal, shellKind } from '../../model/common/terminalQuote';
import { UserError } from '../../model/common/userError';
import { readSettings } from '../settings';
import { pick } from '../localize';
import { log } from '../log';
import { CommandId } from '../../model/common/commandIds';

export type CommandHandler = (...args: unknown[]) => unknown;

function isCancellation(error: unknown): boolean {
  return error instanceof vscode.CancellationError || (error as { name?: string })?.name === 'AbortError';
}

const actions: Record<NextStep, () => { title: string; run: () => Thenable<unknown> } | undefined> = {
  'select-profile': () => ({
    title: vscode.l10n.t('Select Profile'),
    run: () => vscode.commands.executeCommand(CommandId.selectProfile),
  }),
  'select-region': () => ({
    title: vscode.l10n.t('Select Region'),
    run: () => vscode.commands.executeCommand(CommandId.selectRegion),
  }),
  'sso-login': () => ({
    title: vscode.l10n.t('Run aws sso login'),
    run: async () => {
      // The profile we signed with (setting or AWS_PROFILE), quoted for the terminal's shell.
      const profile = readSettings().profile || process.env.AWS_PROFILE || undefined;
      const where = ssoLoginTerminal(vscode.workspace.isTrusted, os.homedir());
      if (!where.run) {
        void vscode.window.showWarningMessage(
          vscode.l10n.t(
            'This window is in Restricted Mode, so it does not open a terminal to run aws sso login. Trust the workspace, or run it in your own terminal.',
          ),
        );
        return;
      }
      const terminal = vscode.window.createTerminal({ name: 'aws sso login', cwd: where.cwd });
      terminal.show();
      terminal.sendText(ssoLoginCommand(profile, shellKind(vscode.env.shell)));
    },
  }),
  'check-endpoint': () => ({
    title: vscode.l10n.t('Open Settings'),
    run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'apprunnerVpc'),
  }),
  retry: () => undefined,
  wait: () => undefined,
  'open-log': () => undefined,
};

/** Shows one error the same way everywhere: one line, a next step, the details in the log. */
export async function reportError(commandId: string, error: unknown): Promise<void> {
  if (isCancellation(error)) return;
  let message: string;
  let next: NextStep = 'open-log';
  if (error instanceof UserError) {
    message = pick(error.text);
    log.warn(`${commandId}: ${error.text.en}`);
  } else {
    const normalized = classifyAwsError(error);
    message = pick(normalized.message);
    next = normalized.nextStep;
    log.error(`${commandId} failed: ${awsErrorLogText(normalized)}`);
    if (error instanceof Error && error.stack) log.debug(error.stack);
  }
  const action = actions[next]();
  const openLog = vscode.l10n.t('Open Log');
  const choice = await vscode.window.showErrorMessage(masked(message), ...(action ? [action.title] : []), openLog);
  if (choice === openLog) log.show();
  else if (action && choice === action.title) await action.run();
}

// Our own commands, known without asking the workbench (getCommands is a round trip to the renderer, too slow
// for CodeLens, which checks its actions on every refresh).
const registered = new Set<string>();

/** Whether this extension has registered the command (and not disposed it). */
export function isCommandRegistered(id: string): boolean {
  return registered.has(id);
}

let beforeCommand: (() => PromiseLike<unknown>) | undefined;

/** What every command waits for first (the quiet start: a command is a demand for AWS, so it connects). */
export function setCommandGate(gate: () => PromiseLike<unknown>): void {
  beforeCommand = gate;
}

/**
 * Registers a command behind the one wrapper: cancellation is silent, errors are reported once. `quiet`
 * commands (show the log) do not start the AWS connection.
 */
export function registerCommand(
  context: vscode.ExtensionContext,
  id: CommandId,
  handler: CommandHandler,
  options: { quiet?: boolean } = {},
): void {
  registered.add(id);
  context.subscriptions.push(
    { dispose: () => registered.delete(id) },
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        if (!options.quiet) await beforeCommand?.();
        return await handler(...args);
      } catch (error) {
        void reportError(id, error);
        return undefined;
      }
    }),
  );
}
