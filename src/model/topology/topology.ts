// The one plain snapshot of an account+region that every view and analysis is a pure function of
// (docs/design.md, 'How data flows'). Loaded by src/aws, never mutated after it is built: a refresh makes a new one.

export type ServiceStatus =
  'CREATE_FAILED' | 'RUNNING' | 'DELETED' | 'DELETE_FAILED' | 'PAUSED' | 'OPERATION_IN_PROGRESS';

export type EgressType = 'DEFAULT' | 'VPC';

export type OperationStatus =
  | 'PENDING'
  | 'IN_PROGRESS'
  | 'FAILED'
  | 'SUCCEEDED'
  | 'ROLLBACK_FAILED'
  | 'ROLLBACK_IN_PROGRESS'
  | 'ROLLBACK_SUCCEEDED';

export interface ServiceOperation {
  id: string;
  type: string; // START_DEPLOYMENT, CREATE_SERVICE, PAUSE_SERVICE, RESUME_SERVICE, DELETE_SERVICE, UPDATE_SERVICE
  status: OperationStatus;
  startedAt?: string; // ISO 8601
  endedAt?: string;
  updatedAt?: string;
}

export interface ServiceSource {
  kind: 'image' | 'code';
  /** Image identifier or repository URL. */
  identifier: string;
  /** For code repositories: REPOSITORY (apprunner.yaml) or API. */
  configurationSource?: 'REPOSITORY' | 'API';
  sourceDirectory?: string;
  branch?: string;
  /** The port the service listens on, when the API configuration says it. */
  port?: string;
  /** Runtime environment variables from the API configuration (not secrets). */
  environment: Record<string, string>;
  /**
   * RuntimeEnvironmentSecrets: variable name to the ARN (or SSM parameter name) App Runner reads the value from.
   * Only the reference: the snapshot never holds a secret's value.
   */
  secrets?: Record<string, string>;
  /**
   * For a code service configured by its repository (REPOSITORY): the linked apprunner.yaml's run.env and
   * run.secrets, which App Runner uses instead of the API's values. Set by whoever has the file (the CLI's
   * working folder, the editor's linked file).
   */
  yaml?: { environment: Record<string, string>; secrets: Record<string, string> };
}

export interface AppRunnerService {
  arn: string;
  name: string;
  id: string;
  url?: string; // host name without scheme, as App Runner returns it
  status: ServiceStatus;
  createdAt?: string;
  updatedAt?: string;
  /** Filled once DescribeService has answered; a summary-only service has `detailsLoaded: false`. */
  detailsLoaded: boolean;
  egressType?: EgressType;
  vpcConnectorArn?: string;
  source?: ServiceSource;
  healthCheckPath?: string;
  /**
   * NetworkConfiguration.IngressConfiguration.IsPubliclyAccessible: false for a private service (reached only
   * through a VPC interface endpoint), whose URL does not answer from a workstation.
   */
  isPubliclyAccessible?: boolean;
  lastOperation?: ServiceOperation;
  /** NetworkConfiguration.IpAddressType: DUAL_STACK services reach the internet over IPv6 too. */
  ipAddressType?: IpAddressType;
}

export type IpAddressType = 'IPV4' | 'DUAL_STACK';

export type ConnectorStatus = 'ACTIVE' | 'INACTIVE';

export interface VpcConnector {
  arn: string;
  name: string;
  revision: number;
  status: ConnectorStatus;
  subnetIds: string[];
  securityGroupIds: string[];
  createdAt?: string;
  deletedAt?: string;
  /** ListTagsForResource, read for ACTIVE connectors: tells a connector CloudFormation or Terraform owns. */
  tags?: Record<string, string>;
}

/**
 * Where a subnet's 0.0.0.0/0 goes. A NAT gateway, a transit gateway or an appliance (instance/ENI) can carry
 * a connector's traffic to the internet; an internet gateway cannot (connector interfaces have no public IP).
 */
export type DefaultRouteKind =
  'nat-gateway' | 'internet-gateway' | 'transit-gateway' | 'network-interface' | 'other' | 'none';

export interface Subnet {
  id: string;
  vpcId: string;
  availabilityZone: string;
  availabilityZoneId?: string;
  cidrBlock: string;
  ipv6CidrBlocks: string[];
  /** No route to an internet gateway in its route table (DESIGN: "private"). */
  isPrivate: boolean;
  /** Target kind of its IPv4 default route (filled by the loader; undefined in hand-made snapshots = not known). */
  defaultRoute?: DefaultRouteKind;
  /** An IPv6-only subnet (EC2's Ipv6Native): App Runner connectors need IPv4 addresses. */
  ipv6Native?: boolean;
  routeTableId?: string;
  networkAclId?: string;
  name?: string;
  tags: Record<string, string>;
}

export interface Route {
  destinationCidr?: string;
  destinationIpv6Cidr?: string;
  destinationPrefixListId?: string;
  natGatewayId?: string;
  gatewayId?: string; // igw-..., local, vgw-...
  transitGatewayId?: string;
  vpcPeeringConnectionId?: string;
  networkInterfaceId?: string;
  instanceId?: string;
  state?: 'active' | 'blackhole';
}

export interface RouteTable {
  id: string;
  vpcId: string;
  isMain: boolean;
  subnetIds: string[];
  routes: Route[];
}

export interface NetworkAclEntry {
  ruleNumber: number;
  egress: boolean;
  protocol: string; // '-1' for all, '6' tcp, '17' udp, ...
  action: 'allow' | 'deny';
  cidrBlock?: string;
  ipv6CidrBlock?: string;
  portFrom?: number;
  portTo?: number;
}

export interface NetworkAcl {
  id: string;
  vpcId: string;
  isDefault: boolean;
  subnetIds: string[];
  entries: NetworkAclEntry[];
}

/** One security group rule, as DescribeSecurityGroupRules reports it. */
export interface SecurityGroupRule {
  id: string; // sgr-...
  groupId: string;
  egress: boolean;
  protocol: string; // 'tcp' | 'udp' | 'icmp' | '-1' (all) | a protocol number
  fromPort: number; // -1 when all
  toPort: number;
  cidrIpv4?: string;
  cidrIpv6?: string;
  prefixListId?: string;
  referencedGroupId?: string;
  description?: string;
}

export interface SecurityGroup {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  tags: Record<string, string>;
  rules: SecurityGroupRule[];
}

export interface Vpc {
  id: string;
  cidrBlock: string;
  enableDnsSupport?: boolean;
  enableDnsHostnames?: boolean;
  name?: string;
}

export interface NatGateway {
  id: string;
  vpcId: string;
  subnetId: string;
  state: string; // available, pending, failed, deleting, deleted
}

export interface InternetGateway {
  id: string;
  vpcIds: string[];
}

/**
 * A network interface using one of the loaded security groups: tells who else a group serves before the plan
 * changes it (App Runner's own interfaces are recognised by their description or requester).
 */
export interface NetworkInterface {
  id: string;
  vpcId: string;
  groupIds: string[];
  interfaceType?: string; // interface, lambda, nat_gateway, vpc_endpoint, ...
  description: string;
  requesterId?: string;
  requesterManaged: boolean;
}

export interface DbInstance {
  id: string; // DBInstanceIdentifier
  arn?: string;
  engine: string;
  status: string; // available, stopped, ...
  endpointAddress?: string;
  port: number;
  vpcId?: string;
  securityGroupIds: string[];
  subnetGroupName?: string;
  subnetIds: string[];
  availabilityZone?: string;
  /** The Aurora cluster this instance is a member of (DBClusterIdentifier). */
  clusterId?: string;
}

/** An Aurora (or Multi-AZ) DB cluster, as DescribeDBClusters reports it. */
export interface DbCluster {
  id: string; // DBClusterIdentifier
  arn?: string;
  engine: string; // aurora-postgresql, aurora-mysql, ...
  status: string;
  /** The writer (cluster) endpoint. */
  endpointAddress?: string;
  readerEndpointAddress?: string;
  customEndpointAddresses: string[];
  port: number;
  vpcId?: string;
  securityGroupIds: string[];
  subnetGroupName?: string;
  /** From the member instances' subnet group (DescribeDBClusters names the group only). */
  subnetIds: string[];
  memberIds: string[];
  writerId?: string;
}

/** What an RDS Proxy forwards to (DescribeDBProxyTargets). */
export interface DbProxyTarget {
  type: string; // RDS_INSTANCE, TRACKED_CLUSTER, RDS_SERVERLESS_ENDPOINT
  /** The DB instance identifier or the DB cluster identifier. */
  id: string;
  endpointAddress?: string;
  port?: number;
}

/** An RDS Proxy, as DescribeDBProxies reports it, with its targets. */
export interface DbProxy {
  name: string; // DBProxyName
  arn?: string;
  engineFamily: string; // POSTGRESQL, MYSQL, SQLSERVER
  status: string;
  endpointAddress?: string;
  vpcId?: string;
  securityGroupIds: string[];
  subnetIds: string[];
  targets: DbProxyTarget[];
}

/**
 * A snapshot read for one service only (docs/performance.md, "Read set per command"): that service, its
 * connector(s), the databases and the VPCs its answer depends on. Other services were NOT read: a connector's
 * absence of users in `services` means nothing; ask `otherUsersOf` (topology/connectorUse).
 */
export interface TopologyScope {
  /** The name or ARN the command was given (absent when the command is about a connector, not a service). */
  service?: string;
  /** Answers to "which other services use this connector", keyed by connector ARN, asked only when needed. */
  connectorUsers: Record<string, ScopedAnswer>;
}

/** Who uses a connector, read by walking every service (ListServices + DescribeService), stopped at the first user. */
export interface ScopedAnswer {
  /** The users found (at most one when stopped early); empty: no service in the region uses it. */
  users: { name: string; arn: string }[];
  /** DescribeService calls the answer cost. */
  servicesRead: number;
}

export interface Topology {
  /** Set when only one service was read; absent for a full snapshot of the region. */
  scope?: TopologyScope;
  /** Which account and region this is, and when it was read. */
  accountId?: string;
  region: string;
  loadedAt: string; // ISO 8601
  services: AppRunnerService[];
  connectors: VpcConnector[];
  vpcs: Vpc[];
  subnets: Subnet[];
  routeTables: RouteTable[];
  networkAcls: NetworkAcl[];
  securityGroups: SecurityGroup[];
  natGateways: NatGateway[];
  internetGateways: InternetGateway[];
  dbInstances: DbInstance[];
  /** Interfaces using the loaded VPCs' security groups (DescribeNetworkInterfaces by group-id). */
  networkInterfaces: NetworkInterface[];
  dbClusters: DbCluster[];
  dbProxies: DbProxy[];
  /** Availability zone ids where App Runner VPC egress is known not to be offered (e.g. use1-az3). */
  unsupportedAzIds: string[];
  /**
   * Route 53 private hosted zones associated with a loaded VPC, with only the records that answer a host name
   * the service reads (read when a variable names a host that is no RDS endpoint).
   */
  privateZones?: PrivateHostedZone[];
  /** Databases on EC2: the network interface whose private address a variable names (read only then). */
  hostedDatabases?: HostedDatabase[];
}

/** A record of a private hosted zone: a CNAME or A/AAAA (values), or an alias to another name. */
export interface ZoneRecord {
  /** Lower case, without the trailing dot. */
  name: string;
  type: string; // CNAME, A, AAAA
  values: string[];
  /** An alias record's target DNS name (lower case, no trailing dot). */
  aliasTarget?: string;
}

export interface PrivateHostedZone {
  id: string;
  /** Lower case, without the trailing dot. */
  name: string;
  /** The VPCs the zone is associated with: only from those does the VPC resolver answer with it. */
  vpcIds: string[];
  records: ZoneRecord[];
}

/**
 * A database listening on an EC2 network interface (self-managed PostgreSQL or MySQL): a variable names its
 * private address; its groups and subnet are the interface's, its port the variable's.
 */
export interface HostedDatabase {
  /** The EC2 instance the interface is attached to, else the interface id. */
  id: string;
  interfaceId: string;
  address: string;
  port: number;
  engine: string;
  vpcId: string;
  subnetId: string;
  availabilityZone?: string;
  securityGroupIds: string[];
  /** The interface's status (in-use, available...). */
  status: string;
}

export function emptyTopology(region: string, loadedAt = new Date(0).toISOString()): Topology {
  return {
    region,
    loadedAt,
    services: [],
    connectors: [],
    vpcs: [],
    subnets: [],
    routeTables: [],
    networkAcls: [],
    securityGroups: [],
    natGateways: [],
    internetGateways: [],
    dbInstances: [],
    networkInterfaces: [],
    dbClusters: [],
    dbProxies: [],
    unsupportedAzIds: [],
  };
}
