// Finding one service: by ARN nothing is listed; by name ListServices is read a page (20, the API maximum) at
// a time and stops at the page that holds the name, so a name early in the list costs one call. App Runner
// has no name filter: a name on the last page of 5,000 services costs 250 sequential pages.
import { ListServicesCommand, type AppRunnerClient } from '@aws-sdk/client-apprunner';
import type { AppRunnerService } from '../../model/topology/topology';
import { serviceFromSummary } from './appRunnerMapping';

/** An App Runner service ARN (arn:<partition>:apprunner:<region>:<account>:service/<name>/<id>). */
export function isServiceArn(value: string): boolean {
  return /^arn:aws[a-z-]*:apprunner:[a-z0-9-]+:\d{12}:service\/[^/]+\/[^/]+$/.test(value);
}

export type ServiceLookup =
  | { found: true; arn: string; pagesRead: number }
  /** Every page was read: the summaries are all the region's services (for the "not found" message). */
  | { found: false; summaries: AppRunnerService[]; pagesRead: number };

export async function lookUpService(client: AppRunnerClient, nameOrArn: string): Promise<ServiceLookup> {
  if (isServiceArn(nameOrArn)) return { found: true, arn: nameOrArn, pagesRead: 0 };
  const summaries: AppRunnerService[] = [];
  let token: string | undefined;
  let pagesRead = 0;
  do {
    const page = await client.send(new ListServicesCommand({ MaxResults: 20, NextToken: token }));
    pagesRead += 1;
    token = page.NextToken;
    const list = (page.ServiceSummaryList ?? []).map(serviceFromSummary);
    const hit = list.find((s) => s.name === nameOrArn);
    if (hit) return { found: true, arn: hit.arn, pagesRead };
    summaries.push(...list);
  } while (token);
  return { found: false, summaries, pagesRead };
}
