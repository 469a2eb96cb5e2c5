// `apprunner-vpc export --format bash|cloudformation|cdk|terraform [--out DIR]` (and `export-script`, the
// bash format's old name): the service's setup as code, the extension's Export Setup. Without naming flags it
// describes the connector the service uses, or what `apply` would set up; --subnets, --connector-name or
// --security-group-name choose explicitly. With --out the files are written there (an existing file with other
// content is kept unless --yes); without it the main file goes to stdout.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { resolveDesired } from '../model/plan/desired';
import { setupExport, type ExportFormat } from '../model/iac/exportFormats';
import { setupFromService } from '../model/plan/setupFromService';
import type { RunContext } from './commands';
import { CliFailure, openSession, secretUrlsOf } from './session';
import { joinTexts, localize, msg } from '../model/l10n/text';
import { exportSecretRefusal } from '../model/common/secretOccurrences';

function writeFiles(dir: string, files: { path: string; content: string }[], overwrite: boolean): string[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new CliFailure(msg('--out {0} is a file, not a folder: nothing was written.', dir), 'invalid-input');
  }
  const targets = files.map((f) => ({ ...f, full: path.join(dir, f.path) }));
  // All or nothing: a user's edited copy is never overwritten by surprise, and no half-written folder is left.
  const changed = targets
    .filter((t) => existsSync(t.full) && readFileSync(t.full, 'utf8') !== t.content)
    .map((t) => t.path);
  if (changed.length > 0 && !overwrite) {
    throw new CliFailure(
      msg(
        '{0} already has {1} with other content: nothing was written. Pass --yes to overwrite, or choose another --out.',
        dir,
        changed.join(', '),
      ),
      'export-exists',
    );
  }
  for (const t of targets) {
    mkdirSync(path.dirname(t.full), { recursive: true });
    writeFileSync(t.full, t.content, t.path.endsWith('.sh') ? { mode: 0o755 } : undefined);
  }
  return targets.map((t) => t.full);
}

export async function runExportScript(rc: RunContext): Promise<number> {
  const format: ExportFormat = rc.args.command === 'export-script' ? 'bash' : (rc.args.format ?? 'bash');
  const session = await openSession(rc.args, rc.env, rc.secrets, rc.io.stderr);
  const { settings } = session;
  const explicit =
    rc.args.subnets !== undefined ||
    rc.args.connectorName !== undefined ||
    rc.args.securityGroupName !== undefined ||
    rc.args.securityGroupNameTag !== undefined;
  const choices = {
    dbInstanceId: rc.args.dbInstance,
    subnetIds: rc.args.subnets,
    secretUrls: await secretUrlsOf(session, rc.args, rc.secrets),
  };
  // After the secrets: a host read from one may have added to the snapshot.
  const { snapshot } = session;
  const r = explicit
    ? { ...resolveDesired(snapshot, settings, choices), basis: 'proposed' as const }
    : setupFromService(snapshot, settings, settings.serviceName, choices);
  if (!r.ok) {
    throw new CliFailure(
      joinTexts(
        r.issues.map((i) => i.message),
        ' ',
      ),
      r.issues[0]?.code ?? 'invalid-input',
    );
  }
  const exported = setupExport(format, snapshot, r.desired, {
    accountId: snapshot.accountId,
    generatedAt: new Date().toISOString(),
    lang: rc.lang,
    basis: r.basis,
  });
  // Generated code is written unmasked; a known secret in it refuses the export before anything is written.
  // With --json the desired setup is printed too.
  const desired = { path: 'desired (--json)', content: JSON.stringify(r.desired, null, 2) };
  const refusal = exportSecretRefusal([...exported.files, ...(rc.args.json ? [desired] : [])], rc.secrets);
  if (refusal) throw new CliFailure(refusal, 'export-secret');
  const main = exported.files.find((f) => f.path === exported.main) ?? exported.files[0];
  const written = rc.args.out ? writeFiles(rc.args.out, exported.files, rc.args.yes) : undefined;
  if (rc.args.json) {
    // export-script keeps its JSON document (`script`); export gives every file.
    const document =
      rc.args.command === 'export-script'
        ? { command: 'export-script', basis: r.basis, desired: r.desired, script: main.content }
        : {
            command: 'export',
            format,
            basis: r.basis,
            desired: r.desired,
            main: exported.main,
            files: exported.files,
            ...(written ? { written } : {}),
          };
    (rc.io.generated ?? rc.io.stdout).write(`${JSON.stringify(document, null, 2)}\n`);
  } else if (written) {
    rc.io.stdout.write(`${written.join('\n')}\n`);
  } else {
    (rc.io.generated ?? rc.io.stdout).write(main.content);
    const others = exported.files.filter((f) => f !== main).map((f) => f.path);
    if (others.length > 0) {
      rc.io.stderr.write(
        `apprunner-vpc: ${localize(msg('printed {0}; pass --out DIR to write it with {1}.', main.path, others.join(', ')), rc.lang)}\n`,
      );
    }
  }
  return 0;
}
