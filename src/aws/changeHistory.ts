// CloudTrail's event history for a resource (runbook 8.2): LookupEvents by ResourceName (a security group's
// or subnet's id, an App Runner ARN), following NextToken up to a cap. LookupEvents allows two calls per
// second per account and region, so pages are spaced and the caller chooses how far back to read.
import { LookupEventsCommand, type Event } from '@aws-sdk/client-cloudtrail';
import type { TrailEventInput } from '../model/ops/changeHistory';
import type { AwsClients } from './clients';

export interface HistoryOptions {
  /** Oldest event to read (default 90 days back, the whole event history). */
  startTime?: Date;
  /** Stop after this many events per resource (default 200). */
  maxEvents?: number;
  /** Pause between pages (default 550 ms: CloudTrail's two lookups per second). */
  pageDelayMs?: number;
}

function toInput(e: Event): TrailEventInput {
  return {
    eventId: e.EventId ?? '',
    eventName: e.EventName ?? '',
    eventTime: e.EventTime?.getTime() ?? 0,
    eventSource: e.EventSource,
    username: e.Username,
    resources: (e.Resources ?? []).map((r) => ({ type: r.ResourceType, name: r.ResourceName })),
    cloudTrailEvent: e.CloudTrailEvent,
  };
}

/** Write events naming one resource, newest first. */
export async function resourceEvents(
  clients: AwsClients,
  resourceName: string,
  options: HistoryOptions = {},
): Promise<{ events: TrailEventInput[]; truncated: boolean }> {
  const max = options.maxEvents ?? 200;
  const events: TrailEventInput[] = [];
  let token: string | undefined;
  do {
    if (token && (options.pageDelayMs ?? 550) > 0) await new Promise((r) => setTimeout(r, options.pageDelayMs ?? 550));
    const page = await clients.cloudTrail.send(
      new LookupEventsCommand({
        LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: resourceName }],
        StartTime: options.startTime ?? new Date(Date.now() - 90 * 86_400_000),
        MaxResults: 50,
        NextToken: token,
      }),
    );
    // Read-only events are not changes; CloudTrail returns them too when a trail records reads.
    events.push(...(page.Events ?? []).filter((e) => e.ReadOnly !== 'true').map(toInput));
    token = page.NextToken;
  } while (token && events.length < max);
  return { events: events.slice(0, max), truncated: Boolean(token) || events.length > max };
}

/** Events for several resources, each read in turn (one lookup attribute per call is all CloudTrail allows). */
export async function historyOf(
  clients: AwsClients,
  resourceNames: string[],
  options: HistoryOptions = {},
): Promise<{ events: TrailEventInput[]; truncated: boolean }> {
  const all: TrailEventInput[] = [];
  let truncated = false;
  for (const [i, name] of resourceNames.entries()) {
    if (i > 0 && (options.pageDelayMs ?? 550) > 0) await new Promise((r) => setTimeout(r, options.pageDelayMs ?? 550));
    const r = await resourceEvents(clients, name, options);
    all.push(...r.events);
    truncated ||= r.truncated;
  }
  return { events: all, truncated };
}
