// The live half of diagnose on its own, and `apprunner-vpc diagnose` as a real process: exit codes, the
// Japanese report, and HTTP checks that time out or answer garbage instead of hanging the command.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { checkHttp, runLiveChecks } from '../../src/aws/liveChecks';
import type { DiagnoseDocument } from '../../src/model/diagnosis/diagnoseOutcome';
import type { AppRunnerService } from '../../src/model/topology/topology';
import { useTestCredentials } from './engineSupport';
import { getSandbox, sandboxClients, sandboxEnv, seed } from './support';

const ENTRY = join(__dirname, '..', '..', 'src', 'cli', 'index.js');

function run(args: string[], lang = 'C'): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [ENTRY, ...args], { env: { ...sandboxEnv(), LANG: lang } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const PATHS = { healthCheckPath: '/api/v1/health', dbHealthPath: '/api/v1/db-health' };

describe('diagnose: live checks and the CLI process', function () {
  this.timeout(60_000);

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
  });

  it('exits 3 on the seeded world (DEFAULT egress) and prints one JSON document naming egress-not-vpc', async () => {
    const out = await run(['diagnose', '--json']);
    assert.equal(out.code, 3, out.stderr);
    const doc = JSON.parse(out.stdout) as DiagnoseDocument & { command: string };
    assert.equal(doc.command, 'diagnose');
    assert.equal(doc.service.name, 'kyudai-api');
    assert.deepEqual(
      doc.findings.filter((f) => f.severity === 'error').map((f) => f.id),
      ['egress-not-vpc'],
    );
    assert.equal(doc.live?.dbHealth.outcome, 'unhealthy');
    // The first deployment's failure is in the application log, found by the scanner.
    assert.equal(doc.live?.logs.outcome, 'read');
    assert.ok((doc.live?.logs.scan?.errorLines ?? 0) + (doc.live?.logs.scan?.earlierErrorLines ?? 0) >= 1);
  });

  it('prints the Markdown report in Japanese under a Japanese locale', async () => {
    const out = await run(['diagnose'], 'ja_JP.UTF-8');
    assert.equal(out.code, 3);
    assert.match(out.stdout, /^# 接続診断: kyudai-api/);
    assert.match(out.stdout, /\| サービス → データベース \| ✘ 遮断 \|/);
    assert.match(out.stdout, /`egress-not-vpc`/);
  });

  it('exits 1 with one line on stderr for a service that does not exist', async () => {
    const out = await run(['diagnose', '--service', 'missing-api', '--lang', 'en']);
    assert.equal(out.code, 1);
    // (Node 20 also gets the SDK's own version reminder on stderr; our part is one line.)
    const ours = out.stderr.split('\n').filter((l) => l.startsWith('apprunner-vpc:'));
    assert.equal(ours.length, 1, out.stderr);
    assert.match(
      ours[0],
      /^apprunner-vpc: The App Runner service missing-api is not in ap-northeast-1 \(services: kyudai-api\)\. Pass --service NAME\.$/,
    );
    assert.equal(out.stdout, '');
  });

  describe('HTTP checks against a misbehaving service', () => {
    let server: Server;
    let host = '';

    before(async () => {
      server = createServer((req, res) => {
        if (req.url === '/slow') return; // never answers
        res.writeHead(req.url === '/broken' ? 500 : 200, { 'content-type': 'text/plain' });
        res.end(req.url === '/big' ? 'x'.repeat(5000) : 'Internal Server Error');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    after(() => {
      server.closeAllConnections();
      server.close();
    });

    it('a service that never answers is "unreachable" after the timeout, not a hang', async () => {
      const started = Date.now();
      const c = await checkHttp(host, '/slow', false, { ...PATHS, timeoutMs: 300 });
      assert.equal(c.outcome, 'unreachable');
      assert.equal(c.url, `http://${host}/slow`);
      assert.match(c.error ?? '', /no answer within 300 ms/);
      assert.ok(Date.now() - started < 5_000);
    });

    it('a 500 is unhealthy with its status and body; long bodies are cut', async () => {
      const broken = await checkHttp(host, '/broken', false, PATHS);
      assert.deepEqual([broken.outcome, broken.status, broken.body], ['unhealthy', 500, 'Internal Server Error']);
      const big = await checkHttp(host, '/big', false, PATHS);
      assert.equal(big.body?.length, 501);
      assert.equal(big.outcome, 'unhealthy', 'plain text is not the runbook\'s {"status":"healthy"}');
    });

    it('a service without a URL is skipped, and a log group that does not exist is reported as missing', async () => {
      const ghost: AppRunnerService = {
        arn: seed().serviceArn ?? '',
        name: 'ghost',
        id: 'nope',
        status: 'RUNNING',
        detailsLoaded: true,
      };
      const live = await runLiveChecks(sandboxClients(), ghost, PATHS);
      assert.equal(live.health.outcome, 'skipped');
      assert.equal(live.logs.outcome, 'missing');
      assert.equal(live.logs.logGroup, '/aws/apprunner/ghost/nope/application');
    });
  });
});
