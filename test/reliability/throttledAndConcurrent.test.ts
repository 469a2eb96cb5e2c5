import assert from 'node:assert/strict';
import { getClients } from '../../src/aws/clients';
import { loadTopology } from '../../src/aws/topologyLoader';
import { cli, useTestCredentials } from '../sandbox/engineSupport';
import { firedFaults, getSandbox, TEST_REGION } from '../sandbox/support';
import { add, set } from './metrics';
import { convergedToRunbook, duplicateCount } from './world';

describe('Reliability: throttling and concurrent setups', function () {
  this.timeout(180_000);
  before(() => useTestCredentials());
  afterEach(() => getSandbox().clearFaults());

  it('completes the whole setup with 30 % of calls throttled, and the tree still loads', async () => {
    await getSandbox().reset();
    await getSandbox().setFaults({ throttleRate: 0.3 });
    const run = await cli(['apply', '--yes']);
    // The tree is drawn from loadTopology with the extension's default clients.
    const clients = getClients({ region: TEST_REGION, endpointUrl: getSandbox().endpoint, profile: undefined });
    const snapshot = await loadTopology(clients);
    const throttled = (await firedFaults()).filter((f) => f.kind === 'throttle').length;
    await getSandbox().clearFaults();
    assert.ok(throttled > 0, 'the sandbox did throttle calls');
    const converged = run.code === 0 && (await convergedToRunbook());
    const treeLoaded = snapshot.services.some(
      (s) => s.name === 'kyudai-api' && s.detailsLoaded && s.egressType === 'VPC',
    );
    set('throttledSetupSucceeded', converged && treeLoaded ? 1 : 0, 1);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.ok(converged && treeLoaded);
  });

  it('two setups started at once for the same service make one group, one rule set and one connector', async () => {
    await getSandbox().reset();
    const [first, second] = await Promise.all([cli(['apply', '--yes']), cli(['apply', '--yes'])]);
    const duplicates = await duplicateCount();
    add('concurrentSetupsDuplicates', duplicates, 1);
    for (const run of [first, second])
      assert.equal(run.code, 0, `each ends with a clear result: ${run.stdout}${run.stderr}`);
    assert.ok(await convergedToRunbook());
    assert.equal(duplicates, 0);
  });
});
