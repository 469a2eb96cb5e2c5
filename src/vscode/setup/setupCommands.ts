// The seven setup commands as wizards: which prompts each asks (the tree node may already answer some) and
// the shared execute steps (plan, review, apply, refresh, report).
import * as vscode from 'vscode';
import { userMessage } from '../../model/common/userError';
import { pick } from '../localize';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import { namedService, requireSnapshot, resolveTarget } from '../commands/targets';
import type { Topology } from '../../model/topology/topology';
import { runExecuteSteps, runPrompts, WizardCancelled, type PromptStep } from '../wizard/wizard';
import { planFlow } from './planFlow';
import {
  connectorNameStep,
  connectorPickStep,
  databaseStep,
  groupNameStep,
  manualGroupStep,
  manualPortStep,
  serviceStep,
  subnetsStep,
} from './prompts';
import type { CommandName, SetupContext, SetupRun } from './setupContext';

const database = [databaseStep, manualGroupStep, manualPortStep];

const PROMPTS: Record<CommandName, PromptStep<SetupContext>[]> = {
  setupConnector: [serviceStep, ...database, subnetsStep, connectorNameStep, groupNameStep],
  createSecurityGroups: [serviceStep, ...database, groupNameStep],
  createConnector: [serviceStep, ...database, subnetsStep, connectorNameStep, groupNameStep],
  attachConnector: [serviceStep, connectorPickStep],
  detachConnector: [serviceStep],
  deleteConnector: [connectorPickStep],
  checkHealth: [serviceStep],
};

function titleOf(command: CommandName): string {
  switch (command) {
    case 'setupConnector':
      return vscode.l10n.t('Set up VPC connector');
    case 'createSecurityGroups':
      return vscode.l10n.t('Create security groups');
    case 'createConnector':
      return vscode.l10n.t('Create VPC connector');
    case 'attachConnector':
      return vscode.l10n.t('Attach VPC connector');
    case 'detachConnector':
      return vscode.l10n.t('Detach VPC connector');
    case 'deleteConnector':
      return vscode.l10n.t('Delete VPC connector');
    case 'checkHealth':
      return vscode.l10n.t('Check health');
  }
}

/** The modal's question for the two commands that take something away. */
function confirmText(ctx: SetupContext): SetupContext['confirmText'] {
  if (ctx.command === 'detachConnector') {
    return {
      message: vscode.l10n.t('Detach the VPC connector from {0}?', ctx.serviceName ?? ''),
      detail: vscode.l10n.t(
        '{0} loses access to private resources in the VPC (such as the database) and redeploys.',
        ctx.serviceName ?? '',
      ),
    };
  }
  if (ctx.command === 'deleteConnector') {
    return {
      message: vscode.l10n.t('Delete the VPC connector {0}?', ctx.connectorName),
      detail: vscode.l10n.t('This cannot be undone.'),
    };
  }
  return undefined;
}

/** The commands about one service that a scoped read answers (attach and delete choose among connectors). */
const ONE_SERVICE: readonly CommandName[] = [
  'setupConnector',
  'createSecurityGroups',
  'createConnector',
  'detachConnector',
  'checkHealth',
];

/**
 * Run on a named service (a tree node, a lens), a command about one service reads that service alone
 * (docs/performance.md, "Read set per command"); from the palette the service prompt lists the tree's.
 */
async function snapshotFor(services: ExtensionServices, command: CommandName, arg: unknown): Promise<Topology> {
  const found = ONE_SERVICE.includes(command) ? await namedService(services, arg, 'setUp') : undefined;
  return found?.snapshot ?? requireSnapshot(services);
}

export async function runSetupCommand(
  services: ExtensionServices,
  command: CommandName,
  arg: unknown,
  record: (run: SetupRun) => void,
): Promise<void> {
  const ui = services.ui();
  const snapshot = await snapshotFor(services, command, arg);
  const settings = readSettings();
  const title = titleOf(command);
  const ctx: SetupContext = {
    command,
    title,
    services,
    ui,
    snapshot,
    settings,
    given: {},
    confirm: command !== 'checkHealth',
    progress: [],
    connectorName: settings.connectorName,
    appRunnerSecurityGroupName: settings.appRunnerSecurityGroupName,
  };
  const target = resolveTarget(snapshot, arg);
  if (target?.service) {
    ctx.serviceName = target.service.name;
    ctx.given.service = true;
  }
  if (target?.connector) {
    ctx.connectorArn = target.connector.arn;
    ctx.connectorName = target.connector.name;
    ctx.given.connector = true;
  }
  try {
    await runPrompts(title, ctx, PROMPTS[command], ui);
    ctx.confirmText = confirmText(ctx);
    await runExecuteSteps(ctx, planFlow);
  } catch (error) {
    if (error instanceof vscode.CancellationError || error instanceof WizardCancelled) ctx.status ??= 'cancelled';
    else {
      ctx.status = 'failed';
      ctx.message = pick(userMessage(error));
    }
    throw error;
  } finally {
    record({
      command,
      status: ctx.status ?? 'cancelled',
      plan: ctx.plan,
      result: ctx.result,
      message: ctx.message,
      progress: ctx.progress,
      planMarkdown: ctx.planMarkdown,
    });
  }
}
