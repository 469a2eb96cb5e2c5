// Runbook 8.2 and 8.3: the DB port open to the whole internet, the default allow-all egress left on the App
// Runner group, untagged groups, and connectors no service uses (they cost nothing to keep, but clutter and
// risk: the runbook says delete them).
import { matchesGroupName } from '../../topology/groupNames';
import { DOC_LINKS, Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import { AnalysisContext } from '../reachabilityContext';
import { iacOwner, ownerText } from '../../plan/resourceOwnership';
import { allowAllToWorld, describeRule, portOpenToWorld } from '../../topology/securityGroupRules';
import { SecurityGroup } from '../../topology/topology';
import { msg } from '../../l10n/text';

function uniqueGroups(groups: readonly SecurityGroup[]): SecurityGroup[] {
  return groups.filter((g, i) => groups.findIndex((o) => o.id === g.id) === i);
}

/** The App Runner side's groups: the connector's, plus the configured group (GroupName or Name tag) if not attached. */
export function appRunnerGroups(ctx: AnalysisContext): SecurityGroup[] {
  const named = ctx.topology.securityGroups.filter(
    (g) =>
      matchesGroupName(g, ctx.options.appRunnerGroupName, ctx.options.appRunnerGroupNameTag) &&
      (!ctx.connectorVpcId || g.vpcId === ctx.connectorVpcId),
  );
  return uniqueGroups([...ctx.connectorGroups, ...named]);
}

export function checkSecurity(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  const port = ctx.dbPort;
  const dbGroups =
    ctx.dbGroups.length > 0
      ? ctx.dbGroups
      : ctx.topology.securityGroups.filter((g) => matchesGroupName(g, ctx.options.databaseGroupName));
  const open = dbGroups.flatMap((g) => portOpenToWorld(g, port));
  if (open.length > 0) {
    out.push(
      finding(
        'db-port-open-to-world',
        'warning',
        'security',
        msg(
          "The database's security group allows TCP {0} from anywhere on the internet; allow it only from the App Runner group.",
          port,
        ),
        open.map((r) => ({
          kind: 'security-group-rule' as const,
          id: r.id,
          detail: `${r.groupId}: ${describeRule(r)}`,
        })),
        { kind: 'link', url: DOC_LINKS.securityGroups },
      ),
    );
  }
  const appGroups = appRunnerGroups(ctx);
  for (const group of appGroups) {
    const rules = allowAllToWorld(group, true);
    if (rules.length === 0) continue;
    out.push(
      finding(
        'allow-all-egress',
        'warning',
        'security',
        msg(
          'The App Runner group {0} ({1}) still allows all outbound traffic; keep only the DB port, 443 and UDP 53.',
          group.name,
          group.id,
        ),
        rules.map((r) => ({
          kind: 'security-group-rule' as const,
          id: r.id,
          detail: `${group.id}: ${describeRule(r)}`,
        })),
        {
          kind: 'plan-step',
          step: 'revoke-default-egress',
          params: { groupId: group.id, ruleIds: rules.map((r) => r.id).join(',') },
        },
      ),
    );
  }
  for (const group of uniqueGroups([...appGroups, ...dbGroups])) {
    const tags = Object.keys(group.tags).filter((k) => !k.startsWith('aws:'));
    if (tags.length > 0) continue;
    out.push(
      finding(
        'untagged-group',
        'info',
        'security',
        msg(
          'The security group {0} ({1}) has no tags; tag it so the team knows who owns it and why.',
          group.name,
          group.id,
        ),
        [{ kind: 'security-group', id: group.id, detail: `${group.name}: no tags` }],
        { kind: 'link', url: DOC_LINKS.securityGroups },
      ),
    );
  }
  return out.concat(checkUnusedConnectors(ctx));
}

function checkUnusedConnectors(ctx: AnalysisContext): Finding[] {
  const used = new Set(ctx.topology.services.filter((s) => s.egressType === 'VPC').map((s) => s.vpcConnectorArn));
  // Without every service's details a connector may look unused when it is not; a snapshot of one service
  // read no other service at all (docs/performance.md, "Read set per command"): the region's tree reports these.
  if (ctx.topology.scope || ctx.topology.services.some((s) => !s.detailsLoaded)) return [];
  // The candidate a detached service should attach is reported by 'egress-not-vpc', not as one to delete.
  const candidate = ctx.attached ? undefined : ctx.connector?.arn;
  return ctx.topology.connectors
    .filter((c) => c.status === 'ACTIVE' && !used.has(c.arn) && c.arn !== candidate)
    .map((c) => {
      const evidence = [
        { kind: 'connector' as const, id: c.arn, detail: `${c.name} revision ${c.revision}, used by no service` },
      ];
      const owner = iacOwner(c.tags);
      // An IaC-owned connector is removed in its stack: deleting it here would be drift.
      if (owner) {
        return finding(
          'unused-connector',
          'info',
          'cost',
          msg(
            'The VPC connector {0} is not used by any App Runner service; it is managed by {1}: remove it there if it is no longer needed.',
            c.name,
            ownerText(owner),
          ),
          evidence,
          { kind: 'link', url: DOC_LINKS.appRunnerVpc },
        );
      }
      return finding(
        'unused-connector',
        'info',
        'cost',
        msg(
          'The VPC connector {0} is not used by any App Runner service; delete it if it is no longer needed.',
          c.name,
        ),
        evidence,
        { kind: 'plan-step', step: 'delete-connector', params: { connectorArn: c.arn } },
      );
    });
}
