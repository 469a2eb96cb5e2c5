// Writes to the service's CloudWatch Logs groups in moto, where App Runner puts them:
// /aws/apprunner/<service>/<service-id>/application (the app's stdout) and .../service (App Runner events).
import {
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  type CloudWatchLogsClient,
} from '@aws-sdk/client-cloudwatch-logs';
import type { ServiceRecord } from '../apprunner/store';

export function logGroupName(service: ServiceRecord, kind: 'application' | 'service'): string {
  return `/aws/apprunner/${service.name}/${service.id}/${kind}`;
}

async function ignoreExists(p: Promise<unknown>): Promise<void> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof Error && e.name === 'ResourceAlreadyExistsException')) throw e;
  }
}

export async function writeLog(
  logs: CloudWatchLogsClient,
  group: string,
  stream: string,
  messages: string[],
): Promise<void> {
  await ignoreExists(logs.send(new CreateLogGroupCommand({ logGroupName: group })));
  await ignoreExists(logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream })));
  const now = Date.now();
  await logs.send(
    new PutLogEventsCommand({
      logGroupName: group,
      logStreamName: stream,
      logEvents: messages.map((message, i) => ({ timestamp: now + i, message })),
    }),
  );
}
