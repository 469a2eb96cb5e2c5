// Builders for each plan step: the value the engine runs plus its human title (en/ja) and the API call with
// the parameters the user sees. Ids not known at plan time are shown as "<id of NAME>".
import { groupLabel } from '../topology/groupNames';
import type { GroupRef, PlanStep, RuleSpec, ServiceRef, VpcDnsAttribute } from './planSteps';
import { APPRUNNER_SG_DESCRIPTION, MANAGED_BY_TAG } from './setupSettings';
import { msg, type Localized } from '../l10n/text';

type Step<K extends PlanStep['kind']> = Extract<PlanStep, { kind: K }>;

export function groupIdText(group: GroupRef): string {
  return group.id ?? `<id of ${group.name}>`;
}

/** The name people know the group by: its Name tag (the runbook's sg-apprunner, sg-rds), else its GroupName. */
export function groupRefLabel(group: GroupRef): string {
  return group.nameTag || group.name;
}

/** `sg-apprunner (apprunner-connector)`: the Name tag and the GroupName when they differ. */
function fullLabel(group: GroupRef): string {
  return groupLabel({ name: group.name, tags: group.nameTag ? { Name: group.nameTag } : {} });
}

function ruleTarget(rule: RuleSpec): string {
  return (
    rule.cidrIpv4 ?? rule.cidrIpv6 ?? (rule.group ? `${groupRefLabel(rule.group)} (${groupIdText(rule.group)})` : '?')
  );
}

function ruleParams(rule: RuleSpec): Record<string, string | number> {
  const base = { IpProtocol: rule.protocol, FromPort: rule.fromPort, ToPort: rule.toPort };
  if (rule.cidrIpv4) return { ...base, CidrIp: rule.cidrIpv4 };
  if (rule.cidrIpv6) return { ...base, CidrIpv6: rule.cidrIpv6 };
  return { ...base, SourceGroup: rule.group ? groupIdText(rule.group) : '?' };
}

function ruleText(rule: RuleSpec): string {
  const proto =
    rule.protocol === '-1'
      ? 'all traffic'
      : `${rule.protocol.toUpperCase()} ${rule.fromPort === rule.toPort ? rule.fromPort : `${rule.fromPort}-${rule.toPort}`}`;
  return `${proto} ${ruleTarget(rule)}`;
}

export function createGroupStep(group: GroupRef): Step<'create-security-group'> {
  const tags = { Name: group.nameTag ?? group.name, [MANAGED_BY_TAG.key]: MANAGED_BY_TAG.value };
  return {
    id: 'create-apprunner-sg',
    kind: 'create-security-group',
    mutating: true,
    group,
    description: APPRUNNER_SG_DESCRIPTION,
    tags,
    title: msg('Create security group {0} in {1}', fullLabel(group), group.vpcId),
    apiCall: {
      action: 'ec2:CreateSecurityGroup',
      params: {
        GroupName: group.name,
        Description: APPRUNNER_SG_DESCRIPTION,
        VpcId: group.vpcId,
        Tags: Object.entries(tags).map(([k, v]) => `${k}=${v}`),
      },
    },
  };
}

/** Removes the allow-all egress to 0.0.0.0/0 or, for `ipv6`, to ::/0 (a group may have both). */
export function revokeAllEgressStep(group: GroupRef, ipv6 = false): Step<'revoke-egress'> {
  const world = ipv6 ? '::/0' : '0.0.0.0/0';
  const rule: RuleSpec = ipv6
    ? { protocol: '-1', fromPort: -1, toPort: -1, cidrIpv6: world }
    : { protocol: '-1', fromPort: -1, toPort: -1, cidrIpv4: world };
  return {
    id: ipv6 ? 'revoke-default-egress-ipv6' : 'revoke-default-egress',
    kind: 'revoke-egress',
    mutating: true,
    group,
    rule,
    title: msg('Remove the allow-all outbound rule (all traffic to {0}) from {1}', world, groupRefLabel(group)),
    apiCall: {
      action: 'ec2:RevokeSecurityGroupEgress',
      params: { GroupId: groupIdText(group), IpProtocol: '-1', [ipv6 ? 'CidrIpv6' : 'CidrIp']: world },
    },
  };
}

export function egressStep(
  id: Step<'authorize-egress'>['id'],
  group: GroupRef,
  rule: RuleSpec,
): Step<'authorize-egress'> {
  return {
    id,
    kind: 'authorize-egress',
    mutating: true,
    group,
    rule,
    title: msg('Allow outbound {0} from {1}', ruleText(rule), groupRefLabel(group)),
    apiCall: {
      action: 'ec2:AuthorizeSecurityGroupEgress',
      params: { GroupId: groupIdText(group), ...ruleParams(rule) },
    },
  };
}

export function ingressStep(group: GroupRef, rule: RuleSpec): Step<'authorize-ingress'> {
  return {
    id: 'authorize-db-ingress',
    kind: 'authorize-ingress',
    mutating: true,
    group,
    rule,
    title: msg('Allow inbound {0} to {1}', ruleText(rule), groupRefLabel(group)),
    apiCall: {
      action: 'ec2:AuthorizeSecurityGroupIngress',
      params: { GroupId: groupIdText(group), ...ruleParams(rule) },
    },
  };
}

export function createConnectorStep(
  connectorName: string,
  subnetIds: string[],
  group: GroupRef,
): Step<'create-connector'> {
  const tags = { [MANAGED_BY_TAG.key]: MANAGED_BY_TAG.value };
  return {
    id: 'create-connector',
    kind: 'create-connector',
    mutating: true,
    connectorName,
    subnetIds,
    securityGroups: [group],
    tags,
    title: msg('Create VPC connector {0} over {1} with {2}', connectorName, subnetIds.join(', '), groupRefLabel(group)),
    apiCall: {
      action: 'apprunner:CreateVpcConnector',
      params: {
        VpcConnectorName: connectorName,
        Subnets: subnetIds,
        SecurityGroups: [groupIdText(group)],
      },
    },
  };
}

export function attachStep(
  service: ServiceRef,
  connectorName: string,
  vpcConnectorArn?: string,
): Step<'attach-connector'> {
  return {
    id: 'attach-connector',
    kind: 'attach-connector',
    mutating: true,
    service,
    connectorName,
    vpcConnectorArn,
    title: msg(
      'Attach {0} to {1} (VPC egress; other settings unchanged; redeploys the service)',
      connectorName,
      service.name,
    ),
    apiCall: {
      action: 'apprunner:UpdateService',
      params: {
        ServiceArn: service.arn,
        'NetworkConfiguration.EgressConfiguration.EgressType': 'VPC',
        'NetworkConfiguration.EgressConfiguration.VpcConnectorArn': vpcConnectorArn ?? `<arn of ${connectorName}>`,
      },
    },
  };
}

export function waitStep(service: ServiceRef): Step<'wait-for-service'> {
  return {
    id: 'wait-for-service',
    kind: 'wait-for-service',
    mutating: false,
    service,
    title: msg('Wait for {0} to finish deploying and be RUNNING', service.name),
    apiCall: { action: 'apprunner:DescribeService', params: { ServiceArn: service.arn } },
  };
}

export function healthStep(
  id: 'check-health' | 'check-db-health',
  service: ServiceRef,
  path: string,
  blockedBy?: Localized,
): Step<'check-health'> {
  const db = id === 'check-db-health';
  return {
    id,
    kind: 'check-health',
    mutating: false,
    service,
    path,
    expectDatabase: db,
    ...(blockedBy ? { blockedBy } : {}),
    title: db ? msg('Check the database connection: GET {0}', path) : msg('Check the service health: GET {0}', path),
    apiCall: { action: 'https:GET', params: { Path: path } },
  };
}

export function detachStep(service: ServiceRef): Step<'detach-connector'> {
  return {
    id: 'detach-connector',
    kind: 'detach-connector',
    mutating: true,
    service,
    title: msg('Detach the VPC connector from {0} (back to DEFAULT egress; redeploys the service)', service.name),
    apiCall: {
      action: 'apprunner:UpdateService',
      params: { ServiceArn: service.arn, 'NetworkConfiguration.EgressConfiguration.EgressType': 'DEFAULT' },
    },
  };
}

export function deleteConnectorStep(connectorName: string, connectorArn: string): Step<'delete-connector'> {
  return {
    id: 'delete-connector',
    kind: 'delete-connector',
    mutating: true,
    connectorName,
    connectorArn,
    title: msg('Delete VPC connector {0} (no service uses it)', connectorName),
    apiCall: { action: 'apprunner:DeleteVpcConnector', params: { VpcConnectorArn: connectorArn } },
  };
}

export function vpcDnsStep(vpcId: string, attribute: VpcDnsAttribute): Step<'enable-vpc-attribute'> {
  const support = attribute === 'enableDnsSupport';
  return {
    id: support ? 'enable-dns-support' : 'enable-dns-hostnames',
    kind: 'enable-vpc-attribute',
    mutating: true,
    vpcId,
    attribute,
    title: support
      ? msg('Turn on DNS resolution (enableDnsSupport) in {0}', vpcId)
      : msg('Turn on DNS host names (enableDnsHostnames) in {0}', vpcId),
    apiCall: {
      action: 'ec2:ModifyVpcAttribute',
      params: { VpcId: vpcId, [`${attribute.charAt(0).toUpperCase()}${attribute.slice(1)}.Value`]: 'true' },
    },
  };
}
