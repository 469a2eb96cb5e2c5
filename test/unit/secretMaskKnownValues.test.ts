import assert from 'node:assert/strict';
import { MASK, maskSecrets } from '../../src/model/common/secretMask';
import type { AppRunnerService, Topology } from '../../src/model/topology/topology';
import { masked, rememberSnapshotSecrets } from '../../src/vscode/masking';
import { MASKING_CORPUS } from '../support/maskingCorpus';

/** The known-value pass as it was written before its values were prepared once per list. */
function knownValuesReference(text: string, extra: readonly string[]): string {
  let out = text;
  const values = [...new Set(extra.filter((v) => typeof v === 'string' && v.trim().length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  for (const value of values) {
    out = out.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'), MASK);
    const jsonForm = JSON.stringify(value).slice(1, -1);
    if (jsonForm !== value) out = out.split(jsonForm).join(MASK);
    const urlForm = encodeURIComponent(value);
    if (urlForm !== value) out = out.split(urlForm).join(MASK);
  }
  return out;
}

describe('maskSecrets with many known values (a large region)', () => {
  // 1,000 values, some containing others, some with JSON and URL forms that differ, some too short.
  const values = [
    ...Array.from({ length: 995 }, (_, i) => `pw-${i}-Xy9`),
    'p@ss/w:rd "q"',
    'abc',
    'pw-1-Xy9-longer',
    'a\\b\\c\\d',
    'pw-12',
  ];
  const texts = [
    'DB=pw-1-Xy9-longer and pw-12-Xy9 and pw-1-Xy9',
    `{"url":"postgres://u:${encodeURIComponent('p@ss/w:rd "q"')}@h/db","raw":${JSON.stringify('p@ss/w:rd "q"')}}`,
    'no secret here: arn:aws:apprunner:ap-northeast-1:123456789012:service/scale-svc-0042/abc',
    `path a\\b\\c\\d and ${JSON.stringify('a\\b\\c\\d')}`,
    ...MASKING_CORPUS.map((c) => c.input),
  ];

  it('masks exactly as the per-value pass did (the patterns then run on the same text)', () => {
    for (const text of texts) {
      assert.equal(maskSecrets(text, values), maskSecrets(knownValuesReference(text, values), []), text);
      // Asked again with the same list (prepared once) and with a copy of it.
      assert.equal(maskSecrets(text, [...values]), maskSecrets(knownValuesReference(text, values), []), text);
    }
  });

  it('follows a list that changes: a value added later is masked, one not in the list is not', () => {
    assert.equal(maskSecrets('token-from-later x', ['first-value']), 'token-from-later x');
    assert.equal(maskSecrets('token-from-later x', ['first-value', 'token-from-later']), `${MASK} x`);
    assert.equal(maskSecrets('first-value', ['other-value']), 'first-value');
  });
});

describe('the window remembers snapshot secrets per new service record', () => {
  const service = (name: string, password?: string): AppRunnerService =>
    ({
      arn: `arn:aws:apprunner:ap-northeast-1:123456789012:service/${name}/0`,
      name,
      status: 'RUNNING',
      detailsLoaded: password !== undefined,
      source: password ? { environment: { DB_PASSWORD: password } } : undefined,
    }) as unknown as AppRunnerService;
  const snapshot = (services: AppRunnerService[]): Topology => ({ services }) as unknown as Topology;

  it('reads each service record once, however many partial snapshots share it', () => {
    const summaries = Array.from({ length: 50 }, (_, i) => service(`svc-${i}`));
    assert.equal(rememberSnapshotSecrets(snapshot(summaries)), 50);
    assert.equal(rememberSnapshotSecrets(snapshot([...summaries])), 0, 'a new snapshot of the same records');
    const detailed = [...summaries];
    detailed[7] = service('svc-7', 'hunter2-remembered');
    assert.equal(rememberSnapshotSecrets(snapshot(detailed)), 1, 'only the record with new details');
    assert.equal(masked('the body said hunter2-remembered'), `the body said ${MASK}`);
  });
});
