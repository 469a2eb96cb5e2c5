import assert from 'node:assert/strict';
import { markdownText } from '../../src/model/common/markdownText';
import {
  diagnoseDocument,
  diagnoseExitCode,
  EXIT_CLEAN,
  EXIT_PROBLEMS,
} from '../../src/model/diagnosis/diagnoseOutcome';
import { checkStates } from '../../src/model/diagnosis/diagnosisChecks';
import { diagnosisReportMarkdown } from '../../src/model/diagnosis/diagnosisReport';
import type { LiveChecks } from '../../src/model/diagnosis/liveChecks';
import { LOG_START_MARGIN_MS, logStartTime, RUNBOOK_LOG_FILTER } from '../../src/model/diagnosis/logScan';
import { analyze } from './fixtures/analyze';
import { afterSetup, beforeSetup, IDS, removeRule, vpc } from './fixtures/topologyBuilder';

function live(dbHealthy: boolean): LiveChecks {
  return {
    checkedAt: '2026-11-28T10:00:00.000Z',
    health: {
      path: '/api/v1/health',
      url: 'https://x.awsapprunner.com/api/v1/health',
      outcome: 'healthy',
      status: 200,
      body: '{"status":"healthy"}',
      durationMs: 12,
    },
    dbHealth: dbHealthy
      ? {
          path: '/api/v1/db-health',
          url: 'https://x.awsapprunner.com/api/v1/db-health',
          outcome: 'healthy',
          status: 200,
          body: '{"status":"healthy","database":"connected"}',
          durationMs: 30,
        }
      : {
          path: '/api/v1/db-health',
          url: 'https://x.awsapprunner.com/api/v1/db-health',
          outcome: 'unhealthy',
          status: 200,
          body: '{"status":"unhealthy","error":"timeout expired"}',
          durationMs: 30,
        },
    logs: {
      logGroup: '/aws/apprunner/kyudai-api/abc/application',
      outcome: 'read',
      scan: {
        eventsScanned: 2,
        connectedLineSeen: !dbHealthy ? false : true,
        errorLines: dbHealthy ? 0 : 1,
        earlierErrorLines: 0,
        errors: dbHealthy ? [] : [{ at: '2026-11-28T09:59:00.000Z', message: 'ERROR: Failed to connect to database' }],
      },
    },
  };
}

function egressRuleId(): string {
  const t = afterSetup();
  const rule = t.securityGroups.flatMap((g) => g.rules).find((r) => r.egress && r.fromPort === 5432);
  assert.ok(rule);
  return rule.id;
}

describe('diagnose exit code and JSON document', () => {
  it('is 0 for the finished runbook setup with a connected DB health check', () => {
    const d = analyze(afterSetup());
    assert.equal(diagnoseExitCode(d, live(true)), EXIT_CLEAN);
    assert.deepEqual(diagnoseDocument(d, live(true)).problems, { found: false, reasons: [] });
  });

  it('is 3 when an error finding blocks the database path', () => {
    const t = afterSetup();
    removeRule(t, egressRuleId());
    const d = analyze(t);
    assert.equal(diagnoseExitCode(d), EXIT_PROBLEMS);
    const doc = diagnoseDocument(d);
    assert.deepEqual(doc.problems.reasons, ['database path blocked', 'error finding sg-egress-missing-db-port']);
    assert.equal(doc.findings[0].id, 'sg-egress-missing-db-port');
    assert.equal(doc.live, null);
  });

  it('is 3 when the analysis is clean but the DB health endpoint says unhealthy', () => {
    const d = analyze(afterSetup());
    assert.equal(diagnoseExitCode(d, live(false)), EXIT_PROBLEMS);
    assert.deepEqual(diagnoseDocument(d, live(false)).problems.reasons, ['/api/v1/db-health unhealthy']);
  });

  it('is 3 when the database path cannot be judged (no DB found), even without errors', () => {
    const t = afterSetup();
    t.dbInstances = [];
    const d = analyze(t);
    assert.equal(d.verdicts.database, 'unknown');
    assert.equal(diagnoseExitCode(d, live(true)), EXIT_PROBLEMS);
  });

  it('is 3 for an error outside the database path (DNS off)', () => {
    const t = afterSetup();
    vpc(t).enableDnsSupport = false;
    assert.equal(diagnoseExitCode(analyze(t), live(true)), EXIT_PROBLEMS);
  });

  it('JSON findings carry id, severity, path, both languages, evidence and the fix (null when none)', () => {
    const t = afterSetup();
    removeRule(t, egressRuleId());
    const f = diagnoseDocument(analyze(t)).findings[0];
    assert.deepEqual(Object.keys(f), ['id', 'severity', 'path', 'message', 'evidence', 'fix']);
    assert.ok(f.message.en.length > 0 && f.message.ja.length > 0);
    assert.equal(f.fix?.kind, 'plan-step');
  });
});

describe('diagnosis report (Markdown)', () => {
  it('groups problems by path with evidence and the exact fix, and collapses the passed checks', () => {
    const t = afterSetup();
    removeRule(t, egressRuleId());
    const md = diagnosisReportMarkdown(analyze(t), live(false), 'en', {
      generatedAt: '2026-11-28T10:00:00Z',
      target: 'ap-northeast-1',
    });
    assert.match(md, /^# Connectivity diagnosis: kyudai-api/);
    assert.match(md, /\*\*Problems found\*\*/);
    assert.match(md, /\| Service → database \| ✘ blocked \|/);
    const problems = md.slice(md.indexOf('## Problems'), md.indexOf('## Live checks'));
    assert.match(problems, /### Service → database\n\n- \*\*✘ Error\*\* `sg-egress-missing-db-port`/);
    assert.match(problems, new RegExp(`Evidence: \`${IDS.sgApp}\``));
    assert.match(
      problems,
      new RegExp(`Fix: Add an outbound rule to ${IDS.sgApp}: TCP 5432 to ${IDS.sgDb} \\(\`authorize-egress-db\`\\)`),
    );
    assert.ok(
      md.includes(
        `✘ **DB health** ${markdownText('GET https://x.awsapprunner.com/api/v1/db-health')} → unhealthy HTTP 200 (30 ms)`,
      ),
    );
    assert.match(md, /ERROR: Failed to connect to database/);
    const passed = md.slice(md.indexOf('<details><summary>Passed checks'));
    assert.match(passed, /Passed checks \(\d+\/17\)/);
    assert.match(passed, /✔ Service → database: Database groups allow the DB port inbound/);
    assert.doesNotMatch(passed, /Connector groups allow the DB port outbound/);
    assert.match(passed, /<\/details>/);
  });

  it('says so when nothing is wrong, and writes Japanese when asked', () => {
    const md = diagnosisReportMarkdown(analyze(afterSetup()), live(true), 'ja');
    assert.match(md, /^# 接続診断: kyudai-api/);
    assert.match(md, /\*\*問題は見つかりませんでした\*\*/);
    assert.match(md, /エラーや警告はありません。/);
    assert.match(md, /合格したチェック \(17\/17\)/);
    assert.match(md, /"Successfully connected to database" あり/);
  });

  it('marks checks it could not make as not checked instead of passed (DEFAULT egress)', () => {
    const d = analyze(beforeSetup());
    const states = checkStates(d);
    assert.equal(states.find((s) => s.check.findingIds.includes('sg-egress-missing-db-port'))?.state, 'not-checked');
    assert.equal(states.find((s) => s.check.findingIds.includes('egress-not-vpc'))?.state, 'failed');
    assert.equal(states.find((s) => s.check.findingIds.includes('service-not-running'))?.state, 'passed');
  });
});

describe('diagnosis report: a truncated log read', () => {
  it('says so, in both languages, and not when the read was complete', () => {
    const d = analyze(afterSetup());
    const l = live(true);
    assert.doesNotMatch(diagnosisReportMarkdown(d, l, 'en'), /Truncated/);
    l.logs.truncated = { reason: 'pages', pages: 100 };
    assert.match(
      diagnosisReportMarkdown(d, l, 'en'),
      /⚠ Truncated: reading stopped after 100 pages \(page limit\); the newest lines may be missing/,
    );
    l.logs.truncated = { reason: 'time', pages: 7 };
    assert.match(diagnosisReportMarkdown(d, l, 'ja'), /7 ページで打ち切りました（時間の上限）/);
  });
});

describe('log scan start and filter', () => {
  it('starts at the deployment minus the margin when known, never before the lookback', () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    assert.equal(logStartTime(now, now - 3_600_000, 86_400_000), now - 3_600_000 - LOG_START_MARGIN_MS);
    assert.equal(logStartTime(now, undefined, 86_400_000), now - 86_400_000);
    assert.equal(logStartTime(now, now - 10 * 86_400_000, 86_400_000), now - 86_400_000);
    assert.match(RUNBOOK_LOG_FILTER, /^\?"Successfully connected" /);
    assert.ok(
      RUNBOOK_LOG_FILTER.includes('?ERROR') && RUNBOOK_LOG_FILTER.length < 1024,
      'CloudWatch caps a filter pattern at 1024 characters',
    );
  });
});
