// `apprunner-vpc history`: runbook 8.2's audit. CloudTrail's event history for the service, its connector and
// the security groups on its path (or the resources named with --resource), newest first: who, when, what
// changed, from where, and the console link. --json prints the rows.
import { historyOf } from '../aws/changeHistory';
import { changeHistory } from '../model/ops/changeHistory';
import { changeHistoryLines } from '../model/ops/changeHistoryMarkdown';
import { historyTargets, type HistoryTarget } from '../model/ops/historyTargets';
import type { RunContext } from './commands';
import { CliFailure, openSession } from './session';
import { localize, msg } from '../model/l10n/text';

export async function runHistory(rc: RunContext): Promise<number> {
  const session = await openSession(rc.args, rc.env, rc.secrets, rc.io.stderr);
  const serviceName = session.settings.serviceName;
  const targets: HistoryTarget[] = rc.args.resources?.length
    ? rc.args.resources.map((name) => ({
        name,
        kind: name.includes(':vpcconnector/') ? 'connector' : name.includes(':service/') ? 'service' : 'security-group',
        label: name,
      }))
    : historyTargets(session.snapshot, serviceName);
  if (targets.length === 0) {
    throw new CliFailure(
      msg(
        'Service "{0}" was not found in {1}: name it with --service, or a resource with --resource.',
        serviceName,
        session.target.region,
      ),
      'service-not-found',
    );
  }
  const { events, truncated } = await historyOf(
    session.clients,
    targets.map((t) => t.name),
  );
  const rows = changeHistory(events, session.target.region, Date.now());
  if (rc.args.json) {
    rc.io.stdout.write(
      `${JSON.stringify({ command: 'history', region: session.target.region, resources: targets, truncated, events: rows }, null, 2)}\n`,
    );
    return 0;
  }
  const heading = msg('Resources: {0}', targets.map((t) => `${t.label} (${t.name})`).join(', '));
  rc.io.stdout.write(`${localize(heading, rc.lang)}\n\n`);
  rc.io.stdout.write(`${changeHistoryLines(rows, rc.lang).join('\n')}\n`);
  if (truncated)
    rc.io.stdout.write(`${localize(msg('(stopped at the event cap; older events not shown)'), rc.lang)}\n`);
  return 0;
}
