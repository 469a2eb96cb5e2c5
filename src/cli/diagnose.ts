// `apprunner-vpc diagnose`: the reachability analysis of the live snapshot plus the live checks (health,
// DB health, application log), printed as the Markdown report or, with --json, as one document.
// Exit codes: 0 clean, 3 problems found (see diagnoseExitCode), 1 on error (handled by main()).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runLiveChecks } from '../aws/liveChecks';
import { dbHealthOffer, runtimeOfApprunnerYaml } from '../model/ops/dbHealthSnippets';
import { diagnoseDocument, diagnoseExitCode } from '../model/diagnosis/diagnoseOutcome';
import { diagnosisReportMarkdown } from '../model/diagnosis/diagnosisReport';
import { analyzeService } from '../model/diagnosis/reachability';
import { findService } from '../model/diagnosis/reachabilityContext';
import type { RunContext } from './commands';
import { CliFailure, openSession, secretUrlsOf } from './session';
import { msg } from '../model/l10n/text';

/** The runtime of ./apprunner.yaml, where the CLI runs (a project's root), if there is one. */
function localRuntime(): string | undefined {
  try {
    return runtimeOfApprunnerYaml(readFileSync(path.join(process.cwd(), 'apprunner.yaml'), 'utf8'));
  } catch {
    return undefined;
  }
}

export async function runDiagnose(rc: RunContext): Promise<number> {
  const session = await openSession(rc.args, rc.env, rc.secrets, rc.io.stderr);
  const { settings, snapshot } = session;
  const service = findService(snapshot, settings.serviceName);
  if (!service) {
    const names = snapshot.services.map((s) => s.name).join(', ') || 'none';
    throw new CliFailure(
      msg(
        'The App Runner service {0} is not in {1} (services: {2}). Pass --service NAME.',
        settings.serviceName,
        session.target.region,
        names,
      ),
      'service-not-found',
    );
  }
  const secretUrls = await secretUrlsOf(session, rc.args, rc.secrets);
  // After the secrets: a host read from one may have added to the snapshot (a private zone, a database on EC2).
  const diagnosis = analyzeService(session.snapshot, service.arn, {
    dbPort: settings.databasePort,
    dbInstanceId: rc.args.dbInstance,
    appRunnerGroupName: settings.appRunnerSecurityGroupName,
    appRunnerGroupNameTag: settings.appRunnerSecurityGroupNameTag,
    databaseGroupName: settings.databaseSecurityGroupName,
    dnsEgress: settings.dnsEgress,
    secretUrls,
  });
  const live = await runLiveChecks(session.clients, service, {
    healthCheckPath: settings.healthCheckPath,
    dbHealthPath: settings.dbHealthPath,
  });
  // A 404 on the DB health path: the handler is what is missing (runbook 6.3); the snippet for the runtime is offered.
  const missing = live.dbHealth.outcome === 'missing';
  const offer = missing ? dbHealthOffer(localRuntime(), settings.dbHealthPath) : undefined;
  if (rc.args.json) {
    const remedy = missing ? { dbHealthEndpoint: { action: 'add-db-health-endpoint', ...offer } } : {};
    rc.io.stdout.write(
      `${JSON.stringify({ command: 'diagnose', ...diagnoseDocument(diagnosis, live), ...remedy }, null, 2)}\n`,
    );
  } else {
    const target = `${session.target.region}${session.snapshot.accountId ? ` · ${session.snapshot.accountId}` : ''}`;
    rc.io.stdout.write(
      diagnosisReportMarkdown(diagnosis, live, rc.lang, {
        generatedAt: live.checkedAt,
        target,
        dbHealthSnippet: offer,
      }),
    );
  }
  return diagnoseExitCode(diagnosis, live);
}
