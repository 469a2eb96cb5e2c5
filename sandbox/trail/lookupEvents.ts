// `cloudtrail:LookupEvents` on the wire (awsJson1_1, target CloudTrail_20131101.LookupEvents), checked as
// CloudTrail checks it (botocore's cloudtrail/2013-11-01 model and the API reference): at most one lookup
// attribute, a known AttributeKey, MaxResults 1..50 (default 50), StartTime not after EndTime, a NextToken
// from the same query. Dates travel as epoch seconds. moto has no LookupEvents; the front answers it.
import type { WireReply } from '../faultResponses';
import { EventLog, LOOKUP_KEYS, LookupError, type LookupKey, type LookupQuery } from './eventLog';

function error(code: string, message: string): WireReply {
  return {
    status: 400,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': code },
    body: JSON.stringify({ __type: code, Message: message }),
  };
}

function epochMs(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'number' ? value * 1000 : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(n)) throw new LookupError('ValidationException', `${field} is not a valid timestamp.`);
  return n;
}

/** The request body as a query; throws LookupError with CloudTrail's code when it is wrong. */
export function parseLookup(body: string): LookupQuery {
  let input: Record<string, unknown>;
  try {
    input = JSON.parse(body || '{}') as Record<string, unknown>;
  } catch {
    throw new LookupError('SerializationException', 'The request body is not valid JSON.');
  }
  const attrs = input.LookupAttributes;
  if (attrs !== undefined && !Array.isArray(attrs))
    throw new LookupError('InvalidLookupAttributesException', 'LookupAttributes must be a list.');
  if (Array.isArray(attrs) && attrs.length > 1) {
    throw new LookupError('InvalidLookupAttributesException', 'You cannot specify more than one lookup attribute.');
  }
  let attribute: LookupQuery['attribute'];
  const first = Array.isArray(attrs) ? (attrs[0] as Record<string, unknown> | undefined) : undefined;
  if (first) {
    const key = first.AttributeKey;
    const value = first.AttributeValue;
    if (typeof key !== 'string' || !(LOOKUP_KEYS as readonly string[]).includes(key)) {
      throw new LookupError(
        'InvalidLookupAttributesException',
        `AttributeKey must be one of ${LOOKUP_KEYS.join(', ')}.`,
      );
    }
    if (typeof value !== 'string' || value === '' || value.length > 2000) {
      throw new LookupError('InvalidLookupAttributesException', 'AttributeValue must be 1 to 2000 characters.');
    }
    attribute = { key: key as LookupKey, value };
  }
  const startTime = epochMs(input.StartTime, 'StartTime');
  const endTime = epochMs(input.EndTime, 'EndTime');
  if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
    throw new LookupError('InvalidTimeRangeException', 'The specified start time is after the specified end time.');
  }
  const max = input.MaxResults ?? 50;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 50) {
    throw new LookupError('InvalidMaxResultsException', 'MaxResults must be between 1 and 50.');
  }
  const category = input.EventCategory;
  if (category !== undefined && category !== 'insight')
    throw new LookupError('InvalidEventCategoryException', 'EventCategory must be insight.');
  const nextToken = input.NextToken;
  if (nextToken !== undefined && typeof nextToken !== 'string')
    throw new LookupError('InvalidNextTokenException', 'NextToken must be a string.');
  return { attribute, startTime, endTime, maxResults: max, nextToken };
}

export function answerLookupEvents(log: EventLog, body: string): WireReply {
  try {
    const query = parseLookup(body);
    // Insights events are not recorded here: an insight query finds none, as on a trail without Insights.
    const insight = (JSON.parse(body || '{}') as Record<string, unknown>).EventCategory === 'insight';
    const { events, nextToken } = insight ? { events: [], nextToken: undefined } : log.lookup(query);
    const wire = events.map((e) => ({ ...e, EventTime: e.EventTime / 1000 }));
    return {
      status: 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
      body: JSON.stringify({ Events: wire, ...(nextToken ? { NextToken: nextToken } : {}) }),
    };
  } catch (e) {
    if (e instanceof LookupError) return error(e.code, e.message);
    throw e;
  }
}
