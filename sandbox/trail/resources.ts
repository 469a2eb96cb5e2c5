// Which resources a write call names, as LookupEvents' `Resources` lists them (type + name): the ids in the
// request (the group a rule is added to, the tagged resources, the service or connector ARN) and, for
// creations, the id or ARN in the answer. Groups a rule merely references (UserIdGroupPairs) are not the
// call's resources: the call does not change them.

export interface TrailResource {
  ResourceType: string;
  ResourceName: string;
}

const EC2_PREFIXES: [RegExp, string][] = [
  [/^sg-/, 'AWS::EC2::SecurityGroup'],
  [/^subnet-/, 'AWS::EC2::Subnet'],
  [/^vpc-/, 'AWS::EC2::VPC'],
  [/^eni-/, 'AWS::EC2::NetworkInterface'],
  [/^i-/, 'AWS::EC2::Instance'],
  [/^rtb-/, 'AWS::EC2::RouteTable'],
  [/^nat-/, 'AWS::EC2::NatGateway'],
  [/^igw-/, 'AWS::EC2::InternetGateway'],
  [/^eigw-/, 'AWS::EC2::EgressOnlyInternetGateway'],
  [/^acl-/, 'AWS::EC2::NetworkAcl'],
  [/^vpce-/, 'AWS::EC2::VPCEndpoint'],
  [/^sgr-/, 'AWS::EC2::SecurityGroupRule'],
];

/** The CloudTrail resource type of an EC2 id, by its prefix. */
export function ec2TypeOf(id: string): string | undefined {
  return EC2_PREFIXES.find(([p]) => p.test(id))?.[1];
}

const EC2_ID_KEYS =
  /^(GroupId|VpcId|SubnetId|ResourceId|NetworkInterfaceId|InstanceId|RouteTableId|NatGatewayId|InternetGatewayId|NetworkAclId|VpcEndpointId|SecurityGroupRuleId)(\.\d+)?$/;
/** Ids in an EC2 answer that a creation made (`<groupId>sg-…</groupId>` in CreateSecurityGroup's). */
const EC2_CREATED =
  /<(groupId|vpcId|subnetId|networkInterfaceId|routeTableId|natGatewayId|internetGatewayId|networkAclId|vpcEndpointId)>([a-z]+-[0-9a-f]+)<\//g;

function unique(list: TrailResource[]): TrailResource[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = `${r.ResourceType} ${r.ResourceName}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function ec2Resources(operation: string, params: URLSearchParams, answer: string): TrailResource[] {
  const out: TrailResource[] = [];
  for (const [key, value] of params) {
    if (!EC2_ID_KEYS.test(key)) continue;
    const type = ec2TypeOf(value);
    if (type) out.push({ ResourceType: type, ResourceName: value });
  }
  if (/^Create/.test(operation)) {
    for (const m of answer.matchAll(EC2_CREATED)) {
      const type = ec2TypeOf(m[2] ?? '');
      if (type) out.push({ ResourceType: type, ResourceName: m[2] ?? '' });
    }
  }
  return unique(out);
}

const APPRUNNER_ARN =
  /^arn:aws[\w-]*:apprunner:[^:]+:\d+:(service|vpcconnector|autoscalingconfiguration|observabilityconfiguration|connection|vpcingressconnection)\//;
const APPRUNNER_TYPES: Record<string, string> = {
  service: 'AWS::AppRunner::Service',
  vpcconnector: 'AWS::AppRunner::VpcConnector',
  autoscalingconfiguration: 'AWS::AppRunner::AutoScalingConfiguration',
  observabilityconfiguration: 'AWS::AppRunner::ObservabilityConfiguration',
  connection: 'AWS::AppRunner::Connection',
  vpcingressconnection: 'AWS::AppRunner::VpcIngressConnection',
};
/** The request fields that name the resource an App Runner call acts on. */
const APPRUNNER_TARGET_KEYS = [
  'ServiceArn',
  'VpcConnectorArn',
  'ResourceArn',
  'AutoScalingConfigurationArn',
  'ObservabilityConfigurationArn',
  'VpcIngressConnectionArn',
  'ConnectionArn',
];

function appRunnerResource(arn: unknown): TrailResource | undefined {
  if (typeof arn !== 'string') return undefined;
  const m = APPRUNNER_ARN.exec(arn);
  return m ? { ResourceType: APPRUNNER_TYPES[m[1] ?? ''] ?? 'AWS::AppRunner::Resource', ResourceName: arn } : undefined;
}

export function appRunnerResources(request: Record<string, unknown>, answer: string): TrailResource[] {
  const out: TrailResource[] = [];
  for (const key of APPRUNNER_TARGET_KEYS) {
    const r = appRunnerResource(request[key]);
    if (r) out.push(r);
  }
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(answer || '{}') as Record<string, unknown>;
  } catch {
    // An error page or an empty answer names nothing more.
  }
  // Creations answer with the new resource (Service, VpcConnector, ...): its ARN is the event's resource.
  for (const value of Object.values(parsed)) {
    if (typeof value !== 'object' || value === null) continue;
    for (const key of APPRUNNER_TARGET_KEYS) {
      const r = appRunnerResource((value as Record<string, unknown>)[key]);
      if (r) out.push(r);
    }
  }
  return unique(out);
}

export function rdsResources(params: URLSearchParams): TrailResource[] {
  const out: TrailResource[] = [];
  const kinds: [string, string][] = [
    ['DBInstanceIdentifier', 'AWS::RDS::DBInstance'],
    ['DBClusterIdentifier', 'AWS::RDS::DBCluster'],
    ['DBSubnetGroupName', 'AWS::RDS::DBSubnetGroup'],
    ['DBProxyName', 'AWS::RDS::DBProxy'],
  ];
  for (const [key, type] of kinds) {
    const v = params.get(key);
    if (v) out.push({ ResourceType: type, ResourceName: v });
  }
  return out;
}
