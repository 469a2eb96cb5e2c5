// "Is this connector still used by another service?" App Runner has no reverse lookup: ListServices returns
// summaries without network configuration, so the answer needs DescribeService per service. Asked only when
// a decision reaches it (deleting a connector), and the walk stops at the first user found
// (docs/performance.md, "Read set per command").
import { DescribeServiceCommand, ListServicesCommand, type AppRunnerClient } from '@aws-sdk/client-apprunner';
import type { ScopedAnswer } from '../model/topology/topology';
import { mapBounded } from './load/pool';

export async function findConnectorUsers(
  client: AppRunnerClient,
  connectorArn: string,
  exceptServiceArn?: string,
  concurrency = 5,
): Promise<ScopedAnswer> {
  const users: ScopedAnswer['users'] = [];
  let servicesRead = 0;
  let token: string | undefined;
  do {
    const page = await client.send(new ListServicesCommand({ MaxResults: 20, NextToken: token }));
    token = page.NextToken;
    const arns = (page.ServiceSummaryList ?? [])
      .map((s) => s.ServiceArn ?? '')
      .filter((arn) => arn !== '' && arn !== exceptServiceArn);
    await mapBounded(arns, concurrency, async (arn) => {
      // Calls not yet sent once a user is known are skipped: the answer is "in use", whoever else is.
      if (users.length > 0) return;
      servicesRead += 1;
      const out = await client.send(new DescribeServiceCommand({ ServiceArn: arn }));
      const egress = out.Service?.NetworkConfiguration?.EgressConfiguration;
      if (egress?.EgressType === 'VPC' && egress.VpcConnectorArn === connectorArn)
        users.push({ name: out.Service?.ServiceName ?? arn, arn });
    });
  } while (token && users.length === 0);
  return { users, servicesRead };
}
