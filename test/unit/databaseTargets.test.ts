import assert from 'node:assert/strict';
import { databaseTargets, targetByHost, targetById } from '../../src/model/topology/databaseTargets';
import { resolveDesired } from '../../src/model/plan/desired';
import { checkStates } from '../../src/model/diagnosis/diagnosisChecks';
import { plan } from '../../src/model/plan/plan';
import { DEFAULT_SETUP_SETTINGS } from '../../src/model/plan/setupSettings';
import { analyze, ids, only } from './fixtures/analyze';
import {
  AURORA,
  auroraAfterProxySetup,
  auroraBefore,
  MYSQL_ENDPOINT,
  mysqlBefore,
  setDatabaseUrl,
} from './fixtures/databaseWorlds';
import { IDS } from './fixtures/topologyBuilder';

const SETTINGS = DEFAULT_SETUP_SETTINGS;

describe('databases as they are: clusters and proxies', () => {
  it('lists standalone instances, clusters and proxies; members belong to their cluster', () => {
    const all = databaseTargets(auroraBefore());
    assert.deepEqual(
      all.map((d) => `${d.kind}:${d.id}`),
      [`cluster:${AURORA.cluster}`, `proxy:${AURORA.proxy}`],
    );
    const cluster = all[0];
    assert.deepEqual(
      cluster.endpoints.map((e) => e.role),
      ['writer', 'reader', 'custom', 'member', 'member'],
    );
    assert.equal(all[1].behind?.id, AURORA.cluster, 'the proxy forwards to the tracked cluster');
    assert.equal(all[1].port, 5432);
  });

  it('every cluster endpoint and a member id find the cluster; the proxy endpoint finds the proxy', () => {
    const t = auroraBefore();
    for (const host of [AURORA.writer, AURORA.reader, AURORA.custom, AURORA.member1]) {
      assert.equal(targetByHost(t, host.toUpperCase())?.target.id, AURORA.cluster, host);
    }
    assert.equal(targetByHost(t, AURORA.reader)?.endpoint.role, 'reader');
    assert.equal(targetByHost(t, AURORA.proxyEndpoint)?.target.kind, 'proxy');
    assert.equal(targetById(t, 'kyudai-aurora-2')?.id, AURORA.cluster);
    assert.equal(targetByHost(t, 'db.example.com'), undefined);
  });

  for (const [role, host] of [
    ['writer', AURORA.writer],
    ['reader', AURORA.reader],
    ['custom', AURORA.custom],
    ['member', AURORA.member1],
  ] as const) {
    it(`a DATABASE_URL at the cluster's ${role} endpoint is no mismatch and the path is checked`, () => {
      const d = analyze(setDatabaseUrl(auroraAfterProxySetup(), `postgresql://app:pw@${host}:5432/kyudai`));
      assert.deepEqual(ids(d), []);
      assert.equal(d.dbInstanceId, AURORA.cluster);
      assert.equal(d.dbKind, 'cluster');
      assert.equal(d.verdicts.database, 'reachable');
    });
  }

  it('a DATABASE_URL at the proxy: both hops reachable after setup, the proxy named with its target', () => {
    const d = analyze(
      setDatabaseUrl(auroraAfterProxySetup(), `postgresql://app:pw@${AURORA.proxyEndpoint}:5432/kyudai`),
    );
    assert.deepEqual(ids(d), []);
    assert.equal(d.dbKind, 'proxy');
    assert.equal(d.dbProxyTargetId, AURORA.cluster);
    assert.equal(d.verdicts.database, 'reachable');
    assert.ok(
      checkStates(d).some((c) => c.check.findingIds.includes('proxy-target-ingress-missing') && c.state === 'passed'),
    );
  });

  it('the proxy -> cluster hop is checked: the cluster group not letting the proxy in is an error on the database path', () => {
    const d = analyze(
      setDatabaseUrl(auroraAfterProxySetup(false), `postgresql://app:pw@${AURORA.proxyEndpoint}/kyudai`),
    );
    assert.deepEqual(ids(d), ['proxy-target-ingress-missing']);
    assert.match(
      only(d, 'proxy-target-ingress-missing').message.en,
      /kyudai-aurora do not allow inbound TCP 5432 from RDS Proxy kyudai-proxy/,
    );
    assert.equal(d.verdicts.database, 'blocked');
  });

  it("the service -> proxy hop uses the proxy's groups: an app group allowing only sg-rds is blocked", () => {
    const t = setDatabaseUrl(auroraAfterProxySetup(), `postgresql://app:pw@${AURORA.proxyEndpoint}/kyudai`);
    t.securityGroups.forEach((g) => {
      g.rules = g.rules.filter((r) => r.id !== 'sgr-app-proxy');
    });
    assert.deepEqual(ids(analyze(t)), ['sg-egress-missing-db-port']);
  });

  it('the proxy check is listed only when the database is a proxy', () => {
    const d = analyze(setDatabaseUrl(auroraAfterProxySetup(), `postgresql://app:pw@${AURORA.writer}/kyudai`));
    assert.ok(!checkStates(d).some((c) => c.check.findingIds.includes('proxy-target-unknown')));
  });

  it('Set Up picks the cluster from a reader URL, and the proxy (with its group) from a proxy URL', () => {
    const reader = resolveDesired(setDatabaseUrl(auroraBefore(), `postgresql://u:p@${AURORA.reader}/db`), SETTINGS);
    assert.ok(reader.ok);
    assert.equal(reader.desired.dbInstanceId, AURORA.cluster);
    assert.equal(reader.desired.dbSecurityGroupId, IDS.sgDb);
    const proxy = resolveDesired(
      setDatabaseUrl(auroraBefore(), `postgresql://u:p@${AURORA.proxyEndpoint}/db`),
      SETTINGS,
    );
    assert.ok(proxy.ok);
    assert.equal(proxy.desired.dbInstanceId, AURORA.proxy);
    assert.equal(proxy.desired.dbSecurityGroupId, AURORA.sgProxy);
    assert.equal(proxy.desired.dbPort, 5432);
  });

  it("the plan grants the App Runner group on the proxy's group and reports a closed proxy -> cluster hop", () => {
    const t = setDatabaseUrl(auroraBefore(false), `postgresql://u:p@${AURORA.proxyEndpoint}/db`);
    const r = resolveDesired(t, SETTINGS);
    assert.ok(r.ok);
    const p = plan(t, r.desired);
    const ingress = p.steps.find((s) => s.id === 'authorize-db-ingress');
    assert.equal(ingress && 'group' in ingress ? ingress.group.id : undefined, AURORA.sgProxy);
    assert.deepEqual(
      p.warnings.filter((w) => w.code === 'proxy-target-hop').map((w) => w.evidence[0]),
      [AURORA.proxy],
    );
    const open = plan(setDatabaseUrl(auroraBefore(true), `postgresql://u:p@${AURORA.proxyEndpoint}/db`), r.desired);
    assert.ok(!open.warnings.some((w) => w.code === 'proxy-target-hop'));
  });

  it('--db-instance takes a cluster or proxy identifier; an unknown one says what was searched', () => {
    const t = setDatabaseUrl(auroraBefore(), 'postgresql://u:p@elsewhere.example/db');
    const byId = resolveDesired(t, SETTINGS, { dbInstanceId: AURORA.proxy });
    assert.ok(byId.ok && byId.desired.dbInstanceId === AURORA.proxy);
    const unknown = resolveDesired(t, SETTINGS, { dbInstanceId: 'nope' });
    assert.ok(!unknown.ok);
    assert.match(unknown.issues[0].message.en, /No DB instance, DB cluster or RDS Proxy "nope"/);
  });

  it('MySQL: the port follows the engine and the endpoint (3306) in the analysis, the plan and a URL without a port', () => {
    const t = mysqlBefore();
    const r = resolveDesired(t, SETTINGS);
    assert.ok(r.ok);
    assert.equal(r.desired.dbPort, 3306);
    const steps = plan(t, r.desired).steps;
    const egress = steps.find((s) => s.id === 'authorize-egress-db');
    assert.equal(egress && 'rule' in egress ? egress.rule.fromPort : undefined, 3306);
    const d = analyze(setDatabaseUrl(t, `mysql://app:pw@${MYSQL_ENDPOINT}/kyudai`), { dbPort: 5432 });
    assert.equal(d.dbPort, 3306);
    assert.ok(!ids(d).includes('database-url-mismatch'), 'mysql:// without a port means 3306');
  });
});
