// `mysql`: a MySQL instance on 3306 whose security groups are two: its own (`sg-mysql`) and one shared
// with other tenants (`sg-shared`, also on an EC2 instance of another team, with a 3306 rule for that
// team's peered network). The service's DATABASE_URL is `mysql://...:3306/...`; nothing allows 3306 from
// App Runner yet. Catches: a hard-coded 5432, and a setup that edits the shared group instead of the DB's own.
import { AuthorizeSecurityGroupIngressCommand, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand } from '@aws-sdk/client-rds';
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { dbSubnetGroup, nameTag, runningService, securityGroup, seedPassword, seedWithNetwork } from './seedParts';
import type { SeedInfo } from './seedInfo';

/** Another team's peered VPC, allowed into the shared group on 3306 (covers none of our subnets). */
export const OTHER_TENANT_CIDR = '10.50.0.0/16';

export async function seedMysql(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const { ec2, rds } = clients;
  const { info, net } = await seedWithNetwork(ec2, 'mysql', 'kyudai-mysql');
  info.sgRdsId = await securityGroup(ec2, net.vpcId, 'kyudai-mysql-db', 'sg-mysql', 'MySQL for kyudai-api');
  info.sgSharedId = await securityGroup(
    ec2,
    net.vpcId,
    'shared-tenants',
    'sg-shared',
    'Shared by the tenants of this VPC',
  );
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: info.sgSharedId,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 3306,
          ToPort: 3306,
          IpRanges: [{ CidrIp: OTHER_TENANT_CIDR, Description: 'tenant-b reporting VPC (peered)' }],
        },
      ],
    }),
  );
  const worker = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: 't3.micro',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: net.privateSubnetIds[1],
      SecurityGroupIds: [info.sgSharedId],
      TagSpecifications: nameTag('instance', 'tenant-b-worker'),
    }),
  );
  info.sharedInstanceId = worker.Instances?.[0]?.InstanceId ?? '';
  info.dbSubnetGroupName = await dbSubnetGroup(rds, 'kyudai-mysql-subnet-group', net.privateSubnetIds);
  const db = await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'kyudai-mysql',
      Engine: 'mysql',
      EngineVersion: '8.0.35',
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'app',
      MasterUserPassword: seedPassword(),
      DBName: 'kyudai',
      Port: 3306,
      DBSubnetGroupName: info.dbSubnetGroupName,
      VpcSecurityGroupIds: [info.sgRdsId, info.sgSharedId],
      PubliclyAccessible: false,
    }),
  );
  info.dbInstanceIdentifier = 'kyudai-mysql';
  info.dbEndpoint = db.DBInstance?.Endpoint?.Address ?? '';
  info.dbPort = db.DBInstance?.Endpoint?.Port ?? 3306;
  const service = await runningService(ctx, 'kyudai-api', {
    image: {
      RuntimeEnvironmentVariables: { DATABASE_URL: `mysql://app:placeholder@${info.dbEndpoint}:${info.dbPort}/kyudai` },
    },
  });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  return info;
}
