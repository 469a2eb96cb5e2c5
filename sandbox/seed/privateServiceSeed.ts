// `private-service`: the runbook's layout, but `kyudai-api` is not publicly accessible
// (IngressConfiguration.IsPubliclyAccessible=false): it is reached through an App Runner interface endpoint
// (`com.amazonaws.ap-northeast-1.apprunner.requests`, in `sg-apprunner-vpce`, 443 from the VPC) and an
// AVAILABLE VPC ingress connection. Its URL does not answer from the workstation. Catches: health checks
// that call the URL from outside and report a private service as broken, and ingress/egress mix-ups.
import { AuthorizeSecurityGroupIngressCommand, CreateVpcEndpointCommand } from '@aws-sdk/client-ec2';
import type { EmulatorContext } from '../apprunner/context';
import { createVpcIngressConnection } from '../apprunner/ingressConnections';
import type { MotoClients } from '../motoClients';
import {
  nameTag,
  runbookDatabase,
  runningService,
  securityGroup,
  SEED_REGION,
  seedPassword,
  seedWithNetwork,
} from './seedParts';
import type { SeedInfo } from './seedInfo';

export async function seedPrivateService(ctx: EmulatorContext, clients: MotoClients): Promise<SeedInfo> {
  const { ec2 } = clients;
  const { info, net } = await seedWithNetwork(ec2, 'private-service', 'kyudai-private');
  await runbookDatabase(clients, info, seedPassword());
  info.sgEndpointId = await securityGroup(
    ec2,
    net.vpcId,
    'kyudai-apprunner-vpce',
    'sg-apprunner-vpce',
    'App Runner private endpoint',
  );
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: info.sgEndpointId,
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 443,
          ToPort: 443,
          IpRanges: [{ CidrIp: net.vpcCidr, Description: 'HTTPS from the VPC' }],
        },
      ],
    }),
  );
  const endpoint = await ec2.send(
    new CreateVpcEndpointCommand({
      VpcId: net.vpcId,
      VpcEndpointType: 'Interface',
      ServiceName: `com.amazonaws.${SEED_REGION}.apprunner.requests`,
      SubnetIds: net.privateSubnetIds.slice(0, 2),
      SecurityGroupIds: [info.sgEndpointId],
      PrivateDnsEnabled: false,
      TagSpecifications: nameTag('vpc-endpoint', 'kyudai-apprunner-requests'),
    }),
  );
  info.vpcEndpointId = endpoint.VpcEndpoint?.VpcEndpointId ?? '';
  const service = await runningService(ctx, 'kyudai-api', {
    image: {
      RuntimeEnvironmentVariables: { DATABASE_URL: `postgresql://app:placeholder@${info.dbEndpoint}:5432/kyudai` },
    },
    network: { IngressConfiguration: { IsPubliclyAccessible: false } },
  });
  Object.assign(info, { serviceName: service.name, serviceArn: service.arn, serviceId: service.id });
  const created = await createVpcIngressConnection(ctx, SEED_REGION, {
    ServiceArn: service.arn,
    VpcIngressConnectionName: 'kyudai-api-private',
    IngressVpcConfiguration: { VpcId: net.vpcId, VpcEndpointId: info.vpcEndpointId },
  });
  info.ingressConnectionArn = String(
    (created.VpcIngressConnection as { VpcIngressConnectionArn: string }).VpcIngressConnectionArn,
  );
  // Seeded worlds start settled: the connection is already AVAILABLE (its pending timer then does nothing).
  const record = ctx.store.ingressConnections.get(info.ingressConnectionArn);
  if (record) record.status = 'AVAILABLE';
  return info;
}
