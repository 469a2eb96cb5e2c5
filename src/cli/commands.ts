// The CLI commands over the shared engine: plan (exit 0 no changes / 2 changes), apply and the teardown plans
// (ask unless --yes, then apply with progress lines). Text on stdout, or one JSON document with --json.
import { applyPlan } from '../engine/applyPlan';
import { findConnectorUsers } from '../aws/connectorUsers';
import { withConnectorUsers } from '../model/topology/connectorUse';
import { customEndpoints } from '../model/common/awsTarget';
import type { ApplyResult } from '../engine/applyTypes';
import type { DesiredSetup } from '../model/plan/desired';
import { SERVICE_IDS } from '../model/common/endpointConfig';
import { deleteConnectorPlan, detachPlan } from '../model/plan/plan';
import { hasChanges, type Plan, planBlockers } from '../model/plan/planSteps';
import { renderPlan, type Lang } from '../model/plan/planText';
import { setupPlanFor } from '../model/plan/setupPlanFor';
import type { ValidationIssue } from '../model/plan/validators';
import type { CliArgs } from './args';
import { readLine, type CliIo } from './io';
import { progressLine, resultLines } from './render';
import { CliFailure, openSession, secretUrlsOf, type Session } from './session';
import { joinTexts, localize, msg } from '../model/l10n/text';

export interface RunContext {
  args: CliArgs;
  io: CliIo;
  env: NodeJS.ProcessEnv;
  lang: Lang;
  /** Values to mask wherever they appear; openSession adds the snapshot's service secrets. */
  secrets: string[];
}

function issuesFailure(issues: ValidationIssue[]): CliFailure {
  return new CliFailure(
    joinTexts(
      issues.map((i) => i.message),
      ' ',
    ),
    issues[0]?.code ?? 'invalid-input',
  );
}

/**
 * A snapshot of one service cannot tell who else uses a connector; where a plan reached that question it
 * named the connector (warning or issue `connector-users-unknown`, evidence or settings). Each is answered
 * once, stopping at the first other user, and recorded in the snapshot for the next planning round.
 */
async function answerConnectorUsers(session: Session, arns: string[], exceptServiceArn?: string): Promise<boolean> {
  const open = arns.filter((arn) => !session.snapshot.scope?.connectorUsers[arn]);
  for (const arn of open) {
    const answer = await findConnectorUsers(session.clients.appRunner, arn, exceptServiceArn);
    session.snapshot = withConnectorUsers(session.snapshot, arn, answer);
  }
  return open.length > 0;
}

function unknownConnectors(plan: Plan): string[] {
  return plan.warnings.filter((w) => w.code === 'connector-users-unknown').flatMap((w) => w.evidence);
}

async function setupPlan(
  session: Session,
  args: CliArgs,
  secrets: string[],
): Promise<{ plan: Plan; desired: DesiredSetup }> {
  const secretUrls = await secretUrlsOf(session, args, secrets);
  const planNow = (): ReturnType<typeof setupPlanFor> =>
    setupPlanFor(session.snapshot, session.settings, {
      dbInstanceId: args.dbInstance,
      subnetIds: args.subnets,
      secretUrls,
    });
  let r = planNow();
  // At most twice: the answers cannot raise a new question about the same connectors.
  for (let round = 0; r.ok && round < 2; round++) {
    const asked = await answerConnectorUsers(session, unknownConnectors(r.plan), r.desired.serviceArn);
    if (!asked) break;
    r = planNow();
  }
  if (!r.ok) throw issuesFailure(r.issues);
  return { plan: r.plan, desired: r.desired };
}

async function teardownPlan(session: Session, args: CliArgs): Promise<Plan> {
  if (args.command === 'detach') {
    const r = detachPlan(session.snapshot, session.settings.serviceName);
    if (!r.ok) throw issuesFailure(r.issues);
    return r.plan;
  }
  let r = deleteConnectorPlan(session.snapshot, session.settings.connectorName);
  if (!r.ok && r.issues.some((i) => i.code === 'connector-users-unknown')) {
    const active = session.snapshot.connectors.filter(
      (c) => c.name === session.settings.connectorName && c.status === 'ACTIVE',
    );
    await answerConnectorUsers(
      session,
      active.map((c) => c.arn),
    );
    r = deleteConnectorPlan(session.snapshot, session.settings.connectorName);
  }
  if (!r.ok) throw issuesFailure(r.issues);
  return r.plan;
}

export function targetJson(s: Session): Record<string, unknown> {
  // endpointUrl keeps its meaning for pipelines: the one endpoint every client used (flag or AWS_ENDPOINT_URL).
  const all = customEndpoints(s.target);
  const common =
    s.target.endpointUrl ??
    (all.length === 1 && Object.keys(s.target.endpoints ?? {}).length === Object.keys(SERVICE_IDS).length
      ? all[0]
      : undefined);
  return {
    region: s.target.region,
    profile: s.target.profile,
    endpointUrl: common,
    endpoints: s.target.endpoints,
    accountId: s.snapshot.accountId,
  };
}

export async function runPlan(rc: RunContext): Promise<number> {
  const session = await openSession(rc.args, rc.env, rc.secrets, rc.io.stderr);
  const { plan, desired } = await setupPlan(session, rc.args, rc.secrets);
  const changes = hasChanges(plan);
  if (rc.args.json)
    rc.io.stdout.write(
      `${JSON.stringify({ command: 'plan', target: targetJson(session), desired, changes, plan }, null, 2)}\n`,
    );
  else rc.io.stdout.write(`${renderPlan(plan, rc.lang)}\n`);
  return changes ? 2 : 0;
}

async function confirm(rc: RunContext, plan: Plan): Promise<void> {
  if (rc.args.yes) return;
  if (!rc.io.stdin.isTTY) {
    throw new CliFailure(
      msg('Refusing to apply without confirmation: stdin is not a terminal. Pass --yes to apply non-interactively.'),
      'confirmation-required',
    );
  }
  const count = plan.steps.filter((s) => s.mutating).length;
  rc.io.stderr.write(`${localize(msg('Apply these {0} changes? [y/N]', count), rc.lang)} `);
  const answer = (await readLine(rc.io.stdin)).trim().toLowerCase();
  if (answer !== 'y' && answer !== 'yes') {
    throw new CliFailure(msg('Cancelled: nothing was changed.'), 'declined');
  }
}

export async function runApply(rc: RunContext): Promise<number> {
  const session = await openSession(rc.args, rc.env, rc.secrets, rc.io.stderr);
  const plan =
    rc.args.command === 'apply'
      ? (await setupPlan(session, rc.args, rc.secrets)).plan
      : await teardownPlan(session, rc.args);
  const say = (line: string): void => {
    // With --json the human lines go to stderr so stdout stays one JSON document.
    (rc.args.json ? rc.io.stderr : rc.io.stdout).write(`${line}\n`);
  };
  say(renderPlan(plan, rc.lang));
  let result: ApplyResult = { status: 'succeeded', outcomes: [], resolved: { groupIds: {}, connectorArns: {} } };
  if (hasChanges(plan)) {
    // A plan with blockers stops before its first write anyway: no question to answer unless told to go on.
    if (planBlockers(plan).length === 0 || rc.args.ignoreBlockers) await confirm(rc, plan);
    const poll = rc.args.pollIntervalSeconds;
    const wait = rc.args.waitTimeoutSeconds;
    result = await applyPlan(session.clients, plan, {
      pollIntervalMs: poll === undefined ? undefined : poll * 1000,
      waitTimeoutMs: wait === undefined ? undefined : wait * 1000,
      ignoreBlockers: rc.args.ignoreBlockers === true,
      onProgress: (event) => {
        const line = progressLine(event, rc.lang);
        if (line) say(line);
      },
    });
    for (const line of resultLines(result, plan, rc.lang)) say(line);
    // One line on stderr too, so a CI log's error stream says why the job failed.
    if (result.error) rc.io.stderr.write(`apprunner-vpc: ${localize(result.error.message, rc.lang)}\n`);
  }
  if (rc.args.json)
    rc.io.stdout.write(
      `${JSON.stringify({ command: rc.args.command, target: targetJson(session), plan, result }, null, 2)}\n`,
    );
  if (result.status === 'succeeded') return 0;
  // Its own code, so a pipeline can tell "stopped before changing anything" from a failure half-way.
  return result.error?.kind === 'blocked' ? EXIT_BLOCKED : 1;
}

/** apply stopped before its first write because the plan has blockers (docs/cli.md, exit codes). */
export const EXIT_BLOCKED = 4;
