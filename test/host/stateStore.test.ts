import assert from 'node:assert/strict';
import { extensionApi, waitFor } from './support';
import { sandboxAdmin } from './sandboxAdmin';

describe('State store: one snapshot of the account for every view', () => {
  before(async () => {
    await sandboxAdmin.reset();
  });

  it('loads the seeded world: kyudai-api RUNNING with DEFAULT egress and the kyudai-db instance', async () => {
    const api = await extensionApi();
    await waitFor(() => (api.connectionState().status === 'connected' ? true : undefined), 'connection');
    const snapshot = await api.store.refresh({ force: true });
    const service = snapshot?.services.find((s) => s.name === 'kyudai-api');
    assert.equal(service?.status, 'RUNNING');
    assert.equal(service?.egressType, 'DEFAULT');
    assert.ok(snapshot?.dbInstances.some((db) => db.id === 'kyudai-db' && db.port === 5432));
  });

  it('makes no AWS calls for a refresh within the cache lifetime', async () => {
    const api = await extensionApi();
    await api.store.refresh({ force: true });
    await sandboxAdmin.resetCalls();
    await api.store.refresh();
    assert.equal((await sandboxAdmin.calls()).total, 0);
  });
});
