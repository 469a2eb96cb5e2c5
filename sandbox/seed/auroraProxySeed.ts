// `aurora-proxy`: an Aurora PostgreSQL cluster (writer and reader endpoints, a writer and a reader
// instance) in `sg-aurora`, and an RDS Proxy in `sg-rds-proxy` in front of it (the cluster's group allows
// 5432 from the proxy's group; the proxy authenticates with a Secrets Manager secret). `kyudai-api`'s
// DATABASE_URL names the proxy endpoint, `kyudai-batch`'s the cluster's writer endpoint. Catches: rules
// aimed at the cluster when the app talks to the proxy (and the reverse), and instance-only DB lookups.
import { AuthorizeSecurityGroupIngressCommand } from '@aws-sdk/client-ec2';
import {
  CreateDBClusterCommand,
  CreateDBInstanceCommand,
  CreateDBProxyCommand,
  RegisterDBProxyTargetsCommand,
} from '@aws-sdk/client-rds';
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { dbSubnetGroup, runningService, securityGroup, seedPassword, seedWithNetwork } from './seedParts';
import type { SeedInfo } from './seedInfo';

export const PROXY_ROLE_ARN = 'arn:aws:iam::123456789012:role/kyudai-rds-proxy';

export async function seedAuroraProxy(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const { ec2, rds, secrets } = clients;
  const { info, net } = await seedWithNetwork(ec2, 'aurora-proxy', 'kyudai-aurora');
  info.sgRdsId = await securityGroup(
    ec2,
    net.vpcId,
    'kyudai-aurora-cluster',
    'sg-aurora',
    'Aurora PostgreSQL cluster kyudai-aurora',
  );
  info.sgProxyId = await securityGroup(ec2, net.vpcId, 'kyudai-rds-proxy', 'sg-rds-proxy', 'RDS Proxy kyudai-proxy');
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: info.sgRdsId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: info.sgProxyId }] },
      ],
    }),
  );
  info.dbSubnetGroupName = await dbSubnetGroup(rds, 'kyudai-aurora-subnet-group', net.privateSubnetIds);
  const password = seedPassword();
  const cluster = await rds.send(
    new CreateDBClusterCommand({
      DBClusterIdentifier: 'kyudai-aurora',
      Engine: 'aurora-postgresql',
      EngineVersion: '15.4',
      MasterUsername: 'app',
      MasterUserPassword: password,
      DatabaseName: 'kyudai',
      Port: 5432,
      DBSubnetGroupName: info.dbSubnetGroupName,
      VpcSecurityGroupIds: [info.sgRdsId],
    }),
  );
  info.dbClusterIdentifier = 'kyudai-aurora';
  info.dbClusterEndpoint = cluster.DBCluster?.Endpoint ?? '';
  info.dbClusterReaderEndpoint = cluster.DBCluster?.ReaderEndpoint ?? '';
  info.dbPort = 5432;
  info.dbInstanceIdentifiers = ['kyudai-aurora-1', 'kyudai-aurora-2'];
  for (const id of info.dbInstanceIdentifiers) {
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: id,
        DBClusterIdentifier: 'kyudai-aurora',
        Engine: 'aurora-postgresql',
        DBInstanceClass: 'db.r6g.large',
        // No DBSubnetGroupName: an Aurora instance takes its cluster's (the front reports it as RDS does).
        PubliclyAccessible: false,
      }),
    );
  }
  // The proxy logs in with the cluster's credentials from Secrets Manager, as RDS Proxy requires.
  info.secretName = 'kyudai/aurora/app';
  info.secretArn = (
    await secrets.call<{ ARN: string }>('CreateSecret', {
      Name: info.secretName,
      SecretString: JSON.stringify({ username: 'app', password }),
    })
  ).ARN;
  const proxy = await rds.send(
    new CreateDBProxyCommand({
      DBProxyName: 'kyudai-proxy',
      EngineFamily: 'POSTGRESQL',
      Auth: [{ AuthScheme: 'SECRETS', SecretArn: info.secretArn, IAMAuth: 'DISABLED' }],
      RoleArn: PROXY_ROLE_ARN,
      VpcSubnetIds: net.privateSubnetIds,
      VpcSecurityGroupIds: [info.sgProxyId],
      RequireTLS: true,
    }),
  );
  info.dbProxyName = 'kyudai-proxy';
  info.dbProxyEndpoint = proxy.DBProxy?.Endpoint ?? '';
  await rds.send(
    new RegisterDBProxyTargetsCommand({ DBProxyName: 'kyudai-proxy', DBClusterIdentifiers: ['kyudai-aurora'] }),
  );
  info.dbEndpoint = info.dbProxyEndpoint;
  const api = await runningService(ctx, 'kyudai-api', {
    image: {
      RuntimeEnvironmentVariables: { DATABASE_URL: `postgresql://app:placeholder@${info.dbProxyEndpoint}:5432/kyudai` },
    },
  });
  Object.assign(info, { serviceName: api.name, serviceArn: api.arn, serviceId: api.id });
  const batch = await runningService(ctx, 'kyudai-batch', {
    image: {
      RuntimeEnvironmentVariables: {
        DATABASE_URL: `postgresql://app:placeholder@${info.dbClusterEndpoint}:5432/kyudai`,
      },
    },
  });
  Object.assign(info, { secondServiceName: batch.name, secondServiceArn: batch.arn, secondServiceId: batch.id });
  return info;
}
