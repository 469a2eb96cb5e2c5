// One recorded call as CloudTrail shapes it: the LookupEvents `Event` (EventId, EventName, ReadOnly,
// AccessKeyId, EventTime, EventSource, Username, Resources) and the full record in CloudTrailEvent
// (eventVersion 1.08 fields: userIdentity, sourceIPAddress, userAgent, requestParameters, responseElements,
// errorCode). Which calls are recorded: management write calls (not Describe/List/Get..., not data events
// such as PutLogEvents), the ones CloudTrail's event history shows by default.
import { randomUUID } from 'node:crypto';
import type { CallerIdentity } from './callerIdentity';
import type { Json } from './requestParameters';
import type { TrailResource } from './resources';

const READ_ONLY =
  /^(Describe|List|Get|Lookup|Filter|Search|Check|Validate|Test|Download|BatchGet|StartQuery|StartLiveTail)/;
/** Data events: not in the event history (CloudTrail logs them only on trails that ask for them). */
const DATA_EVENTS = new Set(['PutLogEvents', 'GetLogEvents', 'FilterLogEvents']);

export function isRecordedWrite(service: string, operation: string): boolean {
  return service !== '' && operation !== '' && !READ_ONLY.test(operation) && !DATA_EVENTS.has(operation);
}

export interface TrailEvent {
  EventId: string;
  EventName: string;
  ReadOnly: 'false';
  AccessKeyId: string;
  /** Epoch milliseconds (the wire shape is seconds; see lookupEvents.ts). */
  EventTime: number;
  EventSource: string;
  Username: string;
  Resources: TrailResource[];
  CloudTrailEvent: string;
}

export interface CallFacts {
  service: string;
  operation: string;
  region: string;
  time: Date;
  identity: CallerIdentity;
  sourceIp: string;
  userAgent: string;
  requestParameters: Record<string, Json>;
  resources: TrailResource[];
  /** Set when the call failed: the error code AWS answered (the event is recorded all the same). */
  errorCode?: string;
  errorMessage?: string;
  responseElements?: Record<string, Json>;
}

export function trailEvent(f: CallFacts): TrailEvent {
  const id = randomUUID();
  const record = {
    eventVersion: '1.08',
    userIdentity: {
      type: f.identity.type,
      principalId: f.identity.principalId,
      arn: f.identity.arn,
      accountId: f.identity.accountId,
      accessKeyId: f.identity.accessKeyId,
      ...(f.identity.type === 'IAMUser' ? { userName: f.identity.userName } : {}),
    },
    eventTime: f.time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: `${f.service}.amazonaws.com`,
    eventName: f.operation,
    awsRegion: f.region,
    sourceIPAddress: f.sourceIp,
    userAgent: f.userAgent,
    ...(f.errorCode ? { errorCode: f.errorCode, errorMessage: f.errorMessage ?? '' } : {}),
    requestParameters: f.requestParameters,
    responseElements: f.errorCode ? null : (f.responseElements ?? null),
    requestID: randomUUID(),
    eventID: id,
    readOnly: false,
    resources: f.resources.map((r) => ({
      type: r.ResourceType,
      ARN: r.ResourceName.startsWith('arn:') ? r.ResourceName : undefined,
      resourceName: r.ResourceName,
    })),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: f.identity.accountId,
    eventCategory: 'Management',
  };
  return {
    EventId: id,
    EventName: f.operation,
    ReadOnly: 'false',
    AccessKeyId: f.identity.accessKeyId,
    EventTime: f.time.getTime(),
    EventSource: `${f.service}.amazonaws.com`,
    Username: f.identity.userName,
    Resources: f.resources,
    CloudTrailEvent: JSON.stringify(record),
  };
}
