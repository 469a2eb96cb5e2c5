// The App Runner calls the engine makes: re-reads (service, latest operation, connectors by name) and the
// writes (create/delete connector, UpdateService changing only the egress).
import {
  CreateVpcConnectorCommand,
  DeleteVpcConnectorCommand,
  DescribeServiceCommand,
  DescribeVpcConnectorCommand,
  ListOperationsCommand,
  UpdateServiceCommand,
  type AppRunnerClient,
  type EgressConfiguration,
} from '@aws-sdk/client-apprunner';
import { connectorFrom, operationFrom } from './load/appRunnerMapping';
import { describeService, listConnectors } from './load/services';
import type { AppRunnerService, ServiceOperation, VpcConnector } from '../model/topology/topology';

export { describeService, listConnectors };

export async function latestOperation(
  client: AppRunnerClient,
  serviceArn: string,
): Promise<ServiceOperation | undefined> {
  const out = await client.send(new ListOperationsCommand({ ServiceArn: serviceArn, MaxResults: 1 }));
  const latest = out.OperationSummaryList?.[0];
  return latest ? operationFrom(latest) : undefined;
}

export async function activeConnectorNamed(client: AppRunnerClient, name: string): Promise<VpcConnector | undefined> {
  return (await listConnectors(client)).find((c) => c.name === name && c.status === 'ACTIVE');
}

export async function describeConnector(client: AppRunnerClient, arn: string): Promise<VpcConnector | undefined> {
  const out = await client.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: arn }));
  return out.VpcConnector ? connectorFrom(out.VpcConnector) : undefined;
}

export async function createConnector(
  client: AppRunnerClient,
  name: string,
  subnetIds: string[],
  groupIds: string[],
  tags: Record<string, string>,
): Promise<VpcConnector> {
  const out = await client.send(
    new CreateVpcConnectorCommand({
      VpcConnectorName: name,
      Subnets: subnetIds,
      SecurityGroups: groupIds,
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  if (!out.VpcConnector) throw new Error('CreateVpcConnector returned no connector');
  return connectorFrom(out.VpcConnector);
}

export async function deleteConnector(client: AppRunnerClient, arn: string): Promise<void> {
  await client.send(new DeleteVpcConnectorCommand({ VpcConnectorArn: arn }));
}

/**
 * Change only the service's egress. The ingress setting and IP address type are re-read and sent back as
 * they are, so nothing else about the service changes. Returns the operation id App Runner started.
 */
export async function updateEgress(
  client: AppRunnerClient,
  serviceArn: string,
  egress: EgressConfiguration,
): Promise<string | undefined> {
  const current = await client.send(new DescribeServiceCommand({ ServiceArn: serviceArn }));
  const network = current.Service?.NetworkConfiguration;
  const out = await client.send(
    new UpdateServiceCommand({
      ServiceArn: serviceArn,
      NetworkConfiguration: {
        EgressConfiguration: egress,
        IngressConfiguration: network?.IngressConfiguration,
        IpAddressType: network?.IpAddressType,
      },
    }),
  );
  return out.OperationId;
}

export type { AppRunnerService };
