// Environment values that look like secrets written in plain text. Anyone who can describe the service
// sees run.env, and the file itself sits in the repository, so such values belong in run.secrets.
import type { ValidationContext } from './context';
import { messages } from './messages';
import type { EnvEntry } from './types';

// Names that, by convention, carry credentials (suffix match: DB_PASSWORD, GITHUB_TOKEN, STRIPE_API_KEY).
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|SECRET_KEY|TOKEN|API_KEY|PRIVATE_KEY)$/i;
// scheme://user:password@host - the password part must be non-empty.
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:[^\s/@]+@/i;

export function checkPlainSecrets(ctx: ValidationContext, entries: EnvEntry[], listPath: string): void {
  entries.forEach((entry, index) => {
    const name = entry.name?.value;
    const value = entry.value;
    if (!name || !value || value.value === '') return;
    const path = `${listPath}[${index}].value`;
    if (URL_WITH_PASSWORD.test(value.value)) {
      ctx.report('plaintext-secret', 'warning', messages.passwordInUrl(name), value.range, path);
    } else if (SECRET_NAME.test(name)) {
      ctx.report('plaintext-secret', 'warning', messages.plaintextSecret(name), value.range, path);
    }
  });
}
