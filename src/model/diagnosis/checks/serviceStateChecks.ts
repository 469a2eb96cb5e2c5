// The service's own state: a paused or failed service runs nothing, and during an operation (the redeploy
// after attaching a connector takes 5-10 minutes, runbook 5.2) the snapshot may show the configuration that
// is still being rolled out.
import { Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import { AppRunnerService } from '../../topology/topology';
import { msg } from '../../l10n/text';

export function checkServiceState(service: AppRunnerService): Finding[] {
  const evidence = [{ kind: 'service' as const, id: service.arn, detail: `status=${service.status}` }];
  if (service.status === 'OPERATION_IN_PROGRESS') {
    return [
      finding(
        'service-operation-in-progress',
        'info',
        'availability',
        msg(
          '{0} is in the middle of an operation; the result applies once it has finished (a redeploy takes 5-10 minutes).',
          service.name,
        ),
        evidence,
      ),
    ];
  }
  if (service.status !== 'RUNNING') {
    return [
      finding(
        'service-not-running',
        'warning',
        'availability',
        msg('{0} is {1}, so it serves no requests and opens no connections.', service.name, service.status),
        evidence,
      ),
    ];
  }
  return [];
}
