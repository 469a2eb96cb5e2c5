// The VS Code test host (docs/design.md, 'The VS Code test host'): the VS Code server from the `code-server` npm package, installed
// into a cache folder without running any install script (nothing is downloaded but npm packages), started
// on a free loopback port.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, waitForHttp } from './net';

export const CODE_SERVER_VERSION = '4.100.3';
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

const CACHE = path.join(REPO_ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

export function vscodeDir(): string {
  return path.join(CACHE, 'node_modules', 'code-server', 'lib', 'vscode');
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, npm_config_loglevel: 'error' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
}

/** Installs the pinned VS Code server once; later calls return at once. */
export function ensureVsCodeServer(): string {
  const dir = vscodeDir();
  const marker = path.join(CACHE, '.ready');
  if (existsSync(marker)) {
    linkRipgrep(dir);
    return dir;
  }
  const prefix = CACHE;
  mkdirSync(prefix, { recursive: true });
  writeFileSync(path.join(prefix, 'package.json'), JSON.stringify({ name: 'vscode-test-host', private: true }));
  console.log(
    `Installing the VS Code server (code-server ${CODE_SERVER_VERSION}) into ${path.relative(REPO_ROOT, prefix)} ...`,
  );
  run(
    'npm',
    [
      'install',
      `code-server@${CODE_SERVER_VERSION}`,
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--no-package-lock',
    ],
    prefix,
  );
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], dir);
  linkRipgrep(dir);
  writeFileSync(marker, new Date().toISOString());
  return dir;
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

export function vscodeVersion(dir = vscodeDir()): string {
  return (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
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
  const dir = ensureVsCodeServer();
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
  const child: ChildProcess = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
