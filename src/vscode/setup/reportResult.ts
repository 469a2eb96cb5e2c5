// The end of every setup command: the health results with Show Diagram / Open Log, or what was done so far
// and that running again continues (Run Again / Open Log). Notifications are not awaited: a notification's
// promise settles only when it is closed, and callers (the diagram's fix button, CodeLens) await the command.
import * as vscode from 'vscode';
import { isCommandRegistered } from '../commands/register';
import { pick } from '../localize';
import { log } from '../log';
import type { SetupContext } from './setupContext';
import { CommandId } from '../../model/common/commandIds';

export async function reportSuccess(ctx: SetupContext): Promise<void> {
  const outcomes = ctx.result?.outcomes ?? [];
  const label = (id: string): string => (id === 'check-health' ? vscode.l10n.t('Health') : vscode.l10n.t('DB health'));
  const health = outcomes
    .filter((o) => o.stepId === 'check-health' || o.stepId === 'check-db-health')
    .map((o) => `${label(o.stepId)}: ${pick(o.detail)}`);
  ctx.message = [vscode.l10n.t('{0}: done.', ctx.title), ...health].join(' ');
  const diagram = vscode.l10n.t('Show Diagram');
  const openLog = vscode.l10n.t('Open Log');
  // After Set Up, the same setup as code (bash, CloudFormation, CDK, Terraform) for the team's repository.
  const saveAsCode = vscode.l10n.t('Save this setup as code...');
  const actions = [
    ...(isCommandRegistered(CommandId.showDiagram) && ctx.serviceName ? [diagram] : []),
    ...(ctx.command === 'setupConnector' && ctx.serviceName ? [saveAsCode] : []),
    openLog,
  ];
  void ctx.ui.notify('info', ctx.message, actions).then(async (choice) => {
    if (choice === diagram) await vscode.commands.executeCommand(CommandId.showDiagram, ctx.serviceName);
    if (choice === saveAsCode) await vscode.commands.executeCommand(CommandId.exportSetup, ctx.serviceName);
    if (choice === openLog) log.show();
  });
}

export function reportFailure(ctx: SetupContext): void {
  const error = ctx.result?.error;
  const done = (ctx.result?.outcomes ?? [])
    .map((o) => ctx.plan?.steps.find((s) => s.id === o.stepId))
    .filter((s) => s !== undefined)
    .map((s) => pick(s.title));
  const parts = error
    ? [pick(error.message), pick(error.doneSoFar), pick(error.rerun)]
    : ctx.status === 'cancelled'
      ? [
          vscode.l10n.t(
            'Cancelled after {0} of {1} steps ({2}). Running the command again continues from there.',
            done.length,
            ctx.plan?.steps.length ?? 0,
            done.join('; ') || '-',
          ),
        ]
      : [vscode.l10n.t('{0} did not finish.', ctx.title)];
  ctx.message = parts.join(' ');
  log.error(
    `${ctx.command}: ${error?.message.en ?? 'failed'} ${error?.code ?? ''} ${error?.detail ?? ''}${error?.requestId ? ` (request id ${error.requestId})` : ''}`,
  );
  const again = vscode.l10n.t('Run Again');
  const openLog = vscode.l10n.t('Open Log');
  // The app answered 404 on the DB health path: the handler is what is missing (runbook 6.3), offered first.
  const addEndpoint = error?.code === 'db-health-missing' ? [vscode.l10n.t('Add a db-health endpoint...')] : [];
  void ctx.ui
    .notify(ctx.status === 'cancelled' ? 'warning' : 'error', ctx.message, [...addEndpoint, again, openLog])
    .then(async (choice) => {
      if (choice === openLog) log.show();
      if (choice !== undefined && choice === addEndpoint[0])
        await vscode.commands.executeCommand(CommandId.addDbHealthEndpoint);
      if (choice === again) await vscode.commands.executeCommand(`apprunnerVpc.${ctx.command}`, ctx.serviceName);
    });
}
