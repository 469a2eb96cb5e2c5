import assert from 'node:assert/strict';
import { fixText } from '../../src/model/diagnosis/fixText';
import { analyze, evidenceIds, ids, only } from './fixtures/analyze';
import {
  aclEntry,
  afterSetup,
  beforeSetup,
  connector,
  db,
  group,
  IDS,
  openAclEntries,
  removeRule,
  service,
  setAcl,
  sgRule,
  subnetOf,
} from './fixtures/topologyBuilder';

describe('reachability: service to database', () => {
  it('finds nothing wrong in the runbook world after setup', () => {
    const d = analyze(afterSetup());
    assert.deepEqual(d.verdicts, { database: 'reachable', internet: 'reachable', dns: 'reachable' });
    assert.deepEqual(ids(d), []);
    assert.equal(d.dbInstanceId, IDS.db);
    assert.equal(d.connectorArn, IDS.connector);
    assert.equal(d.connectorAttached, true);
  });

  it('before setup: default egress, fixed by creating a connector', () => {
    const d = analyze(beforeSetup());
    assert.deepEqual(ids(d), ['egress-not-vpc']);
    assert.deepEqual(d.verdicts, { database: 'blocked', internet: 'reachable', dns: 'reachable' });
    assert.deepEqual(only(d, 'egress-not-vpc').fix, {
      kind: 'plan-step',
      step: 'create-connector',
      params: { serviceArn: IDS.service },
    });
  });

  it('a detached service is told to attach the existing connector (not to delete it as unused)', () => {
    const t = afterSetup();
    Object.assign(service(t), { egressType: 'DEFAULT', vpcConnectorArn: undefined });
    const d = analyze(t);
    assert.deepEqual(ids(d), ['egress-not-vpc']);
    const f = only(d, 'egress-not-vpc');
    assert.deepEqual(f.fix, {
      kind: 'plan-step',
      step: 'attach-connector',
      params: { serviceArn: IDS.service, connectorArn: IDS.connector },
    });
    assert.deepEqual(evidenceIds(f), [IDS.service, IDS.connector]);
    assert.equal(d.connectorAttached, false);
  });

  it('a connector ARN the account does not have', () => {
    const t = afterSetup();
    service(t).vpcConnectorArn = `${IDS.connector}-gone`;
    const d = analyze(t);
    assert.deepEqual(
      ids(d).filter((id) => id !== 'unused-connector'),
      ['connector-missing'],
    );
    assert.equal(d.verdicts.database, 'blocked');
  });

  it('an INACTIVE connector blocks the database and the internet', () => {
    const t = afterSetup();
    connector(t).status = 'INACTIVE';
    const d = analyze(t);
    assert.deepEqual(ids(d), ['connector-inactive']);
    assert.deepEqual(evidenceIds(only(d, 'connector-inactive')), [IDS.connector]);
    assert.equal(d.verdicts.database, 'blocked');
    assert.equal(d.verdicts.internet, 'blocked');
  });

  it('connector subnets outside the database VPC', () => {
    const t = afterSetup();
    t.subnets.push({ ...subnetOf(t, IDS.appA), id: 'subnet-other', vpcId: 'vpc-2', cidrBlock: '10.9.1.0/24' });
    connector(t).subnetIds = ['subnet-other', IDS.appC];
    const d = analyze(t);
    assert.ok(ids(d).includes('connector-other-vpc'));
    assert.deepEqual(evidenceIds(only(d, 'connector-other-vpc')), ['subnet-other']);
    assert.equal(d.verdicts.database, 'blocked');
  });

  describe('security groups', () => {
    it('missing 5432 egress on sg-apprunner', () => {
      const t = afterSetup();
      removeRule(t, 'sgr-app-db');
      const d = analyze(t);
      assert.deepEqual(ids(d), ['sg-egress-missing-db-port']);
      const f = only(d, 'sg-egress-missing-db-port');
      assert.deepEqual(evidenceIds(f), [IDS.sgApp]);
      assert.match(f.evidence[0].detail, /no egress rule allows tcp 5432 to sg-rds1 or to 10\.0\.11\.0\/24/);
      assert.deepEqual(f.fix, {
        kind: 'plan-step',
        step: 'authorize-egress-db',
        params: { groupId: IDS.sgApp, peerGroupId: IDS.sgDb, port: '5432' },
      });
      assert.equal(d.verdicts.database, 'blocked');
      assert.equal(d.verdicts.internet, 'reachable');
    });

    it('missing 5432 ingress on sg-rds', () => {
      const t = afterSetup();
      removeRule(t, 'sgr-db-from-app');
      const d = analyze(t);
      assert.deepEqual(ids(d), ['sg-ingress-missing-db-port']);
      const f = only(d, 'sg-ingress-missing-db-port');
      assert.deepEqual(evidenceIds(f), [IDS.sgDb]);
      assert.deepEqual(f.fix, {
        kind: 'plan-step',
        step: 'authorize-db-ingress',
        params: { groupId: IDS.sgDb, peerGroupId: IDS.sgApp, port: '5432' },
      });
    });

    it('egress on the wrong port is not enough', () => {
      const t = afterSetup();
      group(t, IDS.sgApp).rules[0] = sgRule('sgr-app-db', IDS.sgApp, true, 'tcp', 3306, 3306, {
        referencedGroupId: IDS.sgDb,
      });
      assert.deepEqual(ids(analyze(t)), ['sg-egress-missing-db-port']);
    });

    it('CIDR rules instead of group references work when they cover both sides', () => {
      const t = afterSetup();
      removeRule(t, 'sgr-app-db');
      removeRule(t, 'sgr-db-from-app');
      group(t, IDS.sgApp).rules.push(
        sgRule('sgr-app-db-cidr', IDS.sgApp, true, 'tcp', 5432, 5432, { cidrIpv4: '10.0.11.0/24' }),
      );
      group(t, IDS.sgDb).rules.push(
        sgRule('sgr-db-vpc', IDS.sgDb, false, 'tcp', 5432, 5432, { cidrIpv4: '10.0.0.0/16' }),
      );
      const d = analyze(t);
      assert.deepEqual(ids(d), []);
      assert.equal(d.verdicts.database, 'reachable');
    });

    it('a DB ingress CIDR covering only one connector subnet blocks, naming the other subnet', () => {
      const t = afterSetup();
      removeRule(t, 'sgr-db-from-app');
      group(t, IDS.sgDb).rules.push(
        sgRule('sgr-db-a', IDS.sgDb, false, 'tcp', 5432, 5432, { cidrIpv4: '10.0.1.0/24' }),
      );
      const f = only(analyze(t), 'sg-ingress-missing-db-port');
      assert.match(f.evidence[0].detail, /uncovered: 10\.0\.2\.0\/24 port 5432/);
    });

    it('an egress CIDR that misses the DB subnet blocks', () => {
      const t = afterSetup();
      removeRule(t, 'sgr-app-db');
      group(t, IDS.sgApp).rules.push(
        sgRule('sgr-app-db-c', IDS.sgApp, true, 'tcp', 5432, 5432, { cidrIpv4: '10.0.12.0/24' }),
      );
      assert.deepEqual(ids(analyze(t)), ['sg-egress-missing-db-port']);
    });

    it('several groups on the connector: egress from one, DB ingress referencing another', () => {
      const t = afterSetup();
      removeRule(t, 'sgr-app-db');
      removeRule(t, 'sgr-db-from-app');
      t.securityGroups.push({
        id: 'sg-extra',
        name: 'sg-db-clients',
        description: 'db clients',
        vpcId: IDS.vpc,
        tags: { Project: 'campus-sns' },
        rules: [sgRule('sgr-extra-db', 'sg-extra', true, 'tcp', 5432, 5432, { referencedGroupId: IDS.sgDb })],
      });
      group(t, IDS.sgDb).rules.push(
        sgRule('sgr-db-from-extra', IDS.sgDb, false, 'tcp', 5432, 5432, { referencedGroupId: 'sg-extra' }),
      );
      connector(t).securityGroupIds = [IDS.sgApp, 'sg-extra'];
      assert.deepEqual(ids(analyze(t)), []);
      connector(t).securityGroupIds = [IDS.sgApp];
      assert.deepEqual(ids(analyze(t)), ['sg-egress-missing-db-port', 'sg-ingress-missing-db-port']);
    });

    it("a connector without groups uses the VPC's default group", () => {
      const t = afterSetup();
      connector(t).securityGroupIds = [];
      t.securityGroups.push({
        id: 'sg-default',
        name: 'default',
        description: 'default VPC security group',
        vpcId: IDS.vpc,
        tags: { Project: 'campus-sns' },
        rules: [sgRule('sgr-def-out', 'sg-default', true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' })],
      });
      const d = analyze(t);
      // Its allow-all egress reaches the DB, and is itself what the runbook says to remove.
      assert.deepEqual(ids(d), ['sg-ingress-missing-db-port', 'allow-all-egress']);
      assert.match(only(d, 'sg-ingress-missing-db-port').evidence[0].detail, /from sg-default or from all of/);
      group(t, IDS.sgDb).rules.push(
        sgRule('sgr-db-from-default', IDS.sgDb, false, 'tcp', 5432, 5432, { referencedGroupId: 'sg-default' }),
      );
      assert.deepEqual(ids(analyze(t)), ['allow-all-egress']);
    });
  });

  describe('network ACLs', () => {
    it('a deny numbered before the allow on the DB subnet', () => {
      const t = afterSetup();
      setAcl(
        t,
        'acl-db',
        [IDS.dbA, IDS.dbC],
        [...openAclEntries(), aclEntry(90, false, 'deny', '6', '10.0.0.0/16', [5432, 5432])],
      );
      const d = analyze(t);
      assert.deepEqual(ids(d), ['nacl-denies-db-port']);
      const f = only(d, 'nacl-denies-db-port');
      assert.deepEqual([...new Set(evidenceIds(f))], ['acl-db#90']);
      assert.equal(f.evidence.length, 2, 'one per connector subnet');
      assert.match(f.evidence[0].detail, /inbound deny tcp 5432 10\.0\.0\.0\/16 denies inbound from 10\.0\.1\.0\/24/);
      assert.equal(d.verdicts.database, 'blocked');
      assert.equal(d.verdicts.internet, 'reachable');
    });

    it('a deny after the allow has no effect', () => {
      const t = afterSetup();
      setAcl(
        t,
        'acl-db',
        [IDS.dbA, IDS.dbC],
        [...openAclEntries(), aclEntry(200, false, 'deny', '6', '10.0.0.0/16', [5432, 5432])],
      );
      assert.deepEqual(ids(analyze(t)), []);
    });

    it('the connector subnets let 5432 out but not the ephemeral replies back in', () => {
      const t = afterSetup();
      setAcl(
        t,
        'acl-app',
        [IDS.appA, IDS.appC],
        [aclEntry(100, true, 'allow', '-1', '0.0.0.0/0'), aclEntry(100, false, 'allow', '6', '0.0.0.0/0', [443, 443])],
      );
      const d = analyze(t);
      const f = only(d, 'nacl-missing-ephemeral-return');
      assert.deepEqual([...new Set(evidenceIds(f))], ['acl-app#*']);
      assert.match(f.evidence[0].detail, /implicit deny/);
      assert.equal(d.verdicts.database, 'blocked');
      // The same missing inbound rule breaks HTTPS replies too.
      assert.ok(ids(d).includes('nacl-missing-https-return'));
    });

    it('the DB subnet does not send replies to the connector subnets', () => {
      const t = afterSetup();
      setAcl(
        t,
        'acl-db',
        [IDS.dbA, IDS.dbC],
        [
          aclEntry(100, false, 'allow', '6', '10.0.0.0/16', [5432, 5432]),
          aclEntry(100, true, 'allow', '6', '10.0.0.0/16', [1024, 32767]),
        ],
      );
      const f = only(analyze(t), 'nacl-missing-ephemeral-return');
      assert.deepEqual([...new Set(evidenceIds(f))], ['acl-db#*']);
    });

    it('IPv6 entries neither allow nor deny IPv4 database traffic', () => {
      const t = afterSetup();
      setAcl(t, 'acl-db', [IDS.dbA, IDS.dbC], [aclEntry(80, false, 'deny', '-1', '::/0'), ...openAclEntries()]);
      assert.deepEqual(ids(analyze(t)), []);
      setAcl(
        t,
        'acl-db6',
        [IDS.dbA, IDS.dbC],
        [aclEntry(100, false, 'allow', '-1', '::/0'), aclEntry(100, true, 'allow', '-1', '::/0')],
      );
      const d = analyze(t);
      assert.deepEqual(ids(d), ['nacl-denies-db-port', 'nacl-missing-ephemeral-return']);
      assert.deepEqual([...new Set(evidenceIds(only(d, 'nacl-denies-db-port')))], ['acl-db6#*']);
    });
  });

  describe('the database itself', () => {
    it('a stopped instance', () => {
      const t = afterSetup();
      db(t).status = 'stopped';
      const d = analyze(t);
      assert.deepEqual(ids(d), ['db-not-available']);
      assert.deepEqual(only(d, 'db-not-available').evidence, [
        { kind: 'db-instance', id: IDS.db, detail: 'status=stopped' },
      ]);
      assert.equal(d.verdicts.database, 'blocked');
    });

    it('DATABASE_URL on the wrong port', () => {
      const t = afterSetup();
      service(t).source!.environment.DATABASE_URL = `postgresql://app@${IDS.endpoint}:5433/kyudai`;
      const d = analyze(t);
      assert.deepEqual(ids(d), ['database-url-mismatch']);
      assert.deepEqual(evidenceIds(only(d, 'database-url-mismatch')), ['DATABASE_URL', IDS.db]);
    });

    it('DATABASE_URL at another host while the DB is named by setting', () => {
      const t = afterSetup();
      service(t).source!.environment.DATABASE_URL = 'postgresql://app@old-db.example.internal:5432/kyudai';
      const d = analyze(t, { dbInstanceId: IDS.db });
      assert.deepEqual(ids(d), ['database-url-mismatch']);
      assert.match(only(d, 'database-url-mismatch').message.en, /old-db\.example\.internal:5432/);
    });

    it('the only DB in the VPC is used when the URL names no known endpoint', () => {
      const t = afterSetup();
      service(t).source!.environment.DATABASE_URL = 'postgresql://app@db.alias.internal/kyudai';
      const d = analyze(t);
      assert.equal(d.dbInstanceId, IDS.db);
      assert.deepEqual(ids(d), ['database-url-mismatch']);
    });

    it('the DB is found through another *_URL variable', () => {
      const t = afterSetup();
      service(t).source!.environment = {
        PRIMARY_DB_URL: `mysql+pymysql://u@${IDS.endpoint}:5432/x`,
        API_URL: 'https://example.com',
      };
      t.dbInstances.push({ ...db(t), id: 'other-db', endpointAddress: 'other.example' });
      const d = analyze(t);
      assert.equal(d.dbInstanceId, IDS.db);
      assert.deepEqual(ids(d), []);
    });

    it('no database URL: a warning, or a note when the configuration is in apprunner.yaml', () => {
      const t = afterSetup();
      service(t).source!.environment = {};
      assert.equal(only(analyze(t), 'database-url-missing').severity, 'warning');
      service(t).source!.configurationSource = 'REPOSITORY';
      const d = analyze(t);
      assert.equal(only(d, 'database-url-missing').severity, 'info');
      assert.equal(d.verdicts.database, 'reachable');
    });

    it('a DB instance id (setting) that does not exist cannot be reached', () => {
      const d = analyze(afterSetup(), { dbInstanceId: 'nope' });
      assert.deepEqual(ids(d), ['db-not-found']);
      assert.deepEqual(evidenceIds(only(d, 'db-not-found')), ['nope']);
      assert.equal(d.verdicts.database, 'blocked');
    });

    it('two DBs in the VPC and a URL that names neither', () => {
      const t = afterSetup();
      service(t).source!.environment.DATABASE_URL = 'postgresql://app@somewhere.internal/kyudai';
      t.dbInstances.push({ ...db(t), id: 'other-db', endpointAddress: 'other.example' });
      const d = analyze(t);
      assert.deepEqual(ids(d), ['db-unknown']);
      assert.equal(d.verdicts.database, 'unknown');
    });

    it('a configured port different from the DB port is a warning and the DB port is checked', () => {
      const d = analyze(afterSetup(), { dbPort: 3306 });
      assert.deepEqual(ids(d), ['db-port-differs']);
      assert.equal(d.dbPort, 5432);
      assert.equal(d.verdicts.database, 'reachable');
    });
  });
});

describe('reachability: the DB group a fix names, on a DB with several groups', () => {
  /** The runbook world after setup, less the DB ingress, with the DB in a second group listed first. */
  function twoGroups(sharedWithEc2: boolean) {
    const t = afterSetup();
    removeRule(t, 'sgr-db-from-app');
    t.securityGroups.push({
      id: 'sg-reporting',
      name: 'reporting',
      description: 'reporting',
      vpcId: IDS.vpc,
      tags: {},
      rules: [],
    });
    // Neither is named as the setting says (sg-rds), so the plan chooses by who else uses them.
    group(t, IDS.sgDb).tags = {};
    db(t).securityGroupIds = ['sg-reporting', IDS.sgDb];
    t.networkInterfaces = sharedWithEc2
      ? [
          {
            id: 'eni-ec2',
            vpcId: IDS.vpc,
            groupIds: ['sg-reporting'],
            interfaceType: 'interface',
            description: 'reporting worker',
            requesterManaged: false,
          },
        ]
      : [];
    return t;
  }

  it("names the group the plan changes (the one only the DB uses), not the DB's first group", () => {
    const f = only(analyze(twoGroups(true)), 'sg-ingress-missing-db-port');
    assert.equal(f.fix?.kind, 'plan-step');
    assert.equal(f.fix?.kind === 'plan-step' ? f.fix.params?.groupId : undefined, IDS.sgDb);
    assert.match(
      f.fix ? fixText(f.fix).en : '',
      new RegExp(`^Add an inbound rule to ${IDS.sgDb}: TCP 5432 from ${IDS.sgApp}$`),
    );
  });

  it('names no group when the plan cannot choose one (two groups only the DB uses, none named)', () => {
    const f = only(analyze(twoGroups(false)), 'sg-ingress-missing-db-port');
    assert.equal(f.fix, undefined);
  });
});
