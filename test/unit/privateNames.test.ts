// Host names that are no RDS endpoint (docs/real-accounts.md, "How the database is found"): a Route 53 private
// hosted zone's CNAME or alias followed to the endpoint, and a private address matched to an EC2 interface (a
// database on EC2). The reading of each, and the plan's choice between the two databases of one region.
import assert from 'node:assert/strict';
import { resolveDesired } from '../../src/model/plan/desired';
import { plan as planOf } from '../../src/model/plan/plan';
import { planBlockers } from '../../src/model/plan/planSteps';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { targetByEndpoint, targetByHost } from '../../src/model/topology/databaseTargets';
import { hostsToLookUp, resolvePrivateName } from '../../src/model/topology/privateNames';
import type { PrivateHostedZone, Topology } from '../../src/model/topology/topology';
import { withApprunnerYaml } from '../../src/model/topology/yamlVariables';
import { beforeSetup, IDS, service } from './fixtures/topologyBuilder';

const BILLING = { id: 'billing-db', endpoint: 'billing-db.abc123.ap-northeast-1.rds.amazonaws.com', sg: 'sg-billing' };

function zone(records: PrivateHostedZone['records'], vpcIds: string[] = [IDS.vpc]): PrivateHostedZone {
  return { id: 'Z0PRIVATE1', name: 'internal.example', vpcIds, records };
}

/** The runbook world, a second PostgreSQL database (billing-db, its own group), and the service's variables. */
function world(environment: Record<string, string>): Topology {
  const t = beforeSetup();
  t.securityGroups.push(
    { id: BILLING.sg, name: 'billing-db-sg', description: 'billing', vpcId: IDS.vpc, tags: {}, rules: [] },
    { id: 'sg-pg-ec2', name: 'pg-on-ec2', description: 'PostgreSQL on EC2', vpcId: IDS.vpc, tags: {}, rules: [] },
  );
  t.dbInstances.push({
    id: BILLING.id,
    engine: 'postgres',
    status: 'available',
    endpointAddress: BILLING.endpoint,
    port: 5432,
    vpcId: IDS.vpc,
    securityGroupIds: [BILLING.sg],
    subnetIds: [IDS.dbA, IDS.dbC],
  });
  const s = service(t);
  if (s.source) s.source.environment = environment;
  return t;
}

const resolve = (t: Topology) =>
  resolveDesired(t, { ...DEFAULT_SETUP_SETTINGS, serviceName: 'kyudai-api' }, { subnetIds: [IDS.appA, IDS.appC] });

describe('private hosted zone names', () => {
  it('follows a CNAME, then an alias, to the RDS endpoint, and says through which records', () => {
    const t = world({});
    t.privateZones = [
      zone([
        { name: 'db.internal.example', type: 'CNAME', values: ['primary.internal.example'] },
        { name: 'primary.internal.example', type: 'A', values: [], aliasTarget: BILLING.endpoint },
      ]),
    ];
    const found = resolvePrivateName(t, 'DB.Internal.Example.');
    assert.deepEqual(
      found?.hops.map((h) => [h.record, h.type, h.value]),
      [
        ['db.internal.example', 'CNAME', 'primary.internal.example'],
        ['primary.internal.example', 'A', BILLING.endpoint],
      ],
    );
    assert.equal(targetByHost(t, 'db.internal.example')?.target.id, BILLING.id);
    assert.equal(targetByEndpoint(t, 'db.internal.example'), undefined, 'the endpoint itself is not the name');
  });

  it('answers from the most specific zone, and only from a VPC the zone is associated with', () => {
    const t = world({});
    t.privateZones = [
      zone([{ name: 'db.prod.internal.example', type: 'CNAME', values: [IDS.endpoint] }]),
      {
        id: 'Z0PROD',
        name: 'prod.internal.example',
        vpcIds: [IDS.vpc],
        records: [{ name: 'db.prod.internal.example', type: 'CNAME', values: [BILLING.endpoint] }],
      },
    ];
    assert.equal(targetByHost(t, 'db.prod.internal.example')?.target.id, BILLING.id);
    assert.equal(targetByHost(t, 'db.prod.internal.example', ['vpc-elsewhere']), undefined);
  });

  it('stops at a CNAME loop instead of following it forever', () => {
    const t = world({});
    t.privateZones = [
      zone([
        { name: 'a.internal.example', type: 'CNAME', values: ['b.internal.example'] },
        { name: 'b.internal.example', type: 'CNAME', values: ['a.internal.example'] },
      ]),
    ];
    assert.equal(targetByHost(t, 'a.internal.example'), undefined);
    assert.ok((resolvePrivateName(t, 'a.internal.example')?.hops.length ?? 0) <= 8);
  });

  it('looks up only names that are no known endpoint, no AWS name, and dotted; and addresses', () => {
    const t = world({});
    const url = (host: string) => ({ url: { host, port: 5432, engine: 'postgres' } });
    const known = (h: string) => Boolean(targetByEndpoint(t, h));
    assert.deepEqual(
      hostsToLookUp(known, [
        url(BILLING.endpoint),
        url('db.internal.example'),
        url('DB.internal.example'),
        url('other.abc.ap-northeast-1.rds.amazonaws.com'),
        url('localhost'),
        url('10.0.11.40'),
      ]).map((h) => h.host),
      ['db.internal.example', '10.0.11.40'],
    );
  });

  it('plans billing-db of the two when DATABASE_URL names its private name, and desired says how', () => {
    const t = world({ DATABASE_URL: 'postgresql://app:pw@db.internal.example:5432/billing' });
    assert.ok(!resolve(t).ok, 'without the zone: two databases, no choice');
    t.privateZones = [zone([{ name: 'db.internal.example', type: 'CNAME', values: [BILLING.endpoint] }])];
    const r = resolve(t);
    assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message.en).join());
    assert.equal(r.desired.dbSecurityGroupId, BILLING.sg);
    assert.deepEqual(r.desired.dbNamedBy, {
      by: 'variable',
      variable: 'DATABASE_URL',
      source: 'environment',
      form: 'url',
      host: 'db.internal.example',
      port: 5432,
      privateName: {
        zoneId: 'Z0PRIVATE1',
        zoneName: 'internal.example',
        chain: ['db.internal.example', BILLING.endpoint],
      },
    });
    assert.deepEqual(planBlockers(planOf(t, r.desired)), []);
  });

  it('a zone not associated with the database VPC is a blocker naming the zone and the association to make', () => {
    const t = world({ DATABASE_URL: 'postgresql://app:pw@db.internal.example:5432/billing' });
    t.privateZones = [
      zone([{ name: 'db.internal.example', type: 'CNAME', values: [BILLING.endpoint] }], ['vpc-other']),
    ];
    const r = resolve(t);
    assert.ok(r.ok);
    const [b] = planBlockers(planOf(t, r.desired));
    assert.equal(b?.code, 'private-zone-not-associated');
    assert.deepEqual(b.evidence, ['Z0PRIVATE1', IDS.vpc]);
    assert.match(
      b.blocker?.fix.en ?? '',
      /associate-vpc-with-hosted-zone --hosted-zone-id Z0PRIVATE1 --vpc VPCRegion=/,
    );
  });
});

describe('a database on EC2, named by its private address', () => {
  function withEc2Database(environment: Record<string, string>): Topology {
    const t = world(environment);
    t.hostedDatabases = [
      {
        id: 'i-0pg',
        interfaceId: 'eni-0pg',
        address: '10.0.11.40',
        port: 5432,
        engine: 'postgres',
        vpcId: IDS.vpc,
        subnetId: IDS.dbA,
        securityGroupIds: ['sg-pg-ec2'],
        status: 'in-use',
      },
    ];
    return t;
  }

  it("targets the interface's group and port: PGHOST names the address", () => {
    const t = withEc2Database({ PGHOST: '10.0.11.40', PGPORT: '5432' });
    const r = resolve(t);
    assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message.en).join());
    assert.deepEqual(
      [r.desired.dbInstanceId, r.desired.dbSecurityGroupId, r.desired.dbPort, r.desired.vpcId],
      ['i-0pg', 'sg-pg-ec2', 5432, IDS.vpc],
    );
    assert.deepEqual([r.desired.dbNamedBy?.variable, r.desired.dbNamedBy?.form], ['PGHOST', 'libpq']);
  });

  it('follows a private zone A record to the address', () => {
    const t = withEc2Database({ DATABASE_URL: 'postgresql://app:pw@pg.internal.example/app' });
    t.privateZones = [zone([{ name: 'pg.internal.example', type: 'A', values: ['10.0.11.40'] }])];
    const r = resolve(t);
    assert.ok(r.ok);
    assert.equal(r.desired.dbSecurityGroupId, 'sg-pg-ec2');
    assert.deepEqual(r.desired.dbNamedBy?.privateName?.chain, ['pg.internal.example', '10.0.11.40']);
  });
});

describe("a code service's apprunner.yaml as a reading way", () => {
  const YAML = [
    'version: 1.0',
    'runtime: python3',
    'build:',
    '  commands:',
    '    build:',
    '      - pip install -r requirements.txt',
    'run:',
    '  command: python app.py',
    '  env:',
    `    - name: PGHOST`,
    `      value: ${BILLING.endpoint}`,
    '    - name: PGPORT',
    '      value: "5432"',
    '  secrets:',
    '    - name: DB_PASSWORD',
    '      value-from: "arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:billing-AbCdEf:password::"',
  ].join('\n');

  function codeService(t: Topology, configurationSource: 'REPOSITORY' | 'API'): void {
    const s = service(t);
    s.source = { kind: 'code', identifier: 'https://github.com/example/billing', configurationSource, environment: {} };
  }

  it('reads run.env of a REPOSITORY-configured service: billing-db of the two, named by PGHOST from apprunner.yaml', () => {
    const t = world({});
    codeService(t, 'REPOSITORY');
    const s = withApprunnerYaml(service(t), YAML);
    assert.deepEqual(s.source?.yaml?.environment, { PGHOST: BILLING.endpoint, PGPORT: '5432' });
    assert.deepEqual(Object.keys(s.source?.secrets ?? {}), ['DB_PASSWORD']);
    t.services = [s];
    const r = resolve(t);
    assert.ok(r.ok, r.ok ? '' : r.issues.map((i) => i.message.en).join());
    assert.equal(r.desired.dbSecurityGroupId, BILLING.sg);
    assert.deepEqual(
      [r.desired.dbNamedBy?.variable, r.desired.dbNamedBy?.source, r.desired.dbNamedBy?.form],
      ['PGHOST', 'apprunner.yaml', 'libpq'],
    );
  });

  it('leaves an API-configured service as it is: App Runner does not read its apprunner.yaml', () => {
    const t = world({});
    codeService(t, 'API');
    const s = withApprunnerYaml(service(t), YAML);
    assert.equal(s.source?.yaml, undefined);
    t.services = [s];
    assert.ok(!resolve(t).ok, 'two databases and nothing names one');
  });
});
