import assert from 'node:assert/strict';
import { analyzeService } from '../../src/model/diagnosis/reachability';
import { analyze, evidenceIds, ids, only } from './fixtures/analyze';
import { afterSetup, beforeSetup, connector, db, group, IDS, sgRule, subnetOf } from './fixtures/topologyBuilder';

describe('reachability: availability', () => {
  it('a connector in one AZ', () => {
    const t = afterSetup();
    connector(t).subnetIds = [IDS.appA];
    const d = analyze(t);
    assert.deepEqual(ids(d), ['single-az']);
    assert.deepEqual(evidenceIds(only(d, 'single-az')), [IDS.appA]);
  });

  it('no connector subnet in the DB AZ', () => {
    const t = afterSetup();
    connector(t).subnetIds = [IDS.appC];
    subnetOf(t, IDS.appA).availabilityZone = 'ap-northeast-1d';
    connector(t).subnetIds = [IDS.appA, IDS.appC];
    const d = analyze(t);
    assert.deepEqual(ids(d), ['no-shared-az-with-db']);
    assert.deepEqual(evidenceIds(only(d, 'no-shared-az-with-db')), [IDS.appA, IDS.appC, IDS.db]);
  });

  it('a subnet in an AZ App Runner does not support', () => {
    const t = afterSetup();
    t.unsupportedAzIds = ['apne1-az1'];
    const f = only(analyze(t), 'unsupported-az');
    assert.deepEqual(f.evidence, [
      { kind: 'availability-zone', id: 'apne1-az1', detail: `${IDS.appC} in ap-northeast-1c` },
    ]);
    assert.equal(f.severity, 'error');
  });
});

describe('reachability: security and cost', () => {
  it('warns that the DB port is open to the internet, even before setup', () => {
    const t = beforeSetup();
    group(t, IDS.sgDb).rules.push(
      sgRule('sgr-open4', IDS.sgDb, false, 'tcp', 5432, 5432, { cidrIpv4: '0.0.0.0/0' }),
      sgRule('sgr-open6', IDS.sgDb, false, 'tcp', 5432, 5432, { cidrIpv6: '::/0' }),
    );
    const f = only(analyze(t), 'db-port-open-to-world');
    assert.deepEqual(evidenceIds(f), ['sgr-open4', 'sgr-open6']);
    assert.equal(f.severity, 'warning');
    assert.equal(f.path, 'security');
  });

  it('allow-all egress left on sg-apprunner: reachable, but flagged with the revoke step', () => {
    const t = afterSetup();
    group(t, IDS.sgApp).rules = [sgRule('sgr-default', IDS.sgApp, true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' })];
    const d = analyze(t);
    assert.deepEqual(ids(d), ['allow-all-egress']);
    assert.deepEqual(only(d, 'allow-all-egress').fix, {
      kind: 'plan-step',
      step: 'revoke-default-egress',
      params: { groupId: IDS.sgApp, ruleIds: 'sgr-default' },
    });
    assert.deepEqual(d.verdicts, { database: 'reachable', internet: 'reachable', dns: 'reachable' });
  });

  it('the default allow-all on sg-rds itself is not the App Runner group', () => {
    assert.ok(!ids(analyze(afterSetup())).includes('allow-all-egress'));
  });

  it('untagged groups', () => {
    const t = afterSetup();
    group(t, IDS.sgApp).tags = { 'aws:cloudformation:stack-name': 'x' };
    const d = analyze(t);
    assert.deepEqual(ids(d), ['untagged-group']);
    assert.deepEqual(evidenceIds(only(d, 'untagged-group')), [IDS.sgApp]);
  });

  it('a connector no service uses', () => {
    const t = afterSetup();
    t.connectors.push({ ...connector(t), arn: `${IDS.connector}-old`, name: 'old-connector' });
    const d = analyze(t);
    assert.deepEqual(ids(d), ['unused-connector']);
    const f = only(d, 'unused-connector');
    assert.equal(f.path, 'cost');
    assert.deepEqual(f.fix, {
      kind: 'plan-step',
      step: 'delete-connector',
      params: { connectorArn: `${IDS.connector}-old` },
    });
  });

  it('does not call a connector unused while some service details are missing', () => {
    const t = afterSetup();
    t.connectors.push({ ...connector(t), arn: `${IDS.connector}-old`, name: 'old-connector' });
    t.services.push({ arn: 'arn:other', name: 'other', id: 'o', status: 'RUNNING', detailsLoaded: false });
    assert.deepEqual(ids(analyze(t)), []);
  });
});

describe('reachability: the service itself', () => {
  it('an unknown service', () => {
    const d = analyzeService(afterSetup(), 'nope');
    assert.deepEqual(ids(d), ['service-not-found']);
    assert.deepEqual(d.verdicts, { database: 'unknown', internet: 'unknown', dns: 'unknown' });
  });

  it('a service without details yet', () => {
    const t = afterSetup();
    t.services[0].detailsLoaded = false;
    assert.deepEqual(ids(analyze(t)), ['service-details-missing']);
  });

  it('a paused service, and one in the middle of a deployment', () => {
    const t = afterSetup();
    t.services[0].status = 'PAUSED';
    assert.deepEqual(ids(analyze(t)), ['service-not-running']);
    t.services[0].status = 'OPERATION_IN_PROGRESS';
    const d = analyze(t);
    assert.deepEqual(ids(d), ['service-operation-in-progress']);
    assert.deepEqual(evidenceIds(only(d, 'service-operation-in-progress')), [IDS.service]);
  });

  it('finds the service by ARN as well as by name', () => {
    assert.equal(analyzeService(afterSetup(), IDS.service).serviceName, 'kyudai-api');
  });

  it('orders findings errors first and gives every finding both languages', () => {
    const t = afterSetup();
    db(t).status = 'stopped';
    connector(t).subnetIds = [IDS.appA];
    group(t, IDS.sgApp).tags = {};
    const d = analyze(t);
    assert.deepEqual(ids(d), ['db-not-available', 'single-az', 'untagged-group']);
    for (const f of d.findings) {
      assert.ok(f.message.en.length > 10 && f.message.ja.length > 5);
      assert.match(f.message.ja, /[\u3040-\u30ff\u4e00-\u9fff]/, 'Japanese text');
    }
  });
});
