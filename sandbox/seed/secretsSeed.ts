// `secrets`: the runbook's layout, but `kyudai-api` gets DATABASE_URL from Secrets Manager through
// RuntimeEnvironmentSecrets (the secret `kyudai/database-url` holds the whole URL, with a real, random
// password), not from a plain environment variable, and reads it with an instance role. Catches: a tool
// that finds the DB only in RuntimeEnvironmentVariables, and any output that would show the password.
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { dbSubnetGroup, postgresInstance, privateNetwork, recordNetwork, runningService, securityGroup, SEED_REGION, seedPassword } from './seedParts';
import type { SeedInfo } from './seedInfo';

export const INSTANCE_ROLE_ARN = 'arn:aws:iam::123456789012:role/kyudai-api-instance';

export async function seedSecrets(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const { ec2, rds, secrets } = clients;
  const info: SeedInfo = { seed: 'secrets', region: SEED_REGION, privateSubnetIds: [] };
  const net = await privateNetwork(ec2, 'kyudai-secrets', 0);
  recordNetwork(info, net);
  info.sgRdsId = await securityGroup(ec2, net.vpcId, 'kyudai-db', 'sg-rds', 'Security group for RDS PostgreSQL');
  info.dbSubnetGroupName = await dbSubnetGroup(rds, 'kyudai-db-subnet-group', net.privateSubnetIds);
  const password = seedPassword();
  info.dbInstanceIdentifier = 'kyudai-db';
  info.dbEndpoint = await postgresInstance(rds, 'kyudai-db', info.dbSubnetGroupName, [info.sgRdsId], password);
  info.dbPort = 5432;
  info.secretName = 'kyudai/database-url';
  const secret = await secrets.call<{ ARN: string }>('CreateSecret', {
    Name: info.secretName,
    Description: 'DATABASE_URL of kyudai-api',
    SecretString: `postgresql://app:${password}@${info.dbEndpoint}:5432/kyudai`,
  });
  info.secretArn = secret.ARN;
  const service = await runningService(ctx, 'kyudai-api', {
    image: { RuntimeEnvironmentVariables: { APP_ENV: 'production' }, RuntimeEnvironmentSecrets: { DATABASE_URL: secret.ARN } },
    instance: { InstanceRoleArn: INSTANCE_ROLE_ARN },
  });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  return info;
}
