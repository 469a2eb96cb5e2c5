// Turns a finished AWS call seen by the front into a CloudTrail event in the event log: who signed it (the
// access key resolved through STS), from where (the caller's address), what it asked (requestParameters with
// secrets hidden), what it named (Resources) and, when it failed, the error code AWS answered.
import type { IncomingHttpHeaders } from 'node:http';
import { accessKeyOf, type CallerIdentities, type CallerIdentity } from './callerIdentity';
import type { EventLog } from './eventLog';
import { jsonRequestParameters, queryRequestParameters, redact, type Json } from './requestParameters';
import { appRunnerResources, ec2Resources, rdsResources, type TrailResource } from './resources';
import { isRecordedWrite, trailEvent } from './trailEvent';

export interface SeenCall {
  service: string;
  operation: string;
  region: string;
  headers: IncomingHttpHeaders;
  /** Query-protocol parameters (EC2, RDS, STS) or undefined for JSON protocols. */
  query?: URLSearchParams;
  body: string;
  sourceIp: string;
  time: Date;
}

export interface SeenAnswer {
  status: number;
  body: string;
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return Array.isArray(v) ? v.join(' ') : (v ?? '');
}

/** The error code of a failed answer in its protocol's format (JSON `__type`, query XML `<Code>`). */
export function errorOf(answer: SeenAnswer): { code: string; message: string } | undefined {
  if (answer.status < 300) return undefined;
  try {
    const j = JSON.parse(answer.body) as Record<string, unknown>;
    const type = typeof j.__type === 'string' ? j.__type : '';
    return {
      code: type.slice(type.lastIndexOf('#') + 1) || `HTTP${answer.status}`,
      message: String(j.Message ?? j.message ?? ''),
    };
  } catch {
    const code = /<Code>([^<]*)<\/Code>/.exec(answer.body)?.[1];
    const message = /<Message>([^<]*)<\/Message>/.exec(answer.body)?.[1] ?? '';
    return { code: code ?? `HTTP${answer.status}`, message };
  }
}

function resourcesOf(call: SeenCall, answer: SeenAnswer, request: Record<string, unknown>): TrailResource[] {
  if (call.service === 'ec2' && call.query)
    return ec2Resources(call.operation, call.query, answer.status < 300 ? answer.body : '');
  if (call.service === 'apprunner') return appRunnerResources(request, answer.status < 300 ? answer.body : '');
  if (call.service === 'rds' && call.query) return rdsResources(call.query);
  return [];
}

function responseElements(
  call: SeenCall,
  answer: SeenAnswer,
  resources: TrailResource[],
): Record<string, Json> | undefined {
  if (answer.status >= 300) return undefined;
  if (call.service === 'apprunner') return jsonRequestParameters(answer.body);
  if (call.service === 'ec2' && /^Create/.test(call.operation)) {
    const created = resources.filter((r) => answer.body.includes(`>${r.ResourceName}<`));
    return redact(
      Object.fromEntries(
        created.map((r) => [
          r.ResourceType.split('::')
            .pop()!
            .replace(/^./, (c) => c.toLowerCase()) + 'Id',
          r.ResourceName,
        ]),
      ),
    ) as Record<string, Json>;
  }
  return undefined;
}

/** Records one call's answer; a no-op for calls that are not recorded. */
export type AnswerRecorder = (answer: SeenAnswer) => void;

export class TrailRecorder {
  constructor(
    private readonly log: EventLog,
    private readonly identities: CallerIdentities,
  ) {}

  /**
   * Resolves the caller before the call is served, so the event is in the log (synchronously) by the time
   * the caller has the answer: a test that reads the record right after a call finds it.
   */
  async prepare(call: SeenCall, report?: (line: string) => void): Promise<AnswerRecorder> {
    if (!isRecordedWrite(call.service, call.operation)) return () => undefined;
    const accessKeyId = accessKeyOf(header(call.headers, 'authorization'));
    if (!accessKeyId) return () => undefined;
    let identity: CallerIdentity;
    try {
      identity = await this.identities.resolve(accessKeyId);
    } catch (e) {
      report?.(
        `trail: ${call.service}:${call.operation} not recorded, caller unknown (${e instanceof Error ? e.message : String(e)})`,
      );
      return () => undefined;
    }
    return (answer) => {
      try {
        this.log.record(this.eventOf(call, answer, identity));
      } catch (e) {
        report?.(
          `trail: ${call.service}:${call.operation} not recorded (${e instanceof Error ? e.message : String(e)})`,
        );
      }
    };
  }

  private eventOf(call: SeenCall, answer: SeenAnswer, identity: CallerIdentity) {
    const request = call.query ? queryRequestParameters(call.query) : jsonRequestParameters(call.body);
    let rawRequest: Record<string, unknown> = {};
    try {
      rawRequest = call.query
        ? Object.fromEntries(call.query)
        : (JSON.parse(call.body || '{}') as Record<string, unknown>);
    } catch {
      // A body that is not JSON names no resources; the call is still recorded.
    }
    const resources = resourcesOf(call, answer, rawRequest);
    const failure = errorOf(answer);
    return trailEvent({
      service: call.service,
      operation: call.operation,
      region: call.region,
      time: call.time,
      identity,
      sourceIp: call.sourceIp.replace(/^::ffff:/, ''),
      userAgent: [header(call.headers, 'x-amz-user-agent'), header(call.headers, 'user-agent')]
        .filter(Boolean)
        .join(' '),
      requestParameters: request,
      resources,
      errorCode: failure?.code,
      errorMessage: failure?.message,
      responseElements: responseElements(call, answer, resources),
    });
  }
}
