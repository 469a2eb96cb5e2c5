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
import { classifyAwsError } from '../../model/common/awsError';
import { AdaptiveConcurrency } from '../../model/common/adaptiveConcurrency';
import { treeOrder } from '../../model/topology/serviceOrder';
import { collectPages, mapAdaptive, tagMap } from './pool';

const isThrottle = (error: unknown): boolean => classifyAwsError(error).kind === 'throttled';

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
  return (await describeServiceCounted(client, arn, withOperation)).service;
}

/** describeService, with whether the SDK had to try a call more than once (AWS pushing back). */
async function describeServiceCounted(
  client: AppRunnerClient,
  arn: string,
  withOperation = true,
): Promise<{ service: AppRunnerService; retried: boolean }> {
  const out = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
  if (!out.Service) throw new Error(`DescribeService returned no service for ${arn}`);
  const service = serviceFromDetails(out.Service);
  let retried = (out.$metadata.attempts ?? 1) > 1;
  if (withOperation && service.status === 'OPERATION_IN_PROGRESS') {
    const ops = await client.send(new ListOperationsCommand({ ServiceArn: arn, MaxResults: 1 }));
    retried ||= (ops.$metadata.attempts ?? 1) > 1;
    const latest = ops.OperationSummaryList?.[0];
    if (latest) service.lastOperation = operationFrom(latest);
  }
  return { service, retried };
}

/**
 * Details for every service, in the order the tree lists them (the rows a person sees first are filled
 * first), calling `onEach` as each answers so views can paint early. At most `concurrency` calls in flight,
 * fewer while App Runner throttles (AdaptiveConcurrency): a throttled service is asked again, not lost.
 */
export async function describeServices(
  client: AppRunnerClient,
  summaries: AppRunnerService[],
  concurrency: number,
  onEach: (index: number, s: AppRunnerService) => void,
): Promise<AppRunnerService[]> {
  const order = treeOrder(summaries);
  const read = await mapAdaptive(
    order,
    new AdaptiveConcurrency({ max: concurrency }),
    async (index) => {
      const details = await describeServiceCounted(client, summaries[index].arn);
      onEach(index, details.service);
      return details;
    },
    { isThrottle, congested: (r) => r.retried },
  );
  const out: AppRunnerService[] = new Array<AppRunnerService>(summaries.length);
  order.forEach((index, i) => (out[index] = read[i].service));
  return out;
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
  return mapAdaptive(
    connectors,
    new AdaptiveConcurrency({ max: concurrency }),
    async (c) => {
      if (c.status !== 'ACTIVE') return c;
      const out = await client.send(new ListTagsForResourceCommand({ ResourceArn: c.arn }));
      return { ...c, tags: tagMap(out.Tags) };
    },
    { isThrottle },
  );
}
