import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { FailNth } from '../../sandbox/index';
import { getClients } from '../../src/aws/clients';
import { applyPlan } from '../../src/engine/applyPlan';
import { wideningSteps } from '../../src/model/planSafety';
import { cli, setupPlan, useTestCredentials } from '../sandbox/engineSupport';
import { callCounts, getSandbox, resetCallCounts, sandboxEnv, TEST_REGION } from '../sandbox/support';
import { add } from './metrics';
import { convergedToRunbook, duplicateCount } from './world';

// Every AWS call of the setup plan, as (step, operation, which call of that operation).
const STEP_CALLS: { step: string; operation: string; nth: number; service: 'ec2' | 'apprunner' }[] = [
  { step: 'create-apprunner-sg', operation: 'CreateSecurityGroup', nth: 1, service: 'ec2' },
  { step: 'authorize-egress-db', operation: 'AuthorizeSecurityGroupEgress', nth: 1, service: 'ec2' },
  { step: 'authorize-egress-https', operation: 'AuthorizeSecurityGroupEgress', nth: 2, service: 'ec2' },
  { step: 'authorize-egress-dns', operation: 'AuthorizeSecurityGroupEgress', nth: 3, service: 'ec2' },
  { step: 'revoke-default-egress', operation: 'RevokeSecurityGroupEgress', nth: 1, service: 'ec2' },
  { step: 'authorize-db-ingress', operation: 'AuthorizeSecurityGroupIngress', nth: 1, service: 'ec2' },
  { step: 'create-connector', operation: 'CreateVpcConnector', nth: 1, service: 'apprunner' },
  { step: 'attach-connector', operation: 'UpdateService', nth: 1, service: 'apprunner' },
  { step: 'wait-for-service', operation: 'DescribeService', nth: 2, service: 'apprunner' },
];

const THROTTLE = { ec2: { code: 'RequestLimitExceeded', status: 503 }, apprunner: { code: 'ThrottlingException', status: 429 } };
const CLI_MAIN = path.resolve(__dirname, '..', '..', 'src', 'cli', 'index.js');

type Call = (typeof STEP_CALLS)[number];

/** The first run under each fault kind; its outcome may be success or a clear failure, both are fine. */
const FAULT_KINDS: Record<string, (c: Call) => Promise<void>> = {
  async '5xx'(c) {
    await getSandbox().setFaults({ failNth: [{ operation: c.operation, nth: c.nth, service: c.service }] });
    await cli(['apply', '--yes']);
  },
  async 'throttling burst'(c) {
    const burst: FailNth[] = [0, 1, 2].map((i) => ({ operation: c.operation, nth: c.nth + i, service: c.service, error: THROTTLE[c.service] }));
    await getSandbox().setFaults({ failNth: burst });
    await cli(['apply', '--yes']);
  },
  async timeout(c) {
    // The call takes effect but its answer comes after the client gave up: the SDK retries a call that
    // already happened, which is where duplicates would come from.
    const { plan } = await setupPlan();
    await getSandbox().setFaults({ failNth: [{ operation: c.operation, nth: c.nth, service: c.service, replyDelayMs: 1500 }] });
    const clients = getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint }, { requestTimeoutMs: 400, maxAttempts: 3 });
    await applyPlan(clients, plan, { pollIntervalMs: 50, stepRetryDelaysMs: [50, 50] });
  },
  async 'process stopped'(c) {
    await getSandbox().setFaults({ failNth: [{ operation: c.operation, nth: c.nth, service: c.service, replyDelayMs: 2000 }] });
    const child = spawn(process.execPath, [CLI_MAIN, 'apply', '--yes', '--endpoint-url', getSandbox().endpoint, '--region', TEST_REGION,
      '--poll-interval', '0.05'], { env: { ...sandboxEnv(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const deadline = Date.now() + 20_000;
    // Stop the process while the step's call is in flight (reached the endpoint, answer held back).
    while (((await callCounts()).operations[c.operation] ?? 0) < c.nth && Date.now() < deadline && child.exitCode === null) {
      await new Promise((r) => setTimeout(r, 25));
    }
    const stoppedMidRun = child.exitCode === null;
    child.kill('SIGKILL');
    await exited;
    assert.ok(stoppedMidRun, 'the process was stopped while its call was in flight, not after it finished');
    await new Promise((r) => setTimeout(r, 2100)); // the held call has taken effect by now
  },
};

describe('Reliability: a fault at every step of the setup, then a clean re-run, converges without duplicates', function () {
  this.timeout(120_000);
  before(() => useTestCredentials());
  afterEach(async () => getSandbox().clearFaults());

  for (const [kind, inject] of Object.entries(FAULT_KINDS)) {
    for (const call of STEP_CALLS) {
      it(`${kind} in ${call.step}`, async () => {
        await getSandbox().reset();
        const { plan } = await setupPlan();
        add('widenedAccess', wideningSteps(plan).length);
        await resetCallCounts();
        await inject(call);
        await getSandbox().clearFaults();
        const rerun = await cli(['apply', '--yes']);
        add('faultRuns');
        const converged = rerun.code === 0 && (await convergedToRunbook());
        const duplicates = await duplicateCount();
        if (converged) add('faultRunsConverged');
        add('duplicatesFound', duplicates);
        assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
        assert.ok(converged, 'the account equals the runbook state after the re-run');
        assert.equal(duplicates, 0);
      });
    }
  }
});
