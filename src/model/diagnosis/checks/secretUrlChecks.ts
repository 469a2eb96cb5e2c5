// The diagnosis side of database URLs held in Secrets Manager: one finding per such URL whose host is not
// known yet. The references and their resolution are plain topology reading (secretUrls.ts).
import { DOC_LINKS, Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import { secretUrlReferences, type SecretUrlResolution } from '../../topology/secretUrls';
import type { AppRunnerService } from '../../topology/topology';
import { msg } from '../../l10n/text';

interface SecretCheckContext {
  service: AppRunnerService;
  options: { secretUrls?: SecretUrlResolution };
  db?: { id: string };
}

/**
 * One finding per database URL given through a secret whose host the analysis does not know: it names the
 * secret and says what reading it would take. Empty once the secret was read (its host is then compared like
 * a plain DATABASE_URL).
 */
export function secretUrlFindings(ctx: SecretCheckContext): Finding[] {
  const resolved = ctx.options.secretUrls;
  return secretUrlReferences(ctx.service).flatMap((ref): Finding[] => {
    if (resolved?.urls.some((u) => u.name === ref.name)) return [];
    const evidence = [
      { kind: 'environment' as const, id: ref.name, detail: `RuntimeEnvironmentSecrets: ${ref.valueFrom}` },
    ];
    const error = resolved?.errors[ref.name];
    if (error !== undefined) {
      return [
        finding(
          'database-url-secret-unreadable',
          'warning',
          'database',
          msg('{0} comes from the secret {1}, which could not be used: {2}', ref.name, ref.valueFrom, error),
          evidence,
          { kind: 'link', url: DOC_LINKS.appRunnerEnv },
        ),
      ];
    }
    return [
      finding(
        'database-url-in-secret',
        'info',
        'database',
        ctx.db
          ? msg(
              '{0} is given through RuntimeEnvironmentSecrets from {1}; its host cannot be compared with {2} without reading the secret (allow it when asked in VS Code, or run the CLI with --read-secrets).',
              ref.name,
              ref.valueFrom,
              ctx.db.id,
            )
          : msg(
              '{0} is given through RuntimeEnvironmentSecrets from {1}; its host cannot be compared without reading the secret (allow it when asked in VS Code, or run the CLI with --read-secrets).',
              ref.name,
              ref.valueFrom,
            ),
        evidence,
      ),
    ];
  });
}
