// `secrets`: the runbook's layout, but `kyudai-api` gets DATABASE_URL from Secrets Manager through
// RuntimeEnvironmentSecrets (the secret `kyudai/database-url` holds the whole URL, with a real, random
// password), not from a plain environment variable, and reads it with an instance role. Catches: a tool
// that finds the DB only in RuntimeEnvironmentVariables, and any output that would show the password.
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { runbookDatabase, runningService, seedPassword, seedWithNetwork } from './seedParts';
import type { SeedInfo } from './seedInfo';

export const INSTANCE_ROLE_ARN = 'arn:aws:iam::123456789012:role/kyudai-api-instance';

export async function seedSecrets(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const { ec2, secrets } = clients;
  const { info } = await seedWithNetwork(ec2, 'secrets', 'kyudai-secrets');
  const password = seedPassword();
  await runbookDatabase(clients, info, password);
  // Scanned for by the test layers (never in any output, log or file).
  info.secretValues = [password, `postgresql://app:${password}@${info.dbEndpoint}:5432/kyudai`];
  info.secretName = 'kyudai/database-url';
  const secret = await secrets.call<{ ARN: string }>('CreateSecret', {
    Name: info.secretName,
    Description: 'DATABASE_URL of kyudai-api',
    SecretString: `postgresql://app:${password}@${info.dbEndpoint}:5432/kyudai`,
  });
  info.secretArn = secret.ARN;
  const service = await runningService(ctx, 'kyudai-api', {
    image: {
      RuntimeEnvironmentVariables: { APP_ENV: 'production' },
      RuntimeEnvironmentSecrets: { DATABASE_URL: secret.ARN },
    },
    instance: { InstanceRoleArn: INSTANCE_ROLE_ARN },
  });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  return info;
}
