// Injected errors in each protocol's own wire format, so SDK and CLI retry logic treats them as AWS's:
// App Runner (awsJson1_0), CloudWatch Logs, Secrets Manager, CloudTrail and ECS (awsJson1_1), EC2 (ec2 query XML),
// RDS/STS (awsQuery XML).
import { randomUUID } from 'node:crypto';
import type { FaultError, InjectedFault } from './faults';

export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function builtIn(service: string, fault: InjectedFault): FaultError {
  if (fault.kind === 'custom') return fault.error;
  const throttle = fault.kind === 'throttle';
  switch (service) {
    case 'apprunner':
      return throttle
        ? { code: 'ThrottlingException', status: 429, message: 'Rate exceeded' }
        : { code: 'InternalServiceErrorException', status: 500, message: 'An unexpected service exception occurred.' };
    case 'ec2':
      return throttle
        ? { code: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' }
        : { code: 'InternalError', status: 500, message: 'An internal error has occurred' };
    case 'logs':
      return throttle
        ? { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' }
        : { code: 'ServiceUnavailableException', status: 500, message: 'The service cannot complete the request.' };
    case 'ecs':
      return throttle
        ? { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' }
        : { code: 'ServerException', status: 500, message: 'Service Unavailable. Please try again later.' };
    case 'secretsmanager':
      return throttle
        ? { code: 'ThrottlingException', status: 400, message: 'Rate exceeded' }
        : { code: 'InternalServiceError', status: 500, message: 'An error occurred on the server side.' };
    default:
      return throttle
        ? { code: 'Throttling', status: 400, message: 'Rate exceeded' }
        : { code: 'InternalFailure', status: 500, message: 'An internal error has occurred.' };
  }
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function faultReply(service: string, fault: InjectedFault): WireReply {
  const e = builtIn(service, fault);
  const message = e.message ?? e.code;
  const id = randomUUID();
  if (
    service === 'apprunner' ||
    service === 'logs' ||
    service === 'secretsmanager' ||
    service === 'cloudtrail' ||
    service === 'ecs'
  ) {
    const contentType = service === 'apprunner' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1';
    return {
      status: e.status,
      headers: { 'content-type': contentType, 'x-amzn-errortype': e.code, 'x-amzn-requestid': id },
      // App Runner's and CloudTrail's error shapes carry `Message`; CloudWatch Logs' and Secrets Manager's `message`.
      body: JSON.stringify(
        service === 'apprunner' || service === 'cloudtrail'
          ? { __type: e.code, Message: message }
          : { __type: e.code, message },
      ),
    };
  }
  const code = xmlEscape(e.code);
  const text = xmlEscape(message);
  const body =
    service === 'ec2'
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${text}</Message></Error></Errors><RequestID>${id}</RequestID></Response>`
      : `<ErrorResponse><Error><Type>${e.status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${text}</Message></Error><RequestId>${id}</RequestId></ErrorResponse>`;
  return { status: e.status, headers: { 'content-type': 'text/xml', 'x-amzn-requestid': id }, body };
}
