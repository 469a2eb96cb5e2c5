import assert from 'node:assert/strict';
import { ChecklistContext, ChecklistItem, evaluateChecklist } from '../../src/model/diagnosis/checklist';
import { checklistToMarkdown } from '../../src/model/diagnosis/checklistMarkdown';
import { Topology } from '../../src/model/topology/topology';
import { analyze } from './fixtures/analyze';
import { afterSetup, beforeSetup, connector, group, IDS, removeRule, sgRule } from './fixtures/topologyBuilder';

const NOW = '2026-11-28T10:00:00.000Z';
const HEALTHY: ChecklistContext = {
  lastConnectionTestAt: '2026-11-27T09:00:00.000Z',
  lastConnectionTestOutcome: 'healthy',
  logScan: { connectedLineSeen: true, errorLines: 0 },
  now: NOW,
};

function states(t: Topology, context: ChecklistContext = HEALTHY): Record<string, ChecklistItem['state']> {
  const items = evaluateChecklist(t, analyze(t), {
    ...context,
    appRunnerGroupName: 'apprunner-connector',
    appRunnerGroupNameTag: 'sg-apprunner',
  });
  return Object.fromEntries(items.map((i) => [i.id, i.state]));
}

describe('evaluateChecklist', () => {
  it('passes every automatic item in the finished runbook world, leaving the manual ones', () => {
    assert.deepEqual(states(afterSetup()), {
      'sg-apprunner-exists': 'pass',
      'connector-exists': 'pass',
      'connector-attached': 'pass',
      'db-reachable': 'pass',
      'logs-clean': 'pass',
      'connector-active': 'pass',
      'rules-reviewed': 'pass',
      'connection-test-recent': 'pass',
      'performance-metrics': 'manual',
      'change-connector-redeploy': 'manual',
      'change-sg-immediate': 'manual',
      'change-subnets-new-connector': 'manual',
    });
  });

  it('fails the setup items before setup', () => {
    const s = states(beforeSetup(), { now: NOW, logScan: undefined, lastConnectionTestAt: undefined });
    assert.equal(s['sg-apprunner-exists'], 'fail');
    assert.equal(s['connector-exists'], 'fail');
    assert.equal(s['connector-attached'], 'fail');
    assert.equal(s['db-reachable'], 'fail');
    assert.equal(s['connector-active'], 'fail');
    assert.equal(s['logs-clean'], 'unknown');
    assert.equal(s['connection-test-recent'], 'unknown');
  });

  it('names the blocking findings when the DB is unreachable', () => {
    const t = afterSetup();
    removeRule(t, 'sgr-db-from-app');
    const item = evaluateChecklist(t, analyze(t), HEALTHY).find((i) => i.id === 'db-reachable');
    assert.equal(item?.state, 'fail');
    assert.match(item?.detail.en ?? '', /sg-ingress-missing-db-port/);
  });

  it('DNS support off fails the DB item and says why', () => {
    const t = afterSetup();
    t.vpcs[0].enableDnsSupport = false;
    const item = evaluateChecklist(t, analyze(t), HEALTHY).find((i) => i.id === 'db-reachable');
    assert.equal(item?.state, 'fail');
    assert.equal(item?.detail.en, 'Blocked: dns-support-off');
  });

  it('an INACTIVE connector fails the periodic ACTIVE item', () => {
    const t = afterSetup();
    connector(t).status = 'INACTIVE';
    assert.equal(states(t)['connector-active'], 'fail');
  });

  it('over-broad rules fail the review item and are named', () => {
    const t = afterSetup();
    group(t, IDS.sgDb).rules.push(sgRule('sgr-open', IDS.sgDb, false, 'tcp', 5432, 5432, { cidrIpv4: '0.0.0.0/0' }));
    const item = evaluateChecklist(t, analyze(t), HEALTHY).find((i) => i.id === 'rules-reviewed');
    assert.equal(item?.state, 'fail');
    assert.match(item?.detail.en ?? '', /sgr-open/);
  });

  it('log errors fail; no connected line and no errors is unknown', () => {
    assert.equal(
      states(afterSetup(), { ...HEALTHY, logScan: { connectedLineSeen: true, errorLines: 3 } })['logs-clean'],
      'fail',
    );
    assert.equal(
      states(afterSetup(), { ...HEALTHY, logScan: { connectedLineSeen: false, errorLines: 0 } })['logs-clean'],
      'unknown',
    );
  });

  it('a connection test older than 7 days fails', () => {
    assert.equal(
      states(afterSetup(), { ...HEALTHY, lastConnectionTestAt: '2026-11-21T10:00:00.000Z' })['connection-test-recent'],
      'pass',
    );
    assert.equal(
      states(afterSetup(), { ...HEALTHY, lastConnectionTestAt: '2026-11-20T09:59:00.000Z' })['connection-test-recent'],
      'fail',
    );
  });
});

describe('checklistToMarkdown', () => {
  it('writes the three runbook sections with checked boxes only for passed items', () => {
    const t = afterSetup();
    connector(t).status = 'INACTIVE';
    const md = checklistToMarkdown(evaluateChecklist(t, analyze(t), HEALTHY), 'ja', { generatedAt: NOW });
    const lines = md.split('\n');
    assert.equal(lines[0], '# 運用チェックリスト');
    assert.deepEqual(
      lines.filter((l) => l.startsWith('## ')),
      ['## 初期設定時', '## 定期確認項目', '## 変更時の注意点'],
    );
    assert.ok(
      lines.includes(
        '- [x] セキュリティグループ（sg-apprunner \\(apprunner-connector\\)）が作成されている (確認済み): vpc-1 の sg-app1',
      ),
    );
    assert.ok(lines.some((l) => l.startsWith('- [ ] VPC コネクタの状態が ACTIVE (要対応)')));
    assert.ok(lines.some((l) => l.startsWith('- [ ] パフォーマンスメトリクスの確認 (手動確認)')));
    assert.equal(lines.filter((l) => /^- \[[x ]\] /.test(l)).length, 12);
  });

  it('has an English version and escapes Markdown in details', () => {
    const md = checklistToMarkdown(
      [
        {
          id: 'x',
          section: 'periodic',
          title: { en: 'T', ja: 'T' },
          state: 'fail',
          detail: { en: 'a *b* [c]\nd', ja: '' },
        },
      ],
      'en',
    );
    assert.equal(md, '# Operations checklist\n\n## Periodic checks\n- [ ] T (FAIL): a \\*b\\* \\[c\\] d\n');
  });

  describe('connection test truth', () => {
    const item = (context: ChecklistContext) =>
      evaluateChecklist(afterSetup(), analyze(afterSetup()), context).find((i) => i.id === 'connection-test-recent');

    it('a recent test whose db-health failed does not pass; it says it failed', () => {
      for (const outcome of ['unhealthy', 'unreachable'] as const) {
        const i = item({ ...HEALTHY, lastConnectionTestOutcome: outcome });
        assert.equal(i?.state, 'fail', outcome);
        assert.match(i?.detail.en ?? '', new RegExp(`failed \\(db-health ${outcome}\\)`));
      }
    });

    it('passes only with a healthy db-health inside the window; an unrecorded or skipped result is unknown', () => {
      assert.equal(item(HEALTHY)?.state, 'pass');
      assert.equal(item({ ...HEALTHY, lastConnectionTestAt: '2026-11-20T09:59:00.000Z' })?.state, 'fail');
      assert.equal(item({ ...HEALTHY, lastConnectionTestOutcome: undefined })?.state, 'unknown');
      assert.equal(item({ ...HEALTHY, lastConnectionTestOutcome: 'skipped' })?.state, 'unknown');
    });

    it('each periodic item says when it was last checked and by what', () => {
      const t = afterSetup();
      const items = evaluateChecklist(t, analyze(t), HEALTHY).filter(
        (i) => i.section === 'periodic' && i.state !== 'manual',
      );
      assert.ok(items.length >= 3);
      for (const i of items) assert.ok(i.lastChecked?.at && i.lastChecked.by.en && i.lastChecked.by.ja, i.id);
      assert.equal(items.find((i) => i.id === 'connector-active')?.lastChecked?.at, t.loadedAt);
      assert.equal(items.find((i) => i.id === 'connection-test-recent')?.lastChecked?.at, HEALTHY.lastConnectionTestAt);
      const md = checklistToMarkdown(items, 'en');
      assert.match(md, /Last checked 2026-11-27T09:00:00.000Z by the connection test/);
    });
  });
});
