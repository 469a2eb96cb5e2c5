// What a seed created, so tests, `npm start` and GET /_sandbox/seed can find the runbook's resources.
/** A seed's name as `--seed` takes it; the known names are in registry.ts. */
export type SeedName = string;

export interface SeedInfo {
  seed: SeedName;
  region: string;
  vpcId?: string;
  internetGatewayId?: string;
  publicSubnetId?: string;
  natGatewayId?: string;
  /**
   * Where a connector belongs: private subnets with a route to a NAT gateway (runbook: 1a, 1c and 1d, in
   * that order; cdk-default: the private-with-egress subnets; tf-module: the `private` subnets).
   */
  privateSubnetIds: string[];
  /** The DB's security group (whatever its GroupName; the runbook calls it sg-rds). */
  sgRdsId?: string;
  dbSubnetGroupName?: string;
  dbInstanceIdentifier?: string;
  dbEndpoint?: string;
  dbPort?: number;
  serviceName?: string;
  serviceArn?: string;
  serviceId?: string;
  /**
   * Secret values the seed stored (database passwords, passwords inside a DATABASE_URL, Secrets Manager
   * values): no output or log of the tools may show them, and the reliability suite looks for each.
   */
  secretValues?: string[];
  /** Scale seed only. */
  extraServiceArns?: string[];
  connectorArns?: string[];
  /** Network-shaped seeds: every public subnet (routed to the internet gateway). */
  publicSubnetIds?: string[];
  /** Subnets without a default route (cdk-default's isolated, tf-module's `database`). */
  isolatedSubnetIds?: string[];
  natGatewayIds?: string[];
  /** A connector the seed created and what uses it (shared-default, iac-managed, brownfield). */
  connectorArn?: string;
  /** The App Runner security group the seed created (iac-managed, brownfield, dual-stack's allow-all group). */
  appRunnerGroupId?: string;
  /** The VPC's `default` security group (shared-default). */
  defaultGroupId?: string;
  /** Other network interfaces in the seed (shared-default: the EC2 instance's and the Lambda-style ENI). */
  instanceId?: string;
  networkInterfaceIds?: string[];
  /** dual-stack: the VPC's Amazon-provided IPv6 block. */
  ipv6CidrBlock?: string;
  /** aurora-proxy: the cluster (writer and reader endpoints, two instances) and the RDS Proxy in front of it. */
  dbClusterIdentifier?: string;
  dbClusterEndpoint?: string;
  dbClusterReaderEndpoint?: string;
  dbInstanceIdentifiers?: string[];
  dbProxyName?: string;
  dbProxyEndpoint?: string;
  /** The proxy's own security group (sgRdsId is the cluster's). */
  sgProxyId?: string;
  /** aurora-proxy: the second service, whose DATABASE_URL names the cluster's writer endpoint. */
  secondServiceName?: string;
  secondServiceArn?: string;
  secondServiceId?: string;
  /** mysql: the DB's second group, shared with other tenants (an EC2 instance uses it too). */
  sgSharedId?: string;
  sharedInstanceId?: string;
  /** secrets: the Secrets Manager secret holding DATABASE_URL (aurora-proxy: the proxy's credentials). */
  secretArn?: string;
  secretName?: string;
  /**
   * db-names: the services by the way they name ledger-db (the seed's `sgRdsId`/`dbEndpoint`), and the other
   * database in the region (the runbook's kyudai-db) that none of them means.
   */
  namingServices?: Record<string, { name: string; arn: string; id: string }>;
  otherDbInstanceIdentifier?: string;
  /** nacl-blocker: the network ACL whose rule 50 denies the DB port. */
  blockingAclId?: string;
  /** private-names: the Route 53 private hosted zone (id without /hostedzone/) and the database on EC2. */
  privateZoneId?: string;
  ec2Database?: { instanceId: string; address: string; groupId: string };
  otherDbGroupId?: string;
  parameterArns?: string[];
  /** private-service: the App Runner interface endpoint, its group, and the VPC ingress connection. */
  vpcEndpointId?: string;
  sgEndpointId?: string;
  ingressConnectionArn?: string;
}
