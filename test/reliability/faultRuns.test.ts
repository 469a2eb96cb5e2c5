import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { FailNth } from '../../sandbox/index';
import { getClients, resetClients } from '../../src/aws/clients';
import { applyPlan } from '../../src/engine/applyPlan';
import type { ApplyResult } from '../../src/engine/applyTypes';
import { cli, setupPlan, useTestCredentials } from '../sandbox/engineSupport';
import { callCounts, firedFaults, getSandbox, sandboxEnv, TEST_REGION, type FiredFault } from '../sandbox/support';
import { faultRunFigures, type FaultKind } from './faultRunFigures';
import { add, addFaultRunByKind } from './metrics';
import { convergedToRunbook, duplicateCount, wideRules, widenedSince } from './world';

// Every AWS call of the setup plan, as (step, operation, which call of that operation since the faults were
// set). The wait step's own call is ListOperations (it follows the operation the attach step started); its
// DescribeService calls are shared with the attach step's idle check.
const STEP_CALLS: { step: string; operation: string; nth: number; service: 'ec2' | 'apprunner' }[] = [
  { step: 'create-apprunner-sg', operation: 'CreateSecurityGroup', nth: 1, service: 'ec2' },
  { step: 'authorize-egress-db', operation: 'AuthorizeSecurityGroupEgress', nth: 1, service: 'ec2' },
  { step: 'authorize-egress-https', operation: 'AuthorizeSecurityGroupEgress', nth: 2, service: 'ec2' },
  { step: 'authorize-egress-dns', operation: 'AuthorizeSecurityGroupEgress', nth: 3, service: 'ec2' },
  { step: 'revoke-default-egress', operation: 'RevokeSecurityGroupEgress', nth: 1, service: 'ec2' },
  { step: 'authorize-db-ingress', operation: 'AuthorizeSecurityGroupIngress', nth: 1, service: 'ec2' },
  { step: 'create-connector', operation: 'CreateVpcConnector', nth: 1, service: 'apprunner' },
  { step: 'attach-connector', operation: 'UpdateService', nth: 1, service: 'apprunner' },
  { step: 'wait-for-service', operation: 'ListOperations', nth: 1, service: 'apprunner' },
];

// The faulted runs use the engine with clients of 2 attempts (the product's default is 5) and step retries
// after 50 ms (default 2 s and 5 s), so that a fault outlasting both takes seconds, not minutes. A fault that is
// meant to reach the engine fails every attempt of the step's call: SDK attempts x (1 + the engine's retries).
const SDK_ATTEMPTS = 2;
const STEP_RETRY_DELAYS_MS = [50, 50];
const ATTEMPTS_PER_STEP = SDK_ATTEMPTS * (1 + STEP_RETRY_DELAYS_MS.length);
const REQUEST_TIMEOUT_MS = 400;
const HELD_REPLY_MS = 1500;

const THROTTLE = {
  ec2: { code: 'RequestLimitExceeded', status: 503 },
  apprunner: { code: 'ThrottlingException', status: 429 },
};
const CLI_MAIN = path.resolve(__dirname, '..', '..', 'src', 'cli', 'index.js');

type Call = (typeof STEP_CALLS)[number];

/**
 * What the faulted first run did: the step the engine reported as where it stopped (undefined: it reported
 * none), whether a killed process was killed mid-call, and the faults that fired.
 */
interface FirstRun {
  engineStoppedAt?: string;
  killedMidCall?: boolean;
  status: string;
  fired: FiredFault[];
}

/** Every attempt of the step's call, from its first, fails with `error` (or has its answer held). */
function everyAttempt(c: Call, fault: Pick<FailNth, 'error' | 'replyDelayMs'>): FailNth[] {
  return Array.from({ length: ATTEMPTS_PER_STEP }, (_, i) => ({
    operation: c.operation,
    nth: c.nth + i,
    service: c.service,
    ...fault,
  }));
}

async function engineRun(failNth: FailNth[]): Promise<FirstRun> {
  const { plan } = await setupPlan();
  await getSandbox().setFaults({ failNth });
  const clients = getClients(
    { region: TEST_REGION, endpointUrl: getSandbox().endpoint },
    { requestTimeoutMs: REQUEST_TIMEOUT_MS, maxAttempts: SDK_ATTEMPTS, throttlingMaxAttempts: SDK_ATTEMPTS },
  );
  const result: ApplyResult = await applyPlan(clients, plan, {
    pollIntervalMs: 50,
    stepRetryDelaysMs: STEP_RETRY_DELAYS_MS,
  });
  return { engineStoppedAt: result.error?.stepId, status: result.status, fired: await firedFaults() };
}

const FAULT_KINDS: Record<FaultKind, { reachesEngine: boolean; run: (c: Call) => Promise<FirstRun> }> = {
  // The service's own 5xx on every attempt: the SDK retries, then the engine retries the step, then gives up.
  '5xx': { reachesEngine: true, run: (c) => engineRun(everyAttempt(c, {})) },
  'throttling burst': { reachesEngine: true, run: (c) => engineRun(everyAttempt(c, { error: THROTTLE[c.service] })) },
  // Every attempt takes effect but its answer comes after the client gave up: the SDK retries a call that
  // already happened (where duplicates would come from), then the run stops with a timeout.
  timeout: {
    reachesEngine: true,
    async run(c) {
      const first = await engineRun(everyAttempt(c, { replyDelayMs: HELD_REPLY_MS }));
      await new Promise((r) => setTimeout(r, HELD_REPLY_MS + 200)); // the held answers are out
      return first;
    },
  },
  // The CLI process is killed while the step's call is in flight (reached the endpoint, answer held back).
  'process stopped': {
    reachesEngine: false,
    async run(c) {
      await getSandbox().setFaults({
        failNth: [{ operation: c.operation, nth: c.nth, service: c.service, replyDelayMs: 2000 }],
      });
      const child = spawn(
        process.execPath,
        [
          CLI_MAIN,
          'apply',
          '--yes',
          '--endpoint-url',
          getSandbox().endpoint,
          '--region',
          TEST_REGION,
          '--poll-interval',
          '0.05',
        ],
        { env: { ...sandboxEnv(), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' }, stdio: 'ignore' },
      );
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      const deadline = Date.now() + 20_000;
      const inFlight = async (): Promise<boolean> => (await firedFaults()).some((f) => f.operation === c.operation);
      while (!(await inFlight()) && Date.now() < deadline && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 25));
      const stoppedMidCall = child.exitCode === null && (await inFlight());
      child.kill('SIGKILL');
      await exited;
      const fired = await firedFaults();
      await new Promise((r) => setTimeout(r, 2100)); // the held call has taken effect by now
      return {
        killedMidCall: stoppedMidCall,
        status: stoppedMidCall ? 'killed' : `exited ${child.exitCode}`,
        fired,
      };
    },
  },
};

// Every run must recover (each asserts where it stopped, the re-run's convergence and no duplicate), so there is
// no looser bound on the totals: faultRunsEngineRecovered is 18 of 18 (5xx and throttling), the timeout and
// kill figures 9 of 9 each.
describe('Reliability: a fault at every step of the setup, then a clean re-run, converges without duplicates', function () {
  this.timeout(120_000);
  before(() => useTestCredentials());
  afterEach(async () => getSandbox().clearFaults());

  for (const [kind, fault] of Object.entries(FAULT_KINDS) as [FaultKind, (typeof FAULT_KINDS)[FaultKind]][]) {
    for (const call of STEP_CALLS) {
      it(`${kind} in ${call.step}: the fault fires on that step's call, the first run stops there, a re-run converges`, async () => {
        await getSandbox().reset();
        resetClients(); // fresh clients: no retry quota or adaptive rate left over from the previous run
        const wideBefore = await wideRules();
        const first = await fault.run(call);
        await getSandbox().clearFaults();
        const rerun = await cli(['apply', '--yes']);
        const converged = rerun.code === 0 && (await convergedToRunbook());
        const duplicates = await duplicateCount();
        const widened = await widenedSince(wideBefore);
        const firedOnStep =
          first.fired.length > 0 &&
          first.fired.every((f) => f.operation === call.operation && f.service === call.service);
        const figures = faultRunFigures({
          kind,
          faultedStep: call.step,
          engineStoppedAt: first.engineStoppedAt,
          killedMidCall: first.killedMidCall,
          firedOnStep,
          fired: first.fired.length,
          attemptsPerStep: ATTEMPTS_PER_STEP,
          converged,
          duplicates,
        });
        add('faultRuns');
        if (converged) add('faultRunsConverged');
        if (figures.engineRecovered !== undefined) add('faultRunsEngineRecovered', figures.engineRecovered ? 1 : 0);
        if (figures.timeoutRecovered !== undefined) add('faultRunsTimeoutRecovered', figures.timeoutRecovered ? 1 : 0);
        if (figures.killRecovered !== undefined) add('faultRunsKillRecovered', figures.killRecovered ? 1 : 0);
        addFaultRunByKind(kind, {
          stoppedAtFaultedStep: figures.stoppedAtFaultedStep,
          engineRecovered: figures.engineRecovered === true,
          converged,
        });
        add('duplicatesFound', duplicates);
        add('widenedAccess', widened);
        const counts = await callCounts();
        assert.ok(
          firedOnStep,
          `the fault fired on ${call.service}:${call.operation} only: ${JSON.stringify(first.fired)}`,
        );
        if (fault.reachesEngine && kind !== 'timeout')
          assert.equal(
            first.fired.length,
            ATTEMPTS_PER_STEP,
            `every one of the ${ATTEMPTS_PER_STEP} attempts was faulted (SDK and engine retries)`,
          );
        if (fault.reachesEngine)
          assert.equal(
            first.engineStoppedAt,
            call.step,
            `the engine reported ${call.step} as where it stopped (${first.status}); calls: ${JSON.stringify(counts.operations)}`,
          );
        else
          assert.ok(
            first.killedMidCall,
            `the process was killed while ${call.operation} was in flight (${first.status})`,
          );
        assert.equal(rerun.code, 0, rerun.stdout + rerun.stderr);
        assert.ok(converged, 'the account equals the runbook state after the re-run');
        assert.equal(duplicates, 0);
        assert.equal(widened, 0, 'no rule wider than the runbook after the re-run');
      });
    }
  }
});
