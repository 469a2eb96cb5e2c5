// Reading a service's database URL from its secret, opt-in per command (docs/design.md, 'Secrets and endpoints'): a modal question that names
// the secret's ARN, and only on "Read once" the read itself (Secrets Manager or SSM, through the SDK bundle).
// What comes back is the host and port of each URL (src/aws/secretUrls.ts drops everything else); it is passed
// to this one command's analysis or plan and then dropped: never kept in state, never written to a log.
import * as vscode from 'vscode';
import type { SecretUrlReference, SecretUrlResolution } from '../model/topology/secretUrls';
import type { AwsTarget } from '../model/common/awsTarget';
import { loadAwsSdk } from './backend';
import { rememberSecretValues } from './masking';

/** The modal question, with its one action; Cancel (or closing the dialog) reads nothing. */
export function secretReadQuestion(refs: readonly SecretUrlReference[]): {
  message: string;
  detail: string;
  action: string;
} {
  const arns = refs.map((r) => `${r.name}: ${r.valueFrom}`).join('\n');
  return {
    message:
      refs.length === 1
        ? vscode.l10n.t('Read this secret once to learn the database host? {0}', arns)
        : vscode.l10n.t('Read these secrets once to learn the database host? {0}', arns),
    detail: vscode.l10n.t('The value is not stored, logged or shown; only host and port are used.'),
    action: vscode.l10n.t('Read Once'),
  };
}

/**
 * Asks (through the caller's confirm, so host tests answer it) and reads when allowed. Undefined when there is
 * nothing to read, the user declined, or there is no AWS target: the analysis then says which secret it could
 * not look into, as without the question.
 */
export async function readSecretsWithConsent(
  refs: readonly SecretUrlReference[],
  target: AwsTarget | undefined,
  confirm: (message: string, detail: string, action: string) => Promise<boolean>,
): Promise<SecretUrlResolution | undefined> {
  if (refs.length === 0 || !target) return undefined;
  const question = secretReadQuestion(refs);
  if (!(await confirm(question.message, question.detail, question.action))) return undefined;
  const backend = loadAwsSdk();
  // What was read is masked by value in every text the window shows from now on.
  return backend.readSecretDatabaseUrls(backend.getClients(target), refs, rememberSecretValues);
}
