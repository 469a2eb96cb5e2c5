// apprunner-vpc: the runbook engine for terminals and CI. main() never throws: every failure becomes one
// line on stderr (or a JSON error document with --json) and exit code 1.
import { classifyAwsError, type Localized } from '../model/common/awsError';
import { parseArgs, USAGE } from './args';
import { runApply, runPlan, type RunContext } from './commands';
import { runDiagnose } from './diagnose';
import { runExportScript } from './exportScript';
import { runHistory } from './history';
import { runMigrate } from './migrate';
import { maskedIo, type CliIo } from './io';
import { processSecretValues } from '../model/topology/secretValues';
import { CliFailure, langOf } from './session';
import { localize } from '../model/l10n/text';

/** The CLI's one error line and JSON error: a CliFailure's own words, else the error classifier's. */
export function failureOf(error: unknown): { message: Localized; code: string; requestId?: string } {
  if (error instanceof CliFailure) return { message: error.localized, code: error.code };
  const n = classifyAwsError(error);
  return { message: n.message, code: n.code ?? n.kind, ...(n.requestId ? { requestId: n.requestId } : {}) };
}

export async function main(argv: string[], rawIo: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Every text the CLI prints passes maskSecrets, with the session's own secrets known by value.
  const secrets = processSecretValues(env);
  const io = maskedIo(rawIo, secrets);
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`apprunner-vpc: ${parsed.error}\n${USAGE}`);
    return 1;
  }
  const args = parsed.args;
  const rc: RunContext = { args, io, env, lang: langOf(args, env), secrets };
  try {
    switch (args.command) {
      case 'help':
        io.stdout.write(USAGE);
        return 0;
      case 'plan':
        return await runPlan(rc);
      case 'apply':
      case 'detach':
      case 'delete-connector':
        return await runApply(rc);
      case 'diagnose':
        return await runDiagnose(rc);
      case 'export':
      case 'export-script':
        return await runExportScript(rc);
      case 'history':
        return await runHistory(rc);
      case 'migrate':
        return await runMigrate(rc);
    }
  } catch (error) {
    const { message, code, requestId } = failureOf(error);
    // AWS's request id follows the message (AWS Support asks for it), never replaces it.
    const line = `${localize(message, rc.lang).replace(/\s*\n\s*/g, ' ')}${requestId ? ` (request id ${requestId})` : ''}`;
    if (args.json)
      io.stdout.write(
        `${JSON.stringify({ command: args.command, error: { code, message, ...(requestId ? { requestId } : {}) } }, null, 2)}\n`,
      );
    io.stderr.write(`apprunner-vpc: ${line}\n`);
    return 1;
  }
}
