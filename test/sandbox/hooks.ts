// Root hooks for the sandbox test layer: one shared sandbox for the whole run, started before the
// first test and stopped after the last. Tests reach it through support.ts.
import { startSandbox } from '../../sandbox/index';
import { resolveShimmedTools } from '../support/shimmedTools';
import { getSandbox, setSandbox, TEST_OPERATION_DELAY_MS } from './support';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    resolveShimmedTools();
    setSandbox(
      await startSandbox({ port: 0, seed: 'runbook', operationDelayMs: TEST_OPERATION_DELAY_MS, quiet: true }),
    );
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(30_000);
    await getSandbox().stop();
    setSandbox(undefined);
  },
};
