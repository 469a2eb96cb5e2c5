// `apprunner-vpc migrate --to ecs-express --service NAME`: the plan of the move to Amazon ECS Express Mode
// (exit 0 nothing to do, 2 changes), and with --yes its apply (exit 0 done, 1 failed), then the cut-over
// checklist. The App Runner service is only read (docs/migrate-to-ecs-express.md).
import { readMigrationFacts } from '../aws/expressMigration';
import { applyMigration } from '../engine/applyMigration';
import { joinTexts, localize, msg } from '../model/l10n/text';
import { migrationHasChanges, planExpressMigration } from '../model/plan/expressMigration';
import { cutOverChecklist, renderMigrationPlan } from '../model/plan/expressMigrationText';
import { targetJson, type RunContext } from './commands';
import { progressLine } from './render';
import { CliFailure, openSession } from './session';

export async function runMigrate(rc: RunContext): Promise<number> {
  const session = await openSession(rc.args, rc.env, rc.secrets, rc.io.stderr);
  const service = session.snapshot.services.find((s) => s.name === session.settings.serviceName && s.detailsLoaded);
  if (!service)
    throw new CliFailure(
      msg('App Runner service "{0}" was not found in {1}.', session.settings.serviceName, session.target.region),
      'service-unknown',
    );
  const accountId = session.snapshot.accountId ?? '';
  const facts = await readMigrationFacts(session.clients, accountId, service);
  const planned = planExpressMigration(
    session.snapshot,
    session.settings,
    { dbInstanceId: rc.args.dbInstance, subnetIds: rc.args.subnets },
    facts,
  );
  if (!planned.ok)
    throw new CliFailure(
      joinTexts(
        planned.issues.map((i) => i.message),
        ' ',
      ),
      planned.issues[0]?.code ?? 'invalid-input',
    );
  const plan = planned.plan;
  const changes = migrationHasChanges(plan);
  const say = (line: string): void => {
    (rc.args.json ? rc.io.stderr : rc.io.stdout).write(`${line}\n`);
  };
  if (!rc.args.yes) {
    if (rc.args.json)
      rc.io.stdout.write(
        `${JSON.stringify({ command: 'migrate', target: targetJson(session), changes, plan }, null, 2)}\n`,
      );
    else rc.io.stdout.write(`${renderMigrationPlan(plan, rc.lang)}\n`);
    return changes ? 2 : 0;
  }
  say(renderMigrationPlan(plan, rc.lang));
  const poll = rc.args.pollIntervalSeconds;
  const wait = rc.args.waitTimeoutSeconds;
  const result = await applyMigration(session.clients, plan, {
    environment: service.source?.environment ?? {},
    pollIntervalMs: poll === undefined ? undefined : poll * 1000,
    waitTimeoutMs: wait === undefined ? undefined : wait * 1000,
    onLine: (line) => say(`- ${localize(line, rc.lang)}`),
    onNetworkProgress: (event) => {
      const line = progressLine(event, rc.lang);
      if (line) say(line);
    },
  });
  for (const o of result.outcomes)
    say(`  ${o.status === 'done' ? 'ok' : localize(msg('not checked'), rc.lang)}: ${localize(o.detail, rc.lang)}`);
  if (result.status === 'succeeded')
    for (const line of cutOverChecklist(plan, result.express?.endpoint)) say(localize(line, rc.lang));
  else if (result.error) {
    say(localize(result.error.message, rc.lang));
    say(
      localize(
        msg('Run the same command again: it re-reads the account and continues where this run stopped.'),
        rc.lang,
      ),
    );
    rc.io.stderr.write(`apprunner-vpc: ${localize(result.error.message, rc.lang)}\n`);
  }
  if (rc.args.json)
    rc.io.stdout.write(
      `${JSON.stringify({ command: 'migrate', target: targetJson(session), plan, result }, null, 2)}\n`,
    );
  return result.status === 'succeeded' ? 0 : 1;
}
