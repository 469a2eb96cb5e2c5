import assert from 'node:assert/strict';
import { parseApprunnerYaml } from '../../src/model/apprunnerYaml';
import { buildLenses, type LensInput, type LensModel } from '../../src/model/codeLens';
import type { LinkResolution } from '../../src/model/codeLens/serviceLink';
import type { Topology } from '../../src/model/topology/topology';
import { afterSetup, beforeSetup, IDS, removeRule, service } from './fixtures/topologyBuilder';

const yaml = (dbUrl: string, port = 8080) => `version: 1.0
runtime: python311
build:
  commands:
    build:
      - pip3 install -r requirements.txt
run:
  command: uvicorn app.main:app --host 0.0.0.0 --port ${port}
  network:
    port: ${port}
  env:
    - name: APP_ENV
      value: production
    - name: DATABASE_URL
      value: ${dbUrl}
  secrets:
    - name: READER_DATABASE_URL
      value-from: arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:reader-AbCdEf
`;
const URL_OK = `postgresql://app@${IDS.endpoint}:5432/kyudai`;
const LINKED: LinkResolution = { kind: 'remembered', serviceName: 'kyudai-api' };

function lenses(
  snapshot: Topology | undefined,
  text = yaml(URL_OK),
  link: LinkResolution = LINKED,
  extra: Partial<LensInput> = {},
): LensModel[] {
  return buildLenses({
    config: parseApprunnerYaml(text).config,
    link,
    snapshot,
    loading: false,
    appRunnerGroupName: 'sg-apprunner',
    databaseGroupName: 'sg-rds',
    databasePort: 5432,
    ...extra,
  });
}
const lens = (all: LensModel[], id: string): LensModel => {
  const found = all.find((l) => l.id === id);
  assert.ok(found, `lens ${id} in ${all.map((l) => l.id).join(', ')}`);
  return found;
};

describe('CodeLens model: apprunner.yaml lenses from the snapshot', () => {
  it('after setup: the top lens names the service, its state and the VPC egress; the DB path is open via the groups', () => {
    const all = lenses(afterSetup());
    assert.equal(lens(all, 'top').title.en, 'kyudai-api · RUNNING · egress VPC via campus-sns-vpc-connector (ACTIVE)');
    assert.equal(all[0].id, 'top');
    assert.deepEqual(
      all.filter((l) => l.id.startsWith('action:')).map((l) => l.id),
      ['action:diagnose', 'action:showDiagram', 'action:checkHealth', 'action:link'],
      'no Attach once attached',
    );
    assert.deepEqual(lens(all, 'action:diagnose').args, ['kyudai-api']);
    const host = lens(all, 'db-host:run.env[1]');
    assert.equal(host.title.en, `${IDS.endpoint}:5432 = DB instance kyudai-db (available) in the connector's VPC`);
    assert.equal(host.tooltip?.en, 'kyudai-db is in vpc-1; the connector campus-sns-vpc-connector is in vpc-1.');
    assert.equal(host.range.startLine, 13, 'on the DATABASE_URL entry');
    assert.equal(lens(all, 'db-path:run.env[1]').title.en, '5432 open via sg-apprunner -> sg-rds');
    assert.ok(!all.some((l) => l.id === 'db-host:run.env[0]'), 'APP_ENV is not a database URL');
  });

  it('before setup: egress DEFAULT, Attach connector offered, the path blocked by the first reason', () => {
    const all = lenses(beforeSetup());
    assert.equal(lens(all, 'top').title.en, 'kyudai-api · RUNNING · egress DEFAULT');
    assert.equal(lens(all, 'action:attachConnector').command, 'apprunnerVpc.attachConnector');
    assert.match(lens(all, 'db-host:run.env[1]').title.en, /= DB instance kyudai-db \(available\), no VPC connector$/);
    assert.match(
      lens(all, 'db-path:run.env[1]').title.en,
      /^5432 blocked: kyudai-api sends outbound traffic through App Runner's default public egress/,
    );
  });

  it('a missing sg-rds ingress rule is the reason once the connector is attached', () => {
    const t = afterSetup();
    removeRule(t, 'sgr-db-from-app');
    assert.equal(
      lens(lenses(t), 'db-path:run.env[1]').title.en,
      "5432 blocked: The database's security groups do not allow inbound TCP 5432 from the connector's groups or from all of its subnets.",
    );
  });

  it("a DB outside the connector's VPC is called out, with both VPCs in the tooltip", () => {
    const t = afterSetup();
    t.dbInstances[0].vpcId = 'vpc-2';
    const host = lens(lenses(t), 'db-host:run.env[1]');
    assert.equal(host.title.en, `${IDS.endpoint}:5432 = DB instance kyudai-db (available) NOT in the connector's VPC`);
    assert.equal(host.tooltip?.en, 'kyudai-db is in vpc-2; the connector campus-sns-vpc-connector is in vpc-1.');
  });

  it('the path verdict comes before the host on the DATABASE_URL line, and the top lenses sit on line 0', () => {
    const all = lenses(afterSetup());
    assert.deepEqual(
      all.filter((l) => l.range.startLine === 13).map((l) => l.id),
      ['db-path:run.env[1]', 'db-host:run.env[1]'],
    );
    assert.ok(all.filter((l) => l.id === 'top' || l.id.startsWith('action:')).every((l) => l.range.startLine === 0));
  });

  it('a URL port other than the DB port is reported, as is a host that is no DB instance', () => {
    const wrongPort = lenses(afterSetup(), yaml(`postgresql://app@${IDS.endpoint}:5433/kyudai`));
    assert.equal(
      lens(wrongPort, 'db-path:run.env[1]').title.en,
      'blocked: the URL uses port 5433 but kyudai-db listens on 5432',
    );
    const elsewhere = lenses(afterSetup(), yaml('postgres://db.example.com/kyudai'));
    assert.equal(
      lens(elsewhere, 'db-host:run.env[1]').title.en,
      'db.example.com:5432 = not a database (instance, cluster or proxy) in this account and region',
    );
    assert.ok(!elsewhere.some((l) => l.id === 'db-path:run.env[1]'), 'no path verdict without a known DB');
  });

  it('a secret named like a database URL gets the DB the analysis picks, marked as assumed', () => {
    const secret = lens(lenses(afterSetup()), 'db-host:run.secrets[0]');
    assert.match(secret.title.en, /^value from a secret, assumed DB instance kyudai-db/);
    assert.equal(secret.range.startLine, 16);
  });

  it('an operation in progress shows instead of a stable status', () => {
    const t = afterSetup();
    Object.assign(service(t), {
      status: 'OPERATION_IN_PROGRESS',
      lastOperation: { id: 'op1', type: 'UPDATE_SERVICE', status: 'IN_PROGRESS' },
    });
    assert.match(
      lens(lenses(t), 'top').title.en,
      /^kyudai-api · OPERATION_IN_PROGRESS · UPDATE_SERVICE in progress · egress VPC/,
    );
  });

  it('a deployed port different from run.network.port gets a lens on the port line; equal ports none', () => {
    const t = afterSetup();
    service(t).source = { kind: 'image', identifier: 'img', port: '8000', environment: {} };
    const port = lens(lenses(t), 'port');
    assert.equal(port.title.en, 'port mismatch: deployed kyudai-api listens on 8000, this file says 8080');
    assert.equal(port.range.startLine, 9);
    assert.ok(!lenses(t, yaml(URL_OK, 8000)).some((l) => l.id === 'port'));
  });

  it('without a link: one "Link to an App Runner service..." lens running the link command', () => {
    const all = lenses(afterSetup(), yaml(URL_OK), { kind: 'none' });
    assert.equal(all[0].title.en, 'Link to an App Runner service...');
    assert.equal(all[0].command, 'apprunnerVpc.linkService');
    assert.ok(!all.some((l) => l.id.startsWith('action:')));
    const two = lenses(afterSetup(), yaml(URL_OK), { kind: 'ambiguous', candidates: ['a', 'b'] });
    assert.equal(two[0].title.en, 'Link to an App Runner service... (2 match)');
  });

  it('before a snapshot, or for a service not in it, says so instead of guessing', () => {
    assert.equal(lenses(undefined, yaml(URL_OK), LINKED, { loading: true })[0].title.en, 'kyudai-api · loading…');
    assert.equal(
      lenses(undefined, yaml(URL_OK), LINKED, { unavailable: { en: 'not connected', ja: '未接続' } })[0].title.ja,
      'kyudai-api · 未接続',
    );
    assert.equal(
      lenses(undefined, yaml(URL_OK), { kind: 'none' }, { loading: true })[0].title.en,
      'App Runner · loading…',
      'no early "Link to"',
    );
    const gone = lenses(afterSetup(), yaml(URL_OK), { kind: 'setting', serviceName: 'nope' });
    assert.equal(gone[0].title.en, 'nope · not found in ap-northeast-1');
    assert.equal(
      lens(lenses(undefined), 'db-host:run.env[1]').title.en,
      `${IDS.endpoint}:5432`,
      'the host is known from the file alone',
    );
  });

  it('a broken file still yields the top lens (the model keeps what it could read)', () => {
    const all = lenses(afterSetup(), 'version: 1.0\nrun: [unclosed');
    assert.equal(all[0].id, 'top');
  });
});
