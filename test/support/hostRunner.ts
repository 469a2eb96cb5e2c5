// Runs the host test layer: starts the sandbox, the VS Code server with the extension under development, and
// headless Chromium on the workbench URL whose payload names our test index; then streams the results.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath, launchChromium } from './browser';
import { RESULTS_FILE_ENV, type ResultEvent } from './results';
import { writeLayerReport } from './layerReports';
import { answerPageRequests, PAGE_REQUESTS_ENV } from './pageRequests';
import { startLocalAws, testAwsEnvironment } from './localAws';
import { findSecrets, type SecretHit } from './secretScan';
import { REPO_ROOT, startVsCodeServer, vscodeChoice, vscodeProductVersion, vscodeVersion } from './vscodeServer';

const TIMEOUT_MS = Number(process.env.APPRUNNER_VPC_HOST_TIMEOUT_MS ?? 15 * 60_000);

function print(event: ResultEvent): void {
  if (event.event === 'pass')
    console.log(
      `  \u2714 ${event.title}${event.durationMs && event.durationMs > 500 ? ` (${event.durationMs} ms)` : ''}`,
    );
  else if (event.event === 'fail')
    console.log(`  \u2716 ${event.title}\n      ${event.error.split('\n').slice(0, 8).join('\n      ')}`);
  else if (event.event === 'pending') console.log(`  - ${event.title} (pending)`);
}

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesBelow(full) : [full];
  });
}

// One line of the per-request AWS log (src/vscode/extension.ts), written at debug level only: the host runs at
// trace level so these lines exist and are scanned too.
const REQUEST_LOG_LINE = /\[debug\] [A-Za-z0-9]+\.[A-Za-z0-9]+ (?:ok|[A-Za-z]+)(?: \d{3})? \d+ ms/g;

export interface HostSecretsReport {
  secretsFound: number;
  filesScanned: number;
  /** Per-request AWS log lines (debug level) among the scanned text: 0 means the debug level never reached the log. */
  requestLogLines: number;
  /** Secret values from the sandbox seed that were looked for besides the credentials and the shapes. */
  seedSecretsLookedFor: number;
  files: string[];
  hits: SecretHit[];
}

/** Looks for every credential and seeded secret (test/support/secretScan.ts) in every log the host wrote. */
function scanForSecrets(dirs: string[], seedSecrets: string[]): HostSecretsReport {
  const files = dirs
    .flatMap(filesBelow)
    .filter((f) => /\.(log|txt|jsonl?)$/.test(f) && !f.includes(`${path.sep}aws${path.sep}`));
  const hits: SecretHit[] = [];
  const offenders: string[] = [];
  let requestLogLines = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const found = findSecrets(text, seedSecrets);
    requestLogLines += [...text.matchAll(REQUEST_LOG_LINE)].length;
    if (found.length) offenders.push(file);
    hits.push(...found.map((hit) => ({ ...hit, what: `${hit.what} (${path.basename(file)})` })));
  }
  return {
    secretsFound: hits.length,
    filesScanned: files.length,
    requestLogLines,
    seedSecretsLookedFor: seedSecrets.length,
    files: offenders,
    hits,
  };
}

async function sandboxJson<T>(adminUrl: string | undefined, route: string): Promise<T | undefined> {
  if (!adminUrl) return undefined;
  const res = await fetch(`${adminUrl}/${route}`).catch(() => undefined);
  return res?.ok ? ((await res.json()) as T) : undefined;
}

export interface HostRunOptions {
  /** Shown in the header line when several passes run. */
  name?: string;
  /** A folder under out/test/host with its own index.js (default: the main suite). */
  testsDir?: string;
  /** Fills the workspace folder (default: a copy of sample-workspace). */
  prepareWorkspace?(folder: string): void;
  env?: NodeJS.ProcessEnv;
  /** Machine settings of the host, over the sandbox endpoint and region. */
  settings?: Record<string, unknown>;
}

export async function runHostTests(options: HostRunOptions = {}): Promise<number> {
  const work = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-host-'));
  const resultsFile = path.join(work, 'results.jsonl');
  writeFileSync(resultsFile, '');
  const pageRequests = path.join(work, 'page-requests');
  mkdirSync(pageRequests);
  const workspace = path.join(work, 'workspace');
  if (options.prepareWorkspace) {
    mkdirSync(workspace, { recursive: true });
    options.prepareWorkspace(workspace);
  } else cpSync(path.join(REPO_ROOT, 'sample-workspace'), workspace, { recursive: true });
  chromiumPath(); // no browser: say so before starting anything
  // Everything started is released in the finally, also when starting the next part fails.
  const stops: (() => Promise<unknown>)[] = [];
  let end: Extract<ResultEvent, { event: 'end' }> | undefined;
  let failures = 0;
  let dataDir = '';
  let seedSecrets: string[] = [];
  let adminUrl: string | undefined;
  // The main window's reports on the minimum VS Code are the ones the audit reads; another pass writes its own.
  const quiet = options.testsDir === 'quiet';
  const reportSuffix = `${quiet ? '-quiet' : ''}${vscodeChoice() === 'current' ? '-current' : ''}` as const;
  try {
    const aws = await startLocalAws();
    stops.push(() => aws.stop());
    adminUrl = aws.adminUrl;
    const server = await startVsCodeServer({
      env: {
        ...testAwsEnvironment(work),
        [RESULTS_FILE_ENV]: resultsFile,
        [PAGE_REQUESTS_ENV]: pageRequests,
        APPRUNNER_VPC_SANDBOX_ADMIN: aws.adminUrl ?? '',
        // The version the foundation test expects the window to run (the minimum's, or the current one's).
        APPRUNNER_VPC_EXPECTED_VSCODE: vscodeProductVersion(),
        ...options.env,
      },
      settings: {
        'apprunnerVpc.endpointUrl': aws.endpoint,
        'apprunnerVpc.region': 'ap-northeast-1',
        ...options.settings,
      },
      logFile: path.join(work, 'server.log'),
      // The main window is trusted (its tests run the write commands, which Restricted Mode refuses); the quiet
      // window checks Restricted Mode itself.
      disableWorkspaceTrust: !quiet,
    });
    stops.push(() => server.stop());
    dataDir = server.dataDir;
    console.log(
      `Host tests${options.name ? ` (${options.name})` : ''} in VS Code ${vscodeVersion()} at ${server.baseUrl}, AWS at ${aws.endpoint}`,
    );
    const browser = await launchChromium();
    stops.push(() => browser.close());
    const page = await browser.newPage();
    const consoleLog = path.join(work, 'console.log');
    writeFileSync(consoleLog, '');
    page.on('console', (message) => writeFileSync(consoleLog, `${message.type()}: ${message.text()}\n`, { flag: 'a' }));
    await page.goto(
      server.workbenchUrl(workspace, {
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: path.join(
          REPO_ROOT,
          'out',
          'test',
          'host',
          ...(options.testsDir ? [options.testsDir] : []),
          'index.js',
        ),
      }),
    );
    let seen = 0;
    const deadline = Date.now() + TIMEOUT_MS;
    while (!end && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await answerPageRequests(page, pageRequests);
      const lines = readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean);
      for (const line of lines.slice(seen)) {
        const event = JSON.parse(line) as ResultEvent;
        print(event);
        if (event.event === 'fail') failures++;
        if (event.event === 'end') end = event;
      }
      seen = lines.length;
    }
  } finally {
    seedSecrets = (await sandboxJson<{ secretValues?: string[] }>(adminUrl, 'seed'))?.secretValues ?? [];
    const calls = await sandboxJson<{ toolOperations?: Record<string, number> }>(adminUrl, 'calls');
    if (end && calls?.toolOperations)
      writeLayerReport(`aws-operations-host${reportSuffix}`, {
        toolOperations: calls.toolOperations,
      });
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
  if (!end) {
    console.log(
      `Host tests did not report an end within ${TIMEOUT_MS / 1000} s (see ${work}/console.log and server.log).`,
    );
    return 1;
  }
  if (end.failures) console.log(`Logs: ${work}/console.log (page console), ${work}/server.log`);
  const scan = scanForSecrets([work, dataDir].filter(Boolean), seedSecrets);
  writeLayerReport(`host-secrets${reportSuffix}`, scan);
  console.log(
    `secrets found in ${scan.filesScanned} host log files (${scan.requestLogLines} debug request lines): ${scan.secretsFound}${scan.files.length ? ` (${scan.files.join(', ')})` : ''}`,
  );
  for (const hit of scan.hits.slice(0, 10)) console.log(`  ${hit.what} at line ${hit.line}`);
  if (scan.secretsFound > 0) return 1;
  // Not at trace level: VS Code's own server then logs its whole process environment, test credentials included
  // (seen in server.log); the per-request lines are debug lines, so at the default level they are not scanned.
  if (!options.testsDir && scan.requestLogLines === 0)
    console.log('No debug-level AWS request line in the host logs (the host runs at the default log level).');
  console.log(`host: ${end.passes} passed, ${end.failures} failed${end.pending ? `, ${end.pending} skipped` : ''}`);
  return end.failures > 0 || failures > 0 || end.passes === 0 ? 1 : 0;
}

export function ensureBuilt(): void {
  for (const file of ['dist/extension.js', 'dist/backend.js', 'out/test/host/index.js']) {
    if (!existsSync(path.join(REPO_ROOT, file)))
      throw new Error(`${file} is missing: run "npm run build && npm run compile" first.`);
  }
}
