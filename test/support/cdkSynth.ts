// Compiles an exported CDK app with tsc against the installed aws-cdk-lib and synthesizes it offline
// (`app.synth()` in a child process, CDK_OUTDIR pointing at a temporary folder). aws-cdk-lib and constructs
// are optional test dependencies (they add about a minute to `npm ci`): `cdkAvailable()` says whether they
// are installed, and `.ci/run` installs them.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);
const REPO = path.resolve(__dirname, '../../..');

/** Why the CDK check cannot run here, or undefined when aws-cdk-lib and constructs are installed. */
export function cdkMissing(): string | undefined {
  const missing = ['aws-cdk-lib', 'constructs'].filter(
    (name) => !existsSync(path.join(REPO, 'node_modules', name, 'package.json')),
  );
  return missing.length === 0
    ? undefined
    : `${missing.join(' and ')} not installed (optional test dependencies): run \`node scripts/install-optional-test-deps.mjs\` (.ci/run does) to check the CDK export with tsc and cdk synth`;
}

export interface CdkFileLike {
  path: string;
  content: string;
}

export interface SynthResult {
  /** The synthesized CloudFormation template of the one stack. */
  template: {
    Resources: Record<string, Record<string, unknown>>;
    Parameters?: Record<string, unknown>;
    [key: string]: unknown;
  };
  dir: string;
}

/**
 * Writes the app under out/ (so `aws-cdk-lib` resolves from the repository's node_modules), compiles it with
 * the repository's tsc and the app's own tsconfig, runs the compiled bin/app.js, and reads the template.
 */
export async function compileAndSynth(files: CdkFileLike[], stackName: string): Promise<SynthResult> {
  const root = path.join(REPO, 'out', 'cdk-check');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, 'app-'));
  try {
    for (const file of files) {
      mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
      writeFileSync(path.join(dir, file.path), file.content);
    }
    const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      await execFileAsync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], {
        cwd: dir,
        timeout: 120_000,
      });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`tsc rejected the exported CDK app:\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`);
    }
    const outdir = path.join(dir, 'cdk.out');
    await execFileAsync(process.execPath, [path.join(dir, 'dist', 'bin', 'app.js')], {
      cwd: dir,
      timeout: 60_000,
      env: { ...process.env, CDK_OUTDIR: outdir },
    });
    const name = readdirSync(outdir).find((f) => f === `${stackName}.template.json`);
    if (!name) throw new Error(`cdk synth wrote no ${stackName}.template.json in ${outdir}`);
    return { template: JSON.parse(readFileSync(path.join(outdir, name), 'utf8')) as SynthResult['template'], dir };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Several apps: one tsc run over all of them (aws-cdk-lib's types are read once), then each app synthesized. */
export async function compileAndSynthMany(
  apps: { files: CdkFileLike[]; stackName: string }[],
): Promise<SynthResult['template'][]> {
  const root = path.join(REPO, 'out', 'cdk-check');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, 'apps-'));
  try {
    apps.forEach((app, i) => {
      for (const file of app.files) {
        mkdirSync(path.dirname(path.join(dir, `app${i}`, file.path)), { recursive: true });
        writeFileSync(path.join(dir, `app${i}`, file.path), file.content);
      }
    });
    // The apps' own compiler options (the first app's tsconfig), over every app's sources.
    const own = JSON.parse(apps[0].files.find((f) => f.path === 'tsconfig.json')?.content ?? '{}') as {
      compilerOptions: Record<string, unknown>;
    };
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...own.compilerOptions, rootDir: '.', outDir: 'dist' },
        include: ['app*/bin/**/*.ts', 'app*/lib/**/*.ts'],
      }),
    );
    const tsc = path.join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    try {
      await execFileAsync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], {
        cwd: dir,
        timeout: 240_000,
      });
    } catch (error) {
      const failed = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`tsc rejected an exported CDK app:\n${failed.stdout ?? ''}${failed.stderr ?? failed.message}`);
    }
    const out: SynthResult['template'][] = [];
    for (const [i, app] of apps.entries()) {
      const outdir = path.join(dir, `app${i}`, 'cdk.out');
      await execFileAsync(process.execPath, [path.join(dir, 'dist', `app${i}`, 'bin', 'app.js')], {
        cwd: dir,
        timeout: 60_000,
        env: { ...process.env, CDK_OUTDIR: outdir },
      });
      out.push(
        JSON.parse(
          readFileSync(path.join(outdir, `${app.stackName}.template.json`), 'utf8'),
        ) as SynthResult['template'],
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Resources as CloudFormation reads them, for comparing a synthesized template with the export's: without CDK's
 * own bookkeeping (the AWS::CDK::Metadata resource and the `aws:cdk:path` metadata entry), DependsOn as a
 * sorted list (CDK always writes a list; CloudFormation reads a string and a one-item list alike), and Tags in
 * key order (aws-cdk-lib's TagManager sorts them; tags are a set to CloudFormation). Nothing else is touched.
 */
export function comparableResources(
  resources: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type === 'AWS::CDK::Metadata') continue;
    const copy: Record<string, unknown> = { ...resource };
    const metadata = { ...(copy.Metadata as Record<string, unknown> | undefined) };
    delete metadata['aws:cdk:path'];
    if (Object.keys(metadata).length === 0) delete copy.Metadata;
    else copy.Metadata = metadata;
    if (copy.DependsOn !== undefined) copy.DependsOn = [copy.DependsOn].flat().map(String).sort();
    const properties = copy.Properties as Record<string, unknown> | undefined;
    // CDK leaves out an empty Properties (the placeholder resource has none); CloudFormation reads both alike.
    if (properties && Object.keys(properties).length === 0) delete copy.Properties;
    if (properties && Array.isArray(properties.Tags)) {
      copy.Properties = {
        ...properties,
        Tags: [...(properties.Tags as { Key: string }[])].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0)),
      };
    }
    out[id] = copy;
  }
  return out;
}
