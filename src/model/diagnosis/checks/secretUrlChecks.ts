// The diagnosis side of database URLs held in Secrets Manager: one finding per such URL whose host is not
// known yet. The references and their resolution are plain topology reading (secretUrls.ts).
import { DOC_LINKS, Finding } from '../diagnosis';
import { finding } from '../findingBuilder';
import { secretUrlReferences, type SecretUrlResolution } from '../../topology/secretUrls';
import type { AppRunnerService } from '../../topology/topology';

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
          `${ref.name} comes from the secret ${ref.valueFrom}, which could not be used: ${error}`,
          `${ref.name} はシークレット ${ref.valueFrom} から渡されますが、利用できませんでした: ${error}`,
          evidence,
          { kind: 'link', url: DOC_LINKS.appRunnerEnv },
        ),
      ];
    }
    const target = ctx.db ? ` with ${ctx.db.id}` : '';
    const targetJa = ctx.db ? `${ctx.db.id} と` : '';
    return [
      finding(
        'database-url-in-secret',
        'info',
        'database',
        `${ref.name} is given through RuntimeEnvironmentSecrets from ${ref.valueFrom}; its host cannot be compared${target} without reading the secret (allow it when asked in VS Code, or run the CLI with --read-secrets).`,
        `${ref.name} は RuntimeEnvironmentSecrets で ${ref.valueFrom} から渡されます。シークレットを読まずにホストを${targetJa}照合することはできません（VS Code で確認に同意するか、CLI を --read-secrets 付きで実行してください）。`,
        evidence,
      ),
    ];
  });
}
