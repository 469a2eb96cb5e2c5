// The execute steps every setup command shares: plan, show the plan and ask (modal), apply with a cancellable
// progress notification, refresh the tree, and report the result (health checks, or what was done and that
// running again continues).
import * as vscode from 'vscode';
import { loadAnalysis } from '../analysisLoader';
import type { ApplyEvent, ApplyResult } from '../../engine/applyTypes';
import { hasChanges, type Plan, planBlockers } from '../../model/plan/planSteps';
import { UserError } from '../../model/common/userError';
import { loadAwsSdk } from '../backend';
import { uiLang, pick } from '../localize';
import { log } from '../log';
import { masked } from '../masking';
import { Priority, WizardCancelled, type ExecuteStep } from '../wizard/wizard';
import { planDocuments } from './planDocuments';
import type { SetupContext } from './setupContext';
import { reportFailure, reportSuccess } from './reportResult';
import { planFor } from './setupPlan';
import { msg } from '../../model/l10n/text';

/** The plan; on a snapshot of one service, with "who else uses this connector" asked where it decides. */
async function planAnswering(ctx: SetupContext): Promise<Plan> {
  const target = ctx.services.connection.state.target;
  if (!ctx.snapshot.scope || !target) return planFor(ctx);
  const backend = loadAwsSdk();
  const answered = await backend.planAnsweringConnectorUsers(
    backend.getClients(target).appRunner,
    ctx.snapshot,
    (snapshot) => planFor({ ...ctx, snapshot }),
    ctx.snapshot.services.find((s) => s.name === ctx.serviceName)?.arn,
  );
  ctx.snapshot = answered.snapshot;
  return answered.plan;
}

const planStep: ExecuteStep<SetupContext> = {
  id: 'plan',
  priority: Priority.plan,
  async execute(ctx) {
    ctx.plan = await planAnswering(ctx);
    if (!hasChanges(ctx.plan) && ctx.plan.steps.length === 0) {
      ctx.status = 'nothing-to-do';
      ctx.message = vscode.l10n.t('Nothing to do: {0} is already in place.', ctx.title);
      void ctx.ui.notify('info', ctx.message);
    }
  },
};

const reviewStep: ExecuteStep<SetupContext> = {
  id: 'review',
  priority: Priority.review,
  shouldExecute: (ctx) => ctx.status === undefined && ctx.confirm,
  async execute(ctx) {
    const plan = ctx.plan!;
    const markdown = loadAnalysis().planMarkdown(ctx.title, plan, uiLang());
    ctx.planMarkdown = markdown;
    await ctx.ui.showDocument(planDocuments.set('plan', masked(markdown)));
    const apply = vscode.l10n.t('Apply');
    const steps = plan.steps.map((s, i) => `${i + 1}. ${pick(s.title)}`).join('\n');
    const message = ctx.confirmText?.message ?? vscode.l10n.t('Apply these {0} steps to AWS?', plan.steps.length);
    // The notes (DNS, NAT cost, IP address type...) are in the plan document opened beside: the modal stays short
    // enough that its buttons are on screen.
    const notes =
      plan.notes.length > 0 ? vscode.l10n.t('{0} notes in the plan beside this dialog.', plan.notes.length) : undefined;
    const detail = [ctx.confirmText?.detail, steps, notes].filter(Boolean).join('\n\n');
    if (planBlockers(plan).length > 0) return confirmBlockers(ctx, plan);
    if ((await ctx.ui.confirm(message, detail, [apply])) !== apply) {
      ctx.status = 'cancelled';
      throw new WizardCancelled();
    }
  },
};

/**
 * A plan with blockers: the modal names each with its fix, and only "Apply Anyway" goes on (apply would
 * otherwise stop before its first write; docs/real-accounts.md, "Blockers before writes").
 */
async function confirmBlockers(ctx: SetupContext, plan: Plan): Promise<void> {
  const blockers = planBlockers(plan);
  const anyway = vscode.l10n.t('Apply Anyway');
  const message = vscode.l10n.t(
    'The plan has {0} blockers: its checks will fail for a reason it does not change. Fix them first, or apply anyway.',
    blockers.length,
  );
  const detail = blockers
    .map(
      (b) => `[${b.code}] ${pick(b.message)}${b.blocker ? `\n${vscode.l10n.t('Fix: {0}', pick(b.blocker.fix))}` : ''}`,
    )
    .join('\n\n');
  if ((await ctx.ui.confirm(message, detail, [anyway])) !== anyway) {
    ctx.status = 'cancelled';
    throw new WizardCancelled();
  }
  ctx.ignoreBlockers = true;
}

function progressText(event: ApplyEvent, total: number): string | undefined {
  if (event.type === 'step-started')
    return vscode.l10n.t('Step {0}/{1}: {2}', event.index + 1, total, pick(event.step.title));
  if (event.type === 'waiting') return vscode.l10n.t('Step {0}/{1}: {2}', event.index + 1, total, pick(event.message));
  return undefined;
}

const applyStep: ExecuteStep<SetupContext> = {
  id: 'apply',
  priority: Priority.apply,
  shouldExecute: (ctx) => ctx.status === undefined,
  async execute(ctx) {
    const plan = ctx.plan!;
    const target = ctx.services.connection.state.target;
    if (!target) throw new UserError(msg('Not connected to AWS.'));
    const store = ctx.services.store;
    const serviceStatus = (): string | undefined =>
      store.state.snapshot?.services.find((s) => s.name === ctx.serviceName)?.status;
    ctx.result = await ctx.ui.progress<ApplyResult>(ctx.title, async (report, signal) => {
      let current = '';
      let waitingSince: number | undefined;
      let refreshedAt = 0;
      // While waiting for the redeploy: elapsed time and the service's status, re-read every few seconds
      // (this also keeps the tree's spinner and status current).
      const ticker = setInterval(() => {
        if (waitingSince === undefined) return;
        const seconds = Math.round((Date.now() - waitingSince) / 1000);
        if (Date.now() - refreshedAt > 5000) {
          refreshedAt = Date.now();
          store.invalidate();
          void store.refresh({ force: true });
        }
        report(vscode.l10n.t('{0} ({1} s elapsed, status {2})', current, seconds, serviceStatus() ?? '?'));
      }, 1000);
      try {
        const backend = loadAwsSdk();
        return await backend.applyPlan(backend.getClients(target), plan, {
          signal,
          pollIntervalMs: 2000,
          ignoreBlockers: ctx.ignoreBlockers === true,
          onProgress: (event) => {
            const text = progressText(event, plan.steps.length);
            if (event.type === 'step-started')
              waitingSince = event.step.kind === 'wait-for-service' ? Date.now() : undefined;
            if (text) {
              current = text;
              ctx.progress.push(text);
              log.info(text);
              report(text);
            }
          },
        });
      } finally {
        clearInterval(ticker);
      }
    });
    ctx.status = ctx.result.status;
  },
};

const refreshStep: ExecuteStep<SetupContext> = {
  id: 'refresh',
  priority: Priority.refresh,
  shouldExecute: (ctx) => ctx.result !== undefined,
  async execute(ctx) {
    ctx.services.store.invalidate();
    await ctx.services.store.refresh({ force: true });
  },
};

const reportStep: ExecuteStep<SetupContext> = {
  id: 'report',
  priority: Priority.report,
  shouldExecute: (ctx) => ctx.result !== undefined,
  async execute(ctx) {
    if (ctx.status === 'succeeded') await reportSuccess(ctx);
    else reportFailure(ctx);
  },
};

export const planFlow: ExecuteStep<SetupContext>[] = [planStep, reviewStep, applyStep, refreshStep, reportStep];
