// `apprunner-vpc export-script`: the service's setup as a re-runnable bash script of AWS CLI commands (the
// extension's Export Setup as Script). Without naming flags it describes the connector the service uses, or
// what `apply` would set up; --subnets, --connector-name or --security-group-name choose explicitly.
import { resolveDesired } from '../model/desired';
import { setupFromService } from '../model/setupFromService';
import { setupScriptFor } from '../model/setupScript';
import type { RunContext } from './commands';
import { CliFailure, openSession, secretUrlsOf } from './session';
import { joinTexts } from '../model/l10n/text';

export async function runExportScript(rc: RunContext): Promise<number> {
  const session = await openSession(rc.args, rc.env, rc.secrets, rc.io.stderr);
  const { snapshot, settings } = session;
  const explicit = rc.args.subnets !== undefined || rc.args.connectorName !== undefined || rc.args.securityGroupName !== undefined
    || rc.args.securityGroupNameTag !== undefined;
  const choices = { dbInstanceId: rc.args.dbInstance, subnetIds: rc.args.subnets, secretUrls: await secretUrlsOf(session, rc.args) };
  const r = explicit
    ? { ...resolveDesired(snapshot, settings, choices), basis: 'proposed' as const }
    : setupFromService(snapshot, settings, settings.serviceName, choices);
  if (!r.ok) {
    throw new CliFailure(joinTexts(r.issues.map((i) => i.message), ' '), r.issues[0]?.code ?? 'invalid-input');
  }
  const script = setupScriptFor(snapshot, r.desired, { accountId: snapshot.accountId, generatedAt: new Date().toISOString(), lang: rc.lang, basis: r.basis });
  if (rc.args.json) rc.io.stdout.write(`${JSON.stringify({ command: 'export-script', basis: r.basis, desired: r.desired, script }, null, 2)}\n`);
  else rc.io.stdout.write(script);
  return 0;
}
