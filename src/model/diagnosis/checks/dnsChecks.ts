// DNS for a service whose egress goes through the VPC: names (the RDS endpoint, external APIs) are resolved
// by the VPC's Amazon resolver, which answers only with enableDnsSupport on. Security groups do not filter
// traffic to that resolver, so a missing UDP 53 rule is a warning (it matters for custom resolvers), as the
// runbook still asks for one; with the setting dnsEgress = vpcResolverOnly it is the user's choice (info). A
// rule to any address is named as info with the narrower alternative (see dnsEgress.ts).
import { formatCidr, parseCidr } from '../../topology/cidr';
import { Finding, LocalizedText } from '../diagnosis';
import { DNS_NOT_FILTERED_SOURCE } from '../../plan/dnsEgress';
import { finding, preferredGroupId } from '../findingBuilder';
import { AnalysisContext } from '../reachabilityContext';
import { evaluateSecurityGroups } from '../../topology/securityGroupRules';
import { Vpc } from '../../topology/topology';
import { msg } from '../../l10n/text';

/** A public resolver's address: a rule that lets UDP 53 reach it lets the service query any DNS server. */
const ANY_PUBLIC_RESOLVER = '8.8.8.8/32';

export function analysisVpc(ctx: AnalysisContext): Vpc | undefined {
  const id = ctx.connectorVpcId ?? ctx.db?.vpcId ?? ctx.dbSubnets[0]?.vpcId;
  return id ? ctx.topology.vpcs.find((v) => v.id === id) : undefined;
}

/** The Amazon resolver's address: the VPC's base address plus two. */
export function resolverAddress(vpc: Vpc): string | undefined {
  const cidr = parseCidr(vpc.cidrBlock);
  return cidr ? formatCidr({ ...cidr, network: cidr.network + 2n, prefix: 32 }) : undefined;
}

export function checkDns(ctx: AnalysisContext): Finding[] {
  const vpc = analysisVpc(ctx);
  if (!vpc || !ctx.connector) return [];
  const out: Finding[] = [];
  const evidence = [
    {
      kind: 'vpc' as const,
      id: vpc.id,
      detail: `enableDnsSupport=${String(vpc.enableDnsSupport)} enableDnsHostnames=${String(vpc.enableDnsHostnames)}`,
    },
  ];
  if (vpc.enableDnsSupport === false) {
    out.push(
      finding(
        'dns-support-off',
        'error',
        'dns',
        msg(
          'DNS resolution (enableDnsSupport) is off in {0}, so the service cannot resolve the database endpoint or any other name.',
          vpc.id,
        ),
        evidence,
        { kind: 'plan-step', step: 'enable-dns-support', params: { vpcId: vpc.id } },
      ),
    );
  }
  if (vpc.enableDnsHostnames === false) {
    out.push(
      finding(
        'dns-hostnames-off',
        'warning',
        'dns',
        msg('DNS hostnames (enableDnsHostnames) are off in {0}; RDS and private hosted zones expect them on.', vpc.id),
        evidence,
        { kind: 'plan-step', step: 'enable-dns-hostnames', params: { vpcId: vpc.id } },
      ),
    );
  }
  const resolver = resolverAddress(vpc);
  if (ctx.connectorGroups.length > 0 && resolver) {
    const sg = evaluateSecurityGroups(ctx.connectorGroups, {
      direction: 'egress',
      protocol: 'udp',
      ports: { from: 53, to: 53 },
      peer: { groupIds: [], cidrs: [resolver] },
    });
    if (!sg.allowed && ctx.options.dnsEgress !== 'vpcResolverOnly') {
      out.push(
        finding(
          'sg-egress-missing-dns',
          'warning',
          'dns',
          msg(
            'No security group on the connector allows outbound UDP 53; the VPC resolver still answers, but other DNS servers would not.',
          ),
          ctx.connectorGroups.map((g) => ({
            kind: 'security-group' as const,
            id: g.id,
            detail: `${g.name}: no egress udp 53 to ${resolver}`,
          })),
          {
            kind: 'plan-step',
            step: 'authorize-egress-dns',
            params: { groupId: preferredGroupId(ctx.connectorGroups, ctx.options.appRunnerGroupName) ?? '' },
          },
        ),
      );
    }
  }
  return out;
}

/**
 * What the diagnosis says about the DNS rule beside its findings: the narrower alternative to the
 * runbook's UDP 53 to 0.0.0.0/0, with AWS's source. Notes, not findings: the runbook's rule is not a problem.
 */
export function dnsNotes(ctx: AnalysisContext): LocalizedText[] {
  const vpc = analysisVpc(ctx);
  const resolver = vpc ? resolverAddress(vpc) : undefined;
  if (!ctx.connector || ctx.connectorGroups.length === 0 || !resolver) return [];
  const udp53 = (cidr: string): boolean =>
    evaluateSecurityGroups(ctx.connectorGroups, {
      direction: 'egress',
      protocol: 'udp',
      ports: { from: 53, to: 53 },
      peer: { groupIds: [], cidrs: [cidr] },
    }).allowed;
  if (udp53(ANY_PUBLIC_RESOLVER)) {
    return [
      msg(
        "DNS: the connector's groups allow UDP 53 to any address (the runbook's rule), so the service can query any DNS server. The VPC resolver ({0}) needs no rule: security groups do not filter it ({1}). With the setting dnsEgress = vpcResolverOnly, Set Up adds no port 53 rule; remove this one by hand if the service uses no other resolver.",
        resolver,
        DNS_NOT_FILTERED_SOURCE,
      ),
    ];
  }
  if (!udp53(`${resolver}`) && ctx.options.dnsEgress === 'vpcResolverOnly') {
    return [
      msg(
        'DNS: no UDP 53 egress rule, as the setting dnsEgress = vpcResolverOnly chose. The VPC resolver ({0}) answers anyway because security groups do not filter it ({1}); DNS servers elsewhere are not reachable.',
        resolver,
        DNS_NOT_FILTERED_SOURCE,
      ),
    ];
  }
  return [];
}
