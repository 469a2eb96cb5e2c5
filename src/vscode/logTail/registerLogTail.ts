// Tail Application Log and Stop Tailing Application Log (runbook 6.2): one output channel and one poll loop
// per service, a status bar item while any tail runs (a click stops it), and every loop stopped when the
// extension deactivates (the sessions are disposed with the context's subscriptions).
import * as vscode from 'vscode';
import { CommandId } from '../../model/common/commandIds';
import { UserError } from '../../model/common/userError';
import { msg } from '../../model/l10n/text';
import { registerCommand } from '../commands/register';
import { resolveTarget, serviceTarget } from '../commands/targets';
import type { ExtensionServices } from '../services';
import { LogTailSession, type LogTailSnapshot } from './logTailSession';
import { chosen as answered } from '../ui/ui';

/** What the host tests see of the tails (the lines appended, the poll counts). */
export interface LogTailApi {
  sessions(): LogTailSnapshot[];
}

const TAILING_CONTEXT = 'apprunnerVpc.tailing';

export function registerLogTail(services: ExtensionServices): LogTailApi {
  const sessions = new Map<string, LogTailSession>();
  const status = vscode.window.createStatusBarItem('apprunnerVpc.logTail', vscode.StatusBarAlignment.Left, 49);
  status.name = vscode.l10n.t('App Runner VPC: application log tail');
  status.command = CommandId.stopTailingApplicationLog;
  const running = (): LogTailSession[] => [...sessions.values()].filter((s) => s.isRunning);

  const render = (): void => {
    const active = running();
    void vscode.commands.executeCommand('setContext', TAILING_CONTEXT, active.length > 0);
    if (active.length === 0) {
      status.hide();
      return;
    }
    status.text =
      active.length === 1
        ? `$(debug-stop) ${vscode.l10n.t('Tailing {0}', active[0].service.name)}`
        : `$(debug-stop) ${vscode.l10n.t('Tailing {0} logs', active.length)}`;
    status.tooltip = vscode.l10n.t('Stop tailing the application log');
    status.show();
  };

  const tail = async (arg: unknown): Promise<LogTailSnapshot> => {
    const target = services.connection.state.target;
    if (!target)
      throw new UserError(msg('Not connected to AWS: select a profile or check the endpoint, then try again.'));
    const { service } = await serviceTarget(
      services,
      arg,
      'tailLog',
      vscode.l10n.t('Tail the application log of which service?'),
    );
    let session = sessions.get(service.arn);
    if (!session) {
      session = new LogTailSession(service, target, render);
      sessions.set(service.arn, session);
    }
    session.start();
    return session.snapshot();
  };

  const stop = async (arg: unknown): Promise<void> => {
    const active = running();
    const named = resolveTarget(services.store.state.snapshot, arg)?.service;
    let chosen = named ? active.filter((s) => s.service.arn === named.arn) : active;
    if (chosen.length === 0) {
      void services.ui().notify('info', vscode.l10n.t('No application log is being tailed.'));
      return;
    }
    if (chosen.length > 1) {
      const picked = answered(
        await services.ui().pick({
          id: 'tail',
          placeholder: vscode.l10n.t('Stop tailing which application log?'),
          items: [
            { label: vscode.l10n.t('All'), value: chosen },
            ...chosen.map((s) => ({ label: s.service.name, description: s.logGroup, value: [s] })),
          ],
        }),
      );
      if (!picked) return;
      chosen = picked;
    }
    for (const session of chosen) session.stop();
  };

  const ctx = services.context;
  ctx.subscriptions.push(status, {
    dispose: () => {
      for (const session of sessions.values()) session.dispose();
      sessions.clear();
    },
  });
  registerCommand(ctx, CommandId.tailApplicationLog, tail);
  registerCommand(ctx, CommandId.stopTailingApplicationLog, stop, { quiet: true });
  return { sessions: () => [...sessions.values()].map((s) => s.snapshot()) };
}
