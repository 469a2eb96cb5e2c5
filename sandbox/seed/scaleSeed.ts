// The runbook world plus many services and connectors, for benchmarks and pagination: services
// `scale-svc-0001`.. (every third attached to a connector) and connectors `scale-conn-001`..
import type { EmulatorContext } from '../apprunner/context';
import { addConnector } from '../apprunner/connectors';
import { newServiceConfig } from '../apprunner/serviceConfig';
import { addService } from '../apprunner/services';
import type { MotoClients } from '../motoClients';
import { seedRunbook, SEED_REGION } from './runbookSeed';
import type { SeedInfo } from './seedInfo';

export async function seedScale(ctx: EmulatorContext, clients: MotoClients, services: number, connectors: number): Promise<SeedInfo> {
  const info = await seedRunbook(ctx, clients);
  info.seed = 'scale';
  // Room for the seeded resources and a few more created by hand.
  ctx.settings.serviceQuota = Math.max(ctx.settings.serviceQuota, services + 10);
  ctx.settings.connectorQuota = Math.max(ctx.settings.connectorQuota, connectors + 10);
  info.connectorArns = [];
  for (let i = 1; i <= connectors; i++) {
    const c = await addConnector(ctx, SEED_REGION, {
      name: `scale-conn-${String(i).padStart(3, '0')}`,
      subnets: info.privateSubnetIds.slice(0, 2),
      securityGroups: [info.sgRdsId ?? ''],
    });
    info.connectorArns.push(c.arn);
  }
  info.extraServiceArns = [];
  for (let i = 1; i <= services; i++) {
    const attached = connectors > 0 && i % 3 === 0 ? info.connectorArns[(i / 3) % connectors] : undefined;
    const config = newServiceConfig(ctx, SEED_REGION, {
      SourceConfiguration: {
        ImageRepository: { ImageIdentifier: 'public.ecr.aws/aws-containers/hello-app-runner:latest', ImageRepositoryType: 'ECR_PUBLIC' },
      },
      NetworkConfiguration: attached ? { EgressConfiguration: { EgressType: 'VPC', VpcConnectorArn: attached } } : undefined,
    });
    info.extraServiceArns.push(addService(ctx, SEED_REGION, `scale-svc-${String(i).padStart(4, '0')}`, config).arn);
  }
  return info;
}
