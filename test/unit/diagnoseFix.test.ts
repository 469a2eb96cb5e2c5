import assert from 'node:assert/strict';
import { parseApprunnerYaml } from '../../src/model/apprunnerYaml';
import { fixActionFor, fixableFindings, SETUP_COMMAND } from '../../src/model/fix/diagnoseFix';
import { placeFindings } from '../../src/model/diagnosis/diagnosisPlacement';
import { fixText } from '../../src/model/diagnosis/fixText';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { analyze, only } from './fixtures/analyze';
import { afterSetup, beforeSetup, db, group, IDS, removeRule, sgRule, vpc } from './fixtures/topologyBuilder';

describe('diagnosis fixes: the exact plan step a fix button applies', () => {
  it("a missing egress rule is fixed by the planner's own authorize-egress-db step for the same groups", () => {
    const t = afterSetup();
    removeRule(t, 'sgr-app-db');
    const f = only(analyze(t), 'sg-egress-missing-db-port');
    assert.ok(f.fix);
    const action = fixActionFor(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', f.fix);
    assert.equal(action.kind, 'steps');
    assert.ok(action.kind === 'steps');
    assert.deepEqual(
      action.steps.map((s) => s.id),
      ['authorize-egress-db'],
    );
    const step = action.steps[0];
    assert.ok(step.kind === 'authorize-egress');
    assert.deepEqual(
      [step.group.id, step.rule.group?.id, step.rule.fromPort, step.rule.toPort],
      [IDS.sgApp, IDS.sgDb, 5432, 5432],
    );
    assert.equal(fixText(f.fix).en, `Add an outbound rule to ${IDS.sgApp}: TCP 5432 to ${IDS.sgDb}`);
  });

  it('a missing ingress rule is fixed by authorize-db-ingress on sg-rds from sg-apprunner', () => {
    const t = afterSetup();
    removeRule(t, 'sgr-db-from-app');
    const f = only(analyze(t), 'sg-ingress-missing-db-port');
    assert.ok(f.fix);
    const action = fixActionFor(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', f.fix);
    assert.ok(action.kind === 'steps');
    const step = action.steps[0];
    assert.ok(step.kind === 'authorize-ingress');
    assert.deepEqual([step.id, step.group.id, step.rule.group?.id], ['authorize-db-ingress', IDS.sgDb, IDS.sgApp]);
  });

  it('says "done" when the rule is back by the time the fix runs', () => {
    const broken = afterSetup();
    removeRule(broken, 'sgr-app-db');
    const f = only(analyze(broken), 'sg-egress-missing-db-port');
    assert.ok(f.fix);
    assert.deepEqual(fixActionFor(afterSetup(), DEFAULT_SETUP_SETTINGS, 'kyudai-api', f.fix), { kind: 'done' });
  });

  it('creating a connector goes through the guided setup; links are not engine steps', () => {
    const f = only(analyze(beforeSetup()), 'egress-not-vpc');
    assert.ok(f.fix);
    assert.deepEqual(fixActionFor(beforeSetup(), DEFAULT_SETUP_SETTINGS, 'kyudai-api', f.fix), {
      kind: 'command',
      command: SETUP_COMMAND,
    });
    const t = afterSetup();
    db(t).status = 'stopped';
    const stopped = only(analyze(t), 'db-not-available');
    assert.ok(stopped.fix?.kind === 'link');
    assert.equal(fixActionFor(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', stopped.fix).kind, 'link');
    assert.deepEqual(
      fixableFindings(analyze(t).findings).map((x) => x.id),
      [],
    );
  });

  it('VPC DNS attributes are engine steps: resolution first when host names need it, nothing when already on', () => {
    const t = afterSetup();
    vpc(t).enableDnsSupport = false;
    vpc(t).enableDnsHostnames = false;
    const support = only(analyze(t), 'dns-support-off');
    assert.ok(support.fix);
    const action = fixActionFor(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', support.fix);
    assert.equal(action.kind, 'steps');
    assert.deepEqual(
      action.kind === 'steps' &&
        action.steps.map((s) => [s.id, s.kind === 'enable-vpc-attribute' && s.vpcId, s.apiCall.action]),
      [['enable-dns-support', IDS.vpc, 'ec2:ModifyVpcAttribute']],
    );
    // The text still names the equivalent aws command, for the confirmation and the report.
    assert.match(
      fixText(support.fix).en,
      new RegExp(`aws ec2 modify-vpc-attribute --vpc-id ${IDS.vpc} --enable-dns-support$`),
    );
    const hostnames = analyze(t).findings.find((f) => f.id === 'dns-hostnames-off');
    assert.ok(hostnames?.fix);
    const both = fixActionFor(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', hostnames.fix);
    assert.deepEqual(both.kind === 'steps' && both.steps.map((s) => s.id), [
      'enable-dns-support',
      'enable-dns-hostnames',
    ]);
    assert.deepEqual(
      fixableFindings(analyze(t).findings)
        .map((x) => x.id)
        .sort(),
      ['dns-hostnames-off', 'dns-support-off'],
    );
    vpc(t).enableDnsSupport = true;
    assert.deepEqual(fixActionFor(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', support.fix), { kind: 'done' });
  });
});

describe('diagnosis fixes: revoking allow-all egress never leaves the group without egress', () => {
  const allowAll = sgRule('sgr-app-all', IDS.sgApp, true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' });

  it("with the runbook's three rules in place, only the revoke runs", () => {
    const t = afterSetup();
    group(t, IDS.sgApp).rules.push(allowAll);
    const f = only(analyze(t), 'allow-all-egress');
    assert.ok(f.fix);
    const action = fixActionFor(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', f.fix);
    assert.ok(action.kind === 'steps');
    assert.deepEqual(
      action.steps.map((s) => s.id),
      ['revoke-default-egress'],
    );
  });

  it('with allow-all as the only rule, the three rules are added first, then the revoke', () => {
    const t = afterSetup();
    group(t, IDS.sgApp).rules = [allowAll];
    const f = only(analyze(t), 'allow-all-egress');
    assert.ok(f.fix);
    const action = fixActionFor(t, DEFAULT_SETUP_SETTINGS, 'kyudai-api', f.fix);
    assert.ok(action.kind === 'steps');
    assert.deepEqual(
      action.steps.map((s) => s.id),
      ['authorize-egress-db', 'authorize-egress-https', 'authorize-egress-dns', 'revoke-default-egress'],
    );
  });
});

describe('diagnosis placement on apprunner.yaml', () => {
  const yaml = [
    '# kyudai-api',
    'version: 1.0',
    'runtime: python311',
    'run:',
    '  command: uvicorn app.main:app',
    '  env:',
    '    - name: DATABASE_URL',
    '      value: postgresql://app@wrong-host:5432/kyudai',
    '',
  ].join('\n');

  it('puts a DATABASE_URL finding on its value and service-level findings on the first configuration line', () => {
    const t = afterSetup();
    t.services[0].source = {
      kind: 'image',
      identifier: 'x',
      environment: { DATABASE_URL: 'postgresql://app@wrong-host:5432/kyudai' },
    };
    removeRule(t, 'sgr-app-db');
    const d = analyze(t);
    const placed = placeFindings(d.findings, yaml, parseApprunnerYaml(yaml));
    const url = placed.find((p) => p.finding.id === 'database-url-mismatch');
    const egress = placed.find((p) => p.finding.id === 'sg-egress-missing-db-port');
    assert.deepEqual(url?.range, { startLine: 7, startCol: 13, endLine: 7, endCol: 52 });
    assert.deepEqual(egress?.range, { startLine: 1, startCol: 0, endLine: 1, endCol: 12 });
  });
});
