// Service to database on the DB port through the firewalls: the connector groups' egress, the DB groups'
// ingress (by group reference or by CIDRs covering the other side's subnets), and the network ACLs of both
// subnet sets, the port one way and the ephemeral ports back.
import { checkAclFlows } from './aclFlowChecks';
import { databaseAclFlows } from '../../topology/aclFlows';
import { DOC_LINKS, Evidence, Finding } from '../diagnosis';
import { finding, preferredGroupId } from '../findingBuilder';
import { AnalysisContext } from '../reachabilityContext';
import { chooseDatabaseGroup } from '../../plan/dbGroupChoice';
import { DEFAULT_SETUP_SETTINGS } from '../../plan/setupSettings';
import { describeRule, evaluateSecurityGroups } from '../../topology/securityGroupRules';
import { databaseLabel, type DatabaseTarget } from '../../topology/databaseTargets';
import { proxyHopGaps } from '../../topology/proxyHop';
import { SecurityGroup, Topology } from '../../topology/topology';
import { msg } from '../../l10n/text';

function groupEvidence(groups: readonly SecurityGroup[], egress: boolean, why: string): Evidence[] {
  return groups.map((g) => {
    const rules = g.rules.filter((r) => r.egress === egress).map((r) => `${r.id}: ${describeRule(r)}`);
    return {
      kind: 'security-group' as const,
      id: g.id,
      detail: `${g.name}: ${why}; rules: ${rules.join('; ') || 'none'}`,
    };
  });
}

export function checkDatabaseGroups(ctx: AnalysisContext): Finding[] {
  const { db, dbPort: port, connectorGroups, dbGroups } = ctx;
  if (!db || !ctx.connector || connectorGroups.length === 0) return [];
  const out: Finding[] = [];
  const ports = { from: port, to: port };
  const dbCidrs = ctx.dbSubnets.map((s) => s.cidrBlock);
  const connectorCidrs = ctx.connectorSubnets.map((s) => s.cidrBlock);
  const appGroupId = preferredGroupId(connectorGroups, ctx.options.appRunnerGroupName) ?? '';
  // The group the plan would change (dbGroupChoice.ts), never simply the DB's first: when the plan cannot
  // choose (several groups, none named), the fixes name no group and Set Up explains the choice.
  const dbChoice = chooseDatabaseGroup(
    ctx.topology,
    databaseLabel(db),
    db.securityGroupIds,
    ctx.options.databaseGroupName ?? DEFAULT_SETUP_SETTINGS.databaseSecurityGroupName,
  );
  const dbGroupId = dbChoice.ok ? dbChoice.group.id : undefined;

  const egress = evaluateSecurityGroups(connectorGroups, {
    direction: 'egress',
    protocol: 'tcp',
    ports,
    peer: { groupIds: db.securityGroupIds, cidrs: dbCidrs },
  });
  if (!egress.allowed) {
    const why = `no egress rule allows tcp ${port} to ${db.securityGroupIds.join(', ') || 'the DB groups'} or to ${dbCidrs.join(', ') || 'the DB subnets'}`;
    out.push(
      finding(
        'sg-egress-missing-db-port',
        'error',
        'database',
        msg("No security group on the connector allows outbound TCP {0} to the database's group or subnets.", port),
        groupEvidence(connectorGroups, true, why),
        dbGroupId
          ? {
              kind: 'plan-step',
              step: 'authorize-egress-db',
              params: { groupId: appGroupId, peerGroupId: dbGroupId, port: String(port) },
            }
          : undefined,
      ),
    );
  }
  const connectorGroupIds = connectorGroups.map((g) => g.id);
  const ingress = evaluateSecurityGroups(dbGroups, {
    direction: 'ingress',
    protocol: 'tcp',
    ports,
    peer: { groupIds: connectorGroupIds, cidrs: connectorCidrs },
  });
  if (!ingress.allowed) {
    const why = `no ingress rule allows tcp ${port} from ${connectorGroupIds.join(', ')} or from all of ${connectorCidrs.join(', ')}; uncovered: ${ingress.uncovered.join(', ')}`;
    out.push(
      finding(
        'sg-ingress-missing-db-port',
        'error',
        'database',
        msg(
          "The database's security groups do not allow inbound TCP {0} from the connector's groups or from all of its subnets.",
          port,
        ),
        dbGroups.length > 0
          ? groupEvidence(dbGroups, false, why)
          : [{ kind: 'db-instance', id: db.id, detail: `no security groups; ${why}` }],
        dbGroupId
          ? {
              kind: 'plan-step',
              step: 'authorize-db-ingress',
              params: { groupId: dbGroupId, peerGroupId: appGroupId, port: String(port) },
            }
          : undefined,
      ),
    );
  }
  return out;
}

export function checkDatabaseAcls(ctx: AnalysisContext): Finding[] {
  if (!ctx.db || !ctx.connector) return [];
  const flows = databaseAclFlows(ctx.connectorSubnets, ctx.dbSubnets, ctx.dbPort);
  const p = ctx.dbPort;
  return checkAclFlows(ctx.topology, flows, 'database', {
    'nacl-denies-db-port': (acl, f) =>
      f.egress
        ? msg('Network ACL {0} blocks outbound TCP {1} between the connector subnets and the database.', acl, p)
        : msg('Network ACL {0} blocks inbound TCP {1} between the connector subnets and the database.', acl, p),
    'nacl-missing-ephemeral-return': (acl, f) =>
      f.egress
        ? msg(
            'Network ACL {0} does not allow the outbound return traffic on ephemeral ports 1024-65535 for database connections.',
            acl,
          )
        : msg(
            'Network ACL {0} does not allow the inbound return traffic on ephemeral ports 1024-65535 for database connections.',
            acl,
          ),
  });
}

/**
 * The second hop when the service talks to an RDS Proxy: the proxy's groups must let it out to its target
 * on the target's port, and the target's groups must let the proxy in (RDS Proxy's security group setup).
 */
export function checkProxyTargetHop(ctx: AnalysisContext): Finding[] {
  return ctx.db ? proxyHopFindings(ctx.topology, ctx.db) : [];
}

/** The proxy-to-target hop's findings for a database that is an RDS Proxy (empty for anything else). */
export function proxyHopFindings(topology: Topology, proxy: DatabaseTarget): Finding[] {
  return proxyHopGaps(topology, proxy).map((gap) => {
    const evidence: Evidence[] = [
      { kind: 'db-instance', id: proxy.id, detail: gap.proxyDetail },
      ...groupEvidence(gap.groups, gap.egress, gap.why),
    ];
    return finding(gap.id, gap.id === 'proxy-target-unknown' ? 'warning' : 'error', 'database', gap.message, evidence, {
      kind: 'link',
      url: DOC_LINKS.rdsProxySecurityGroups,
    });
  });
}
