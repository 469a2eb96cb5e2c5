// The setup as resources, in no tool's language: which groups, rules and connector the runbook's target state
// is made of, which of them already exist in the account (to import or reference) and which are created.
// Resolved from the same desired setup and snapshot as plan() and the bash script, with plan()'s choices: the
// App Runner group found by GroupName or Name tag (never a replaced one), the connector's revision name when
// an existing connector of the wanted name does not match (connectors cannot change), the DB group and its
// IaC owner from the snapshot. The CloudFormation and Terraform generators only translate this.
import { findAppRunnerGroup, type ReplacedGroup } from '../plan/appRunnerGroupChoice';
import { chooseConnector, isRevisionOf } from '../plan/connectorChoice';
import type { DesiredSetup } from '../plan/desired';
import { groupLabel } from '../topology/groupNames';
import { iacOwner, ownerText } from '../plan/resourceOwnership';
import { isAllowAllEgressIpv6, isDefaultAllowAllEgress, ruleSatisfies } from '../plan/ruleMatch';
import { APPRUNNER_SG_DESCRIPTION, MANAGED_BY_TAG } from '../plan/setupSettings';
import type { IpAddressType, SecurityGroupRule, Topology } from '../topology/topology';

/** Where a rule goes to (egress) or comes from (ingress). */
export type RuleTarget =
  | { kind: 'cidr-ipv4'; cidr: '0.0.0.0/0' }
  | { kind: 'cidr-ipv6'; cidr: '::/0' }
  | { kind: 'db-group' }
  | { kind: 'app-group' };

export type RuleKey = 'database' | 'https' | 'dns' | 'https-ipv6' | 'dns-ipv6' | 'database-ingress';

export interface SetupRule {
  /** Stable name of the rule: the resource name in Terraform, part of the logical id in CloudFormation. */
  key: RuleKey;
  protocol: 'tcp' | 'udp';
  port: number;
  target: RuleTarget;
  /** Plain ASCII in the characters EC2 accepts in a rule description (no user-supplied names). */
  description: string;
  /** The rule (sgr-...) that already allows exactly this: imported rather than created. */
  existingRuleId?: string;
}

export interface SetupResources {
  region: string;
  accountId?: string;
  vpcId: string;
  subnetIds: string[];
  /** Referenced, never rewritten: its full definition is the user's. */
  service: { name: string; arn: string; isPubliclyAccessible?: boolean; ipAddressType?: IpAddressType };
  appGroup: {
    groupName: string;
    /** Name tag and ManagedBy, as Set Up writes them. */
    tags: Record<string, string>;
    description: string;
    /** The group exists and is ours to shape: imported. */
    existing?: {
      id: string;
      /** Allow-all egress rules it still has: an import leaves them, so the exports say how to remove them. */
      allowAllEgressRuleIds: string[];
      /** Its egress rules and tags now: what an import describes, so the next update changes it to the target. */
      egressNow: SecurityGroupRule[];
      tagsNow: Record<string, string>;
      /** Another stack owns it ("CloudFormation stack x"): referenced by id, never imported or changed. */
      owner?: string;
    };
  };
  dbGroup: {
    id: string;
    /** `sg-rds (kyudai-db-sg)`: for comments only. */
    label: string;
    port: number;
    /** "CloudFormation stack web-prod": the ingress rule is then left to that stack (a comment says so). */
    owner?: string;
  };
  /** The App Runner group's egress: exactly these rules, no allow-all. */
  egress: SetupRule[];
  /** The DB group's ingress from the App Runner group. */
  ingress: SetupRule;
  connector: {
    /** The name the service will use: the wanted name or its revision `<name>-n`. */
    name: string;
    /** The wanted name (the setting, or the attached connector's name). */
    baseName: string;
    /** n of `<name>-n` when a connector of the wanted name exists and does not match. */
    revision?: number;
    tags: Record<string, string>;
    /** A matching ACTIVE connector: imported. */
    existing?: { arn: string; tags?: Record<string, string>; owner?: string };
    /** The connector of the wanted name that does not match: not ours to change; says who removes it. */
    supersedes?: { name: string; arn: string; owner?: string };
  };
  /** The group the setup does not use (default, shared, IaC-owned), and why. */
  replacedGroup?: ReplacedGroup;
}

export const RULE_DESCRIPTIONS: Readonly<Record<RuleKey, string>> = {
  database: 'App Runner to the database port of the DB security group',
  https: 'App Runner to HTTPS on the internet',
  dns: 'App Runner to DNS (UDP 53)',
  'https-ipv6': 'App Runner to HTTPS on the internet over IPv6',
  'dns-ipv6': 'App Runner to DNS (UDP 53) over IPv6',
  'database-ingress': 'From the App Runner VPC connector security group',
};

/** An existing rule that allows exactly this (same ports: a wider rule would be narrowed by an import). */
function exactRule(
  rules: readonly SecurityGroupRule[],
  rule: Omit<SetupRule, 'key' | 'description'>,
  egress: boolean,
  refGroupId: string | undefined,
): string | undefined {
  const spec = {
    protocol: rule.protocol,
    fromPort: rule.port,
    toPort: rule.port,
    ...(rule.target.kind === 'cidr-ipv4'
      ? { cidrIpv4: rule.target.cidr }
      : rule.target.kind === 'cidr-ipv6'
        ? { cidrIpv6: rule.target.cidr }
        : {}),
  };
  return rules.find(
    (r) => r.fromPort === rule.port && r.toPort === rule.port && ruleSatisfies(r, spec, egress, refGroupId),
  )?.id;
}

/** Tags a template may set: `aws:` keys are AWS's own and refused on create. */
function userTags(tags: Readonly<Record<string, string>> | undefined): Record<string, string> | undefined {
  return tags ? Object.fromEntries(Object.entries(tags).filter(([k]) => !k.startsWith('aws:'))) : undefined;
}

export function setupResources(snapshot: Topology, d: DesiredSetup): SetupResources {
  const service = snapshot.services.find((s) => s.arn === d.serviceArn);
  const appSg = findAppRunnerGroup(snapshot, d);
  const dbSg = snapshot.securityGroups.find((g) => g.id === d.dbSecurityGroupId);
  const owner = iacOwner(dbSg?.tags);
  const nameTag = appSg?.tags.Name ?? d.appRunnerSecurityGroupNameTag;
  const appRules = appSg?.rules ?? [];
  const rule = (key: RuleKey, protocol: 'tcp' | 'udp', port: number, target: RuleTarget): SetupRule => {
    const refGroup = target.kind === 'db-group' ? d.dbSecurityGroupId : undefined;
    const existingRuleId = appSg ? exactRule(appRules, { protocol, port, target }, true, refGroup) : undefined;
    return {
      key,
      protocol,
      port,
      target,
      description: RULE_DESCRIPTIONS[key],
      ...(existingRuleId ? { existingRuleId } : {}),
    };
  };
  const dual = d.ipAddressType === 'DUAL_STACK';
  const egress = [
    rule('database', 'tcp', d.dbPort, { kind: 'db-group' }),
    rule('https', 'tcp', 443, { kind: 'cidr-ipv4', cidr: '0.0.0.0/0' }),
    rule('dns', 'udp', 53, { kind: 'cidr-ipv4', cidr: '0.0.0.0/0' }),
    ...(dual
      ? [
          rule('https-ipv6', 'tcp', 443, { kind: 'cidr-ipv6', cidr: '::/0' }),
          rule('dns-ipv6', 'udp', 53, { kind: 'cidr-ipv6', cidr: '::/0' }),
        ]
      : []),
  ];
  const ingressId =
    appSg && dbSg
      ? exactRule(dbSg.rules, { protocol: 'tcp', port: d.dbPort, target: { kind: 'app-group' } }, false, appSg.id)
      : undefined;
  const ingress: SetupRule = {
    key: 'database-ingress',
    protocol: 'tcp',
    port: d.dbPort,
    target: { kind: 'app-group' },
    description: RULE_DESCRIPTIONS['database-ingress'],
    ...(ingressId ? { existingRuleId: ingressId } : {}),
  };

  const choice = chooseConnector(snapshot, d.connectorName, d.subnetIds, appSg?.id);
  const revision =
    choice.name !== d.connectorName && isRevisionOf(choice.name, d.connectorName)
      ? Number(/-(\d+)$/.exec(choice.name)?.[1])
      : undefined;
  const mismatchedOwner = choice.mismatched ? iacOwner(choice.mismatched.tags) : undefined;
  // A group or connector another stack owns that already is what the setup needs (desired.ts replaces one
  // that would need changes): used by reference, since importing it would take it from that stack.
  const appOwner = appSg ? iacOwner(appSg.tags) : undefined;
  const reuseOwner = choice.reuse ? iacOwner(choice.reuse.tags) : undefined;
  return {
    region: snapshot.region,
    ...(snapshot.accountId ? { accountId: snapshot.accountId } : {}),
    vpcId: d.vpcId,
    subnetIds: [...d.subnetIds].sort(),
    service: {
      name: d.serviceName,
      arn: d.serviceArn,
      ...(service?.isPubliclyAccessible !== undefined ? { isPubliclyAccessible: service.isPubliclyAccessible } : {}),
      ...(d.ipAddressType ? { ipAddressType: d.ipAddressType } : {}),
    },
    appGroup: {
      groupName: appSg?.name ?? d.appRunnerSecurityGroupName,
      tags: { ...(nameTag ? { Name: nameTag } : {}), [MANAGED_BY_TAG.key]: MANAGED_BY_TAG.value },
      // GroupDescription cannot change without replacing the group: an imported group keeps its own.
      description: appSg?.description ?? APPRUNNER_SG_DESCRIPTION,
      ...(appSg
        ? {
            existing: {
              id: appSg.id,
              allowAllEgressRuleIds: appSg.rules
                .filter((r) => isDefaultAllowAllEgress(r) || isAllowAllEgressIpv6(r))
                .map((r) => r.id),
              egressNow: appSg.rules.filter((r) => r.egress),
              tagsNow: userTags(appSg.tags) ?? {},
              ...(appOwner ? { owner: ownerText(appOwner) } : {}),
            },
          }
        : {}),
    },
    dbGroup: {
      id: d.dbSecurityGroupId,
      label: dbSg ? `${groupLabel(dbSg)} (${dbSg.id})` : d.dbSecurityGroupId,
      port: d.dbPort,
      ...(owner ? { owner: ownerText(owner) } : {}),
    },
    egress,
    ingress,
    connector: {
      name: choice.name,
      baseName: d.connectorName,
      ...(revision ? { revision } : {}),
      tags: { [MANAGED_BY_TAG.key]: MANAGED_BY_TAG.value },
      ...(choice.reuse
        ? {
            existing: {
              arn: choice.reuse.arn,
              ...(choice.reuse.tags ? { tags: userTags(choice.reuse.tags) } : {}),
              ...(reuseOwner ? { owner: ownerText(reuseOwner) } : {}),
            },
          }
        : {}),
      ...(choice.mismatched
        ? {
            supersedes: {
              name: choice.mismatched.name,
              arn: choice.mismatched.arn,
              ...(mismatchedOwner ? { owner: ownerText(mismatchedOwner) } : {}),
            },
          }
        : {}),
    },
    ...(d.appRunnerGroupReplaced ? { replacedGroup: d.appRunnerGroupReplaced } : {}),
  };
}

/** What the service's NetworkConfiguration must say, in CloudFormation's property names (Terraform maps them). */
export interface ServiceNetworkFragment {
  EgressConfiguration: { EgressType: 'VPC'; VpcConnectorArn: unknown };
  IngressConfiguration?: { IsPubliclyAccessible: boolean };
  IpAddressType?: IpAddressType;
}

/** The fragment with the connector's ARN as given (an intrinsic function, an expression or the literal ARN). */
export function serviceNetworkFragment(r: SetupResources, connectorArn: unknown): ServiceNetworkFragment {
  return {
    EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: connectorArn },
    // Kept as the service has them: an update without them would reset them to the defaults.
    ...(r.service.isPubliclyAccessible !== undefined
      ? { IngressConfiguration: { IsPubliclyAccessible: r.service.isPubliclyAccessible } }
      : {}),
    ...(r.service.ipAddressType ? { IpAddressType: r.service.ipAddressType } : {}),
  };
}
