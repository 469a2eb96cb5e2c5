// The second hop when a service talks to an RDS Proxy: the proxy's groups must let it out to its target on
// the target's port, and the target's groups must let the proxy in (RDS Proxy's security group setup).
// Plain gaps, so both the diagnosis (as findings) and the plan (as warnings: the proxy's own setup is
// reported, never changed) read the same evaluation without the plan importing the diagnosis.
import type { Localized } from '../common/awsError';
import type { DatabaseTarget } from './databaseTargets';
import { evaluateSecurityGroups } from './securityGroupRules';
import type { SecurityGroup, Topology } from './topology';
import { msg } from '../l10n/text';

export interface ProxyHopGap {
  id: 'proxy-target-unknown' | 'proxy-egress-missing-target-port' | 'proxy-target-ingress-missing';
  message: Localized;
  /** What the database evidence line says about the proxy. */
  proxyDetail: string;
  /** The groups that miss the rule (empty when the target is unknown), with the rule direction they miss. */
  groups: readonly SecurityGroup[];
  egress: boolean;
  why: string;
}

/** The proxy-to-target hop's gaps for a database that is an RDS Proxy (empty for anything else). */
export function proxyHopGaps(topology: Topology, proxy: DatabaseTarget): ProxyHopGap[] {
  if (proxy.kind !== 'proxy') return [];
  const target = proxy.behind;
  if (!target) {
    return [
      {
        id: 'proxy-target-unknown',
        proxyDetail: 'no registered target found',
        groups: [],
        egress: false,
        why: '',
        message: msg(
          "RDS Proxy {0} has no target this account's snapshot knows (DescribeDBProxyTargets), so the proxy-to-database hop was not checked.",
          proxy.id,
        ),
      },
    ];
  }
  const proxyGroups = topology.securityGroups.filter((g) => proxy.securityGroupIds.includes(g.id));
  const targetGroups = topology.securityGroups.filter((g) => target.securityGroupIds.includes(g.id));
  const proxyCidrs = topology.subnets.filter((s) => proxy.subnetIds.includes(s.id)).map((s) => s.cidrBlock);
  const targetCidrs = topology.subnets.filter((s) => target.subnetIds.includes(s.id)).map((s) => s.cidrBlock);
  const ports = { from: target.port, to: target.port };
  const proxyDetail = `targets ${target.id}:${target.port}`;
  const out: ProxyHopGap[] = [];
  const egress = evaluateSecurityGroups(proxyGroups, {
    direction: 'egress',
    protocol: 'tcp',
    ports,
    peer: { groupIds: target.securityGroupIds, cidrs: targetCidrs },
  });
  if (!egress.allowed) {
    out.push({
      id: 'proxy-egress-missing-target-port',
      proxyDetail,
      groups: proxyGroups,
      egress: true,
      why: `no egress rule allows tcp ${target.port} to ${target.securityGroupIds.join(', ') || target.id}`,
      message: msg(
        "RDS Proxy {0}'s security groups do not allow outbound TCP {1} to its target {2}.",
        proxy.id,
        target.port,
        target.id,
      ),
    });
  }
  const ingress = evaluateSecurityGroups(targetGroups, {
    direction: 'ingress',
    protocol: 'tcp',
    ports,
    peer: { groupIds: proxy.securityGroupIds, cidrs: proxyCidrs },
  });
  if (!ingress.allowed) {
    out.push({
      id: 'proxy-target-ingress-missing',
      proxyDetail,
      groups: targetGroups,
      egress: false,
      why: `no ingress rule allows tcp ${target.port} from ${proxy.securityGroupIds.join(', ') || proxy.id}; uncovered: ${ingress.uncovered.join(', ')}`,
      message: msg(
        'The security groups of {0} do not allow inbound TCP {1} from RDS Proxy {2}.',
        target.id,
        target.port,
        proxy.id,
      ),
    });
  }
  return out;
}
