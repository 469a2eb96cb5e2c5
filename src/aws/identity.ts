// Who the credentials belong to: the cheapest call that proves credentials work (STS needs no permissions).
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsClients } from './clients';

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export async function getCallerIdentity(clients: Pick<AwsClients, 'sts'>): Promise<CallerIdentity> {
  const out = await clients.sts.send(new GetCallerIdentityCommand({}));
  return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
}
