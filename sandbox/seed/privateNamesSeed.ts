// `private-names`: two PostgreSQL databases in one VPC (the runbook's kyudai-db, and ledger-db with its own
// group) plus PostgreSQL on an EC2 instance (`pg-on-ec2`, group `sg-pg-ec2`, 10.0.11.40), and a Route 53
// private hosted zone `internal.example` associated with the VPC, whose CNAME `db.internal.example` points at
// ledger-db's endpoint. Two services, as real teams wire them: `kyudai-api` (the seed's service) says DATABASE_URL with the private
// name, `legacy-pg` says PGHOST with the EC2 address. Catches: a tool that knows only RDS endpoint names (it
// sees two databases and stops, or takes the wrong one), and one that resolves a private zone from outside its
// VPCs (on DEFAULT egress the app cannot resolve the name at all, as on AWS).
import { RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand } from '@aws-sdk/client-rds';
import { ChangeResourceRecordSetsCommand, CreateHostedZoneCommand } from '@aws-sdk/client-route-53';
import type { EmulatorContext } from '../apprunner/context';
import type { MotoClients } from '../motoClients';
import { nameTag, runbookDatabase, runningService, securityGroup, seedPassword, seedWithNetwork } from './seedParts';
import type { SeedInfo } from './seedInfo';

export const PRIVATE_ZONE = 'internal.example';
export const PRIVATE_NAME = `db.${PRIVATE_ZONE}`;
export const EC2_DB_ADDRESS = '10.0.11.40';

export async function seedPrivateNames(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const { ec2, rds, route53 } = clients;
  const { info } = await seedWithNetwork(ec2, 'private-names', 'ledger');
  await runbookDatabase(clients, info, seedPassword());
  Object.assign(info, { otherDbInstanceIdentifier: info.dbInstanceIdentifier, otherDbGroupId: info.sgRdsId });
  const vpcId = info.vpcId ?? '';
  const groupId = await securityGroup(ec2, vpcId, 'ledger-db', 'sg-ledger-db', 'Security group for ledger-db');
  const db = await rds.send(
    new CreateDBInstanceCommand({
      DBInstanceIdentifier: 'ledger-db',
      Engine: 'postgres',
      DBInstanceClass: 'db.t3.micro',
      AllocatedStorage: 20,
      MasterUsername: 'ledger',
      MasterUserPassword: seedPassword(),
      DBName: 'ledger',
      Port: 5432,
      DBSubnetGroupName: info.dbSubnetGroupName,
      VpcSecurityGroupIds: [groupId],
      PubliclyAccessible: false,
    }),
  );
  const endpoint = db.DBInstance?.Endpoint?.Address ?? '';
  Object.assign(info, { sgRdsId: groupId, dbInstanceIdentifier: 'ledger-db', dbEndpoint: endpoint, dbPort: 5432 });

  const zone = await route53.send(
    new CreateHostedZoneCommand({
      Name: PRIVATE_ZONE,
      CallerReference: `private-names-${Date.now()}`,
      VPC: { VPCRegion: info.region as never, VPCId: vpcId },
      HostedZoneConfig: { PrivateZone: true, Comment: 'service names of the ledger VPC' },
    }),
  );
  info.privateZoneId = (zone.HostedZone?.Id ?? '').replace(/^\/hostedzone\//, '');
  await route53.send(
    new ChangeResourceRecordSetsCommand({
      HostedZoneId: info.privateZoneId,
      ChangeBatch: {
        Changes: [
          {
            Action: 'CREATE',
            ResourceRecordSet: { Name: PRIVATE_NAME, Type: 'CNAME', TTL: 60, ResourceRecords: [{ Value: endpoint }] },
          },
        ],
      },
    }),
  );

  const ec2GroupId = await securityGroup(ec2, vpcId, 'pg-on-ec2', 'sg-pg-ec2', 'PostgreSQL on EC2');
  const instance = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-12c6146b',
      InstanceType: 't3.medium',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: info.privateSubnetIds[0],
      PrivateIpAddress: EC2_DB_ADDRESS,
      SecurityGroupIds: [ec2GroupId],
      TagSpecifications: nameTag('instance', 'pg-on-ec2'),
    }),
  );
  info.ec2Database = {
    instanceId: instance.Instances?.[0]?.InstanceId ?? '',
    address: EC2_DB_ADDRESS,
    groupId: ec2GroupId,
  };

  const dns = await runningService(ctx, 'kyudai-api', {
    image: { RuntimeEnvironmentVariables: { DATABASE_URL: `postgresql://ledger@${PRIVATE_NAME}:5432/ledger` } },
  });
  const legacy = await runningService(ctx, 'legacy-pg', {
    image: { RuntimeEnvironmentVariables: { PGHOST: EC2_DB_ADDRESS, PGPORT: '5432', PGDATABASE: 'legacy' } },
  });
  info.namingServices = Object.fromEntries(
    Object.entries({ 'private-zone': dns, ec2: legacy }).map(([way, s]) => [
      way,
      { name: s.name, arn: s.arn, id: s.id },
    ]),
  );
  Object.assign(info, { serviceName: dns.name, serviceArn: dns.arn, serviceId: dns.id });
  return info;
}
