// The names a setup uses: the extension settings (docs/design.md, 'Settings') and the CLI flags share these defaults,
// taken from the runbook but never hard-wired elsewhere.
import type { DnsEgress } from './dnsEgress';
import type { SecretUrlResolution } from '../topology/secretUrls';

export interface SetupSettings {
  serviceName: string;
  connectorName: string;
  appRunnerSecurityGroupName: string;
  /** The Name tag the App Runner group gets (and is found by when no group has the GroupName). */
  appRunnerSecurityGroupNameTag: string;
  databaseSecurityGroupName: string;
  databasePort: number;
  healthCheckPath: string;
  dbHealthPath: string;
  /** `runbook`: UDP 53 to 0.0.0.0/0; `vpcResolverOnly`: no 53 rule (the VPC resolver is not filtered). */
  dnsEgress: DnsEgress;
}

export const DEFAULT_SETUP_SETTINGS: Readonly<SetupSettings> = Object.freeze({
  serviceName: 'kyudai-api',
  connectorName: 'campus-sns-vpc-connector',
  // EC2 refuses GroupNames starting with "sg-": the runbook's sg-apprunner is the group's Name tag.
  appRunnerSecurityGroupName: 'apprunner-connector',
  appRunnerSecurityGroupNameTag: 'sg-apprunner',
  databaseSecurityGroupName: 'sg-rds',
  databasePort: 5432,
  healthCheckPath: '/api/v1/health',
  dbHealthPath: '/api/v1/db-health',
  dnsEgress: 'runbook',
});

/** Choices the user makes per run (CLI flags or wizard answers); unset ones are derived from the account. */
export interface SetupChoices {
  /** A DB instance, DB cluster or RDS Proxy identifier. */
  dbInstanceId?: string;
  subnetIds?: string[];
  /** Host and port of database URLs read from the service's secrets, when the user allowed reading them. */
  secretUrls?: SecretUrlResolution;
}

/** Tags put on everything the tool creates (runbook 8.2: tag security groups to manage them). */
export const MANAGED_BY_TAG = { key: 'ManagedBy', value: 'apprunner-vpc' } as const;

export const APPRUNNER_SG_DESCRIPTION = 'Security group for App Runner VPC Connector';
