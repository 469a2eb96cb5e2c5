// What a seed created, so tests, `npm start` and GET /_sandbox/seed can find the runbook's resources.
export type SeedName = 'runbook' | 'empty' | 'scale';

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
  /**
   * Secret values the seed stored (database passwords, passwords inside a DATABASE_URL, Secrets Manager
   * values): no output or log of the tools may show them, and the reliability suite looks for each.
   */
  secretValues?: string[];
  /** Scale seed only. */
  extraServiceArns?: string[];
  connectorArns?: string[];
}
