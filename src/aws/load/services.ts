// App Runner services and connectors: list all pages at the API maxima, then DescribeService per service
// with bounded concurrency; the latest operation only for services with one in progress.
import {
  DescribeServiceCommand,
  ListOperationsCommand,
  ListTagsForResourceCommand,
  paginateListServices,
  paginateListVpcConnectors,
  type AppRunnerClient,
} from '@aws-sdk/client-apprunner';
import type { AppRunnerService, VpcConnector } from '../../model/topology/topology';
import { connectorFrom, operationFrom, serviceFromDetails, serviceFromSummary } from './appRunnerMapping';
import { collectPages, mapBounded, tagMap } from './pool';

export async function listServiceSummaries(client: AppRunnerClient): Promise<AppRunnerService[]> {
  const summaries = await collectPages(paginateListServices({ client, pageSize: 20 }, {}), (p) => p.ServiceSummaryList);
  return summaries.map(serviceFromSummary);
}

/** DescribeService, plus the latest operation when one is in progress (unless `withOperation` is false). */
export async function describeService(
  client: AppRunnerClient,
  arn: string,
  withOperation = true,
): Promise<AppRunnerService> {
  const out = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
  if (!out.Service) throw new Error(`DescribeService returned no service for ${arn}`);
  const service = serviceFromDetails(out.Service);
  if (withOperation && service.status === 'OPERATION_IN_PROGRESS') {
    const ops = await client.send(new ListOperationsCommand({ ServiceArn: arn, MaxResults: 1 }));
    const latest = ops.OperationSummaryList?.[0];
    if (latest) service.lastOperation = operationFrom(latest);
  }
  return service;
}

/** Details for every service, calling `onEach` as each answers so views can paint early. */
export async function describeServices(
  client: AppRunnerClient,
  summaries: AppRunnerService[],
  concurrency: number,
  onEach: (index: number, s: AppRunnerService) => void,
): Promise<AppRunnerService[]> {
  return mapBounded(summaries, concurrency, async (summary, index) => {
    const details = await describeService(client, summary.arn);
    onEach(index, details);
    return details;
  });
}

/** All connectors, INACTIVE ones included (their status marks them), at the API maximum page size. */
export async function listConnectors(client: AppRunnerClient): Promise<VpcConnector[]> {
  const items = await collectPages(paginateListVpcConnectors({ client, pageSize: 100 }, {}), (p) => p.VpcConnectors);
  return items.map(connectorFrom);
}

/**
 * Tags of the ACTIVE connectors (App Runner's list omits them; there is no batch call), with bounded
 * concurrency: a connector CloudFormation or Terraform tagged is never deleted by a plan.
 */
export async function withConnectorTags(
  client: AppRunnerClient,
  connectors: VpcConnector[],
  concurrency = 5,
): Promise<VpcConnector[]> {
  return mapBounded(connectors, concurrency, async (c) => {
    if (c.status !== 'ACTIVE') return c;
    const out = await client.send(new ListTagsForResourceCommand({ ResourceArn: c.arn }));
    return { ...c, tags: tagMap(out.Tags) };
  });
}
