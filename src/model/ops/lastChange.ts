// The details pane's "Last change" line (runbook 8.2) from what the CloudTrail lookup gave: the newest
// successful change naming the resource, or why there is none. A denied lookup says which permission is
// missing rather than failing the pane; any other failure says so in one masked line.
import { classifyAwsError, type Localized } from '../common/awsError';
import { maskSecrets } from '../common/secretMask';
import { msg } from '../l10n/text';
import { type ChangeRow, lastChangeLine } from './changeHistory';

export type LastChangeLookup = { rows: ChangeRow[] } | { error: unknown };

export function lastChangeText(lookup: LastChangeLookup, resource: string): Localized {
  if ('error' in lookup) {
    const e = classifyAwsError(lookup.error);
    if (e.kind === 'access-denied') return msg('no cloudtrail:LookupEvents permission');
    const detail = maskSecrets(e.detail ?? e.code ?? '?');
    return msg('CloudTrail could not be read: {0}', detail);
  }
  return (
    lastChangeLine(lookup.rows, resource) ?? msg("no change to {0} in CloudTrail's event history (90 days)", resource)
  );
}
