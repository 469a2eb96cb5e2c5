import type { Localized } from './awsError';

/** A problem the user can fix (bad input, missing resource): shown as one line, never as a stack trace. */
export class UserError extends Error {
  constructor(readonly text: Localized, readonly code = 'user-error') {
    super(text.en);
    this.name = 'UserError';
  }
}
