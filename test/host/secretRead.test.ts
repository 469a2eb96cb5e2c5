// Reading a DATABASE_URL held in Secrets Manager from VS Code, opt-in per command (docs/design.md, 'Secrets and endpoints'), on the `secrets`
// seed: Diagnose asks with a modal that names the secret's ARN; declined, nothing is read and the report says
// the host was not compared; allowed, the secret is read once (the sandbox counts one GetSecretValue) and the
// host is compared like a plain URL. The secret's value appears in no report, Problem or diagnosis result. (The
// output channel's text is not readable from the extension host under code-server: its document comes back empty.)
import assert from 'node:assert/strict';
import type { ExtensionApi } from '../../src/vscode/api';
import { sandboxAdmin } from './sandboxAdmin';
import { ReplayUi } from '../../src/vscode/ui/replayUi';
import { extensionApi, useUi, waitFor } from './support';

interface SecretsSeed {
  secretArn?: string;
  secretValues?: string[];
}

describe('Diagnose reads a secret-held DATABASE_URL only when allowed (secrets seed)', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  let seed: SecretsSeed = {};
  /** Scripted prompts: the consent modal is answered by `confirmAnswer`; the report is not opened. */
  const ui = new ReplayUi();
  const asked = (): string[] => ui.confirms.map((c) => `${c.message}\n${c.detail}`);
  const secretReads = async (): Promise<number> => (await sandboxAdmin.calls()).operations.GetSecretValue ?? 0;
  const diagnose = async () => {
    const result = await api.diagnose.diagnose('kyudai-api');
    assert.ok(result, 'a diagnosis');
    return result.diagnosis.findings.map((f) => f.id);
  };

  before(async () => {
    api = await extensionApi();
    await waitFor(() => (api.connectionState().status === 'connected' ? true : undefined), 'connection', 60_000);
    await sandboxAdmin.resetToSeed('secrets');
    seed = await sandboxAdmin.seedInfo<SecretsSeed>();
    assert.ok(seed.secretArn && seed.secretValues?.length, 'the secrets seed names its secret and its value');
    api.store.invalidate();
    await api.store.refresh({ force: true });
    useUi(api, ui);
  });

  after(async () => {
    useUi(api, undefined);
    // Later files start from the runbook seed (a reset keeps the seed it was last given).
    await sandboxAdmin.resetToSeed('runbook');
    api.store.invalidate();
    await api.store.refresh({ force: true });
  });

  it('declined: the modal named the ARN, nothing was read, and the report says the host was not compared (not "missing")', async () => {
    const before = await secretReads();
    ui.confirms.length = 0;
    ui.confirmAnswer = false;
    const ids = await diagnose();
    assert.equal(asked().length, 1, asked().join('\n---\n'));
    assert.ok(asked()[0].includes(seed.secretArn ?? '?'), asked()[0]);
    assert.match(asked()[0], /Read this secret once to learn the database host\?/);
    assert.match(asked()[0], /The value is not stored, logged or shown; only host and port are used\./);
    assert.equal(await secretReads(), before, 'declining reads nothing');
    assert.ok(ids.includes('database-url-in-secret'), ids.join(', '));
    assert.deepEqual(
      ids.filter((id) => /database-url-(mismatch|missing)/.test(id)),
      [],
    );
  });

  it('allowed: one GetSecretValue, and the host is compared with the database (no secret finding, no mismatch)', async () => {
    const before = await secretReads();
    ui.confirms.length = 0;
    ui.confirmAnswer = true;
    const ids = await diagnose();
    assert.equal(asked().length, 1);
    assert.equal(await secretReads(), before + 1, 'read once');
    assert.deepEqual(
      ids.filter((id) => id.startsWith('database-url')),
      [],
      ids.join(', '),
    );
  });

  it("the secret's value is in no report, Problem or diagnosis result", async () => {
    const values = seed.secretValues ?? [];
    const report = api.diagnose.reportText('kyudai-api') ?? '';
    assert.ok(report.includes('kyudai-api'), 'the report is there to scan');
    const problems = JSON.stringify(api.diagnose.problems().map((p) => p.diagnostics.map((d) => d.message)));
    const result = JSON.stringify(api.diagnose.last('kyudai-api'));
    for (const value of values) {
      assert.ok(!report.includes(value), 'the report shows the secret');
      assert.ok(!problems.includes(value), 'a Problem shows the secret');
      assert.ok(!result.includes(value), 'the diagnosis result holds the secret');
    }
  });
});
