// What a seed created, so tests, `npm start` and GET /_sandbox/seed can find the runbook's resources.
export type SeedName = 'runbook' | 'empty' | 'scale' | DbSeedName;

/** The database- and service-shaped seeds (sandbox/seed/dbSeeds.ts). */
export const DB_SEED_NAMES = ['aurora-proxy', 'mysql', 'secrets', 'private-service'] as const;
export type DbSeedName = (typeof DB_SEED_NAMES)[number];

export interface SeedInfo {
  seed: SeedName;
  region: string;
  vpcId?: string;
  internetGatewayId?: string;
  publicSubnetId?: string;
  natGatewayId?: string;
  /** Private subnets in ap-northeast-1a, 1c and 1d (in that order). */
  privateSubnetIds: string[];
  sgRdsId?: string;
  dbSubnetGroupName?: string;
  dbInstanceIdentifier?: string;
  dbEndpoint?: string;
  dbPort?: number;
  serviceName?: string;
  serviceArn?: string;
  serviceId?: string;
  /** Scale seed only. */
  extraServiceArns?: string[];
  connectorArns?: string[];
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
  /** private-service: the App Runner interface endpoint, its group, and the VPC ingress connection. */
  vpcEndpointId?: string;
  sgEndpointId?: string;
  ingressConnectionArn?: string;
}
