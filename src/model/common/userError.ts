import { classifyAwsError, type Localized, type NormalizedAwsError } from './awsError';
import { msg } from '../l10n/text';

/** A problem the user can fix (bad input, missing resource): shown as one line, never as a stack trace. */
export class UserError extends Error {
  constructor(
    readonly text: Localized,
    readonly code = 'user-error',
  ) {
    super(text.en);
    this.name = 'UserError';
  }
}

function isLocalized(value: unknown): value is Localized {
  const v = value as Partial<Localized> | null | undefined;
  return typeof v === 'object' && v !== null && typeof v.en === 'string' && typeof v.ja === 'string';
}

/**
 * The one message a user sees for a failure: a UserError's (or CliFailure's) own words, else the
 * error classifier's. Never String(error), which printed "[object Object]" and unmasked SDK text.
 */
export function userMessage(error: unknown): Localized {
  if (error instanceof UserError) return error.text;
  const own = (error as { localized?: unknown } | null | undefined)?.localized;
  if (isLocalized(own)) return own;
  return classifyAwsError(error).message;
}

/** Diagnose could not load a snapshot: the store's classified error, in words. */
export function accountReadFailure(error: NormalizedAwsError | undefined): Localized {
  if (!error) return msg('Not connected to AWS: select a profile first.');
  return msg('Could not read the account: {0}', classifyAwsError(error).message);
}
