import assert from 'node:assert/strict';
import { figure, figureNames, lensAfterChangeSizeOf } from '../bench/results';
import { evaluateTargets, missedTargets, treeBoundMs } from '../bench/targets';
import { BenchTimeout, until, withTimeout } from '../bench/timeout';

describe('the bench harness', () => {
  it('names what it waited for when a wait times out, and passes a value through in time', async () => {
    await assert.rejects(
      withTimeout(new Promise(() => undefined), 20, 'the tree of 5000 services'),
      (e: Error) => e instanceof BenchTimeout && /waiting for the tree of 5000 services/.test(e.message),
    );
    assert.equal(await withTimeout(Promise.resolve(7), 1000, 'seven'), 7);
    await assert.rejects(
      until(() => undefined, 30, 'a lens', 5),
      /waiting for a lens/,
    );
    let n = 0;
    assert.equal(await until(() => (++n >= 3 ? 'ok' : undefined), 1000, 'three polls', 1), 'ok');
  });

  it('reloads for the lens-after-change figure at 1,000 services, or the largest size below, never at 5,000', () => {
    assert.equal(lensAfterChangeSizeOf([20, 200, 1000, 5000]), 1000);
    assert.equal(lensAfterChangeSizeOf([20, 200, 5000]), 200);
    assert.equal(lensAfterChangeSizeOf([5000]), undefined);
  });

  it('keeps every figure as a median with its samples, or null when nothing was measured', () => {
    assert.deepEqual(figure([30, 10, 20]), { median: 20, samples: [30, 10, 20] });
    assert.deepEqual(figure([1, 2, 3, 4]), { median: 2.5, samples: [1, 2, 3, 4] });
    assert.equal(figure([]), null);
    assert.equal(figure([NaN]), null);
    const names = figureNames(20);
    for (const name of [
      'cliReads_5000',
      'cliPlanMs_20',
      'treeProviderFirstRowsMs_5000',
      'treeCompleteMs_5000',
      'extHostHeapMb_5000',
      'treeCompleteMs_1000_throttled',
      'codeLensFirstMs_1000',
      'cliPlanVsAwsCliRatio_1000',
      'vsixKb',
      'networkReads_20vpc',
    ])
      assert.ok(names.includes(name), name);
    assert.equal(new Set(names).size, names.length);
  });

  it('judges the targets: the tree against its computed bound, the CLI reads beyond the name lookup', () => {
    assert.equal(treeBoundMs(5000), 12_500);
    const figures = {
      treeProviderFirstRowsMs_1000: figure([3700]),
      treeProviderFirstRowsMs_5000: figure([18_751]),
      cliReads_20: figure([12]),
      cliListServicesPages_20: figure([1]),
      cliReads_5000: figure([261]),
      cliListServicesPages_5000: figure([250]),
    };
    const byName = new Map(evaluateTargets(figures).map((t) => [t.name, t]));
    assert.equal(byName.get('treeProviderFirstRowsMs_1000')?.pass, true);
    assert.equal(byName.get('treeProviderFirstRowsMs_5000')?.pass, false);
    assert.equal(byName.get('cliReads_5000 - pages')?.pass, true);
    assert.equal(byName.get('extHostHeapMb_5000')?.pass, undefined, 'not measured is not a pass');
    assert.deepEqual(missedTargets(figures), [
      'treeProviderFirstRowsMs_5000: 18751 (target <= 18750 (1.5 x computed bound))',
    ]);
    assert.deepEqual(missedTargets({ ...figures, cliReads_5000: figure([262]) }).length, 2);
  });
});
