// In the real extension host, on the sandbox's scale seed (the runbook world plus 50 services and 10
// connectors): the commands and views about one service answer from a read of that service alone
// (docs/performance.md, "Read set per command"), not from the tree's whole-region load: Diagnose reads one
// DescribeService in a region of 51 services (it used to reload the whole tree first).
import assert from 'node:assert/strict';
import type { ExtensionApi } from '../../src/vscode/api';
import { sandboxAdmin } from './sandboxAdmin';
import { extensionApi, onSeed } from './support';

describe('one-service reads in the editor: a command about one service does not read the region', function () {
  this.timeout(300_000);
  let api: ExtensionApi;

  before(async () => {
    api = await extensionApi();
  });

  it('Diagnose on the scale seed reads kyudai-api alone: one DescribeService among 51 services', async () => {
    await onSeed(api, 'scale', async () => {
      assert.ok((api.store.state.snapshot?.services.length ?? 0) > 50, 'the tree holds the scale seed');
      await sandboxAdmin.resetCalls();
      const result = await api.diagnose.diagnose('kyudai-api');
      const { operations } = await sandboxAdmin.calls();
      assert.equal(result?.serviceName, 'kyudai-api');
      assert.equal(operations.DescribeService, 1, JSON.stringify(operations));
      assert.ok((operations.ListServices ?? 0) <= 1, JSON.stringify(operations));
      // No connector's tags (the tree's read of every connector): kyudai-api has no connector of its own.
      assert.equal(operations.ListTagsForResource ?? 0, 0, JSON.stringify(operations));
    });
  });
});
