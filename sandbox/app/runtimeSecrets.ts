// Resolves a RuntimeEnvironmentSecrets value the way App Runner injects it at instance start: the full ARN
// of a Secrets Manager secret, optionally followed by `:<json-key>:<version-stage>:<version-id>` (the ECS
// style reference the CDK's `Secret.fromSecretsManager(secret, field)` produces). Parameter Store values are
// not modelled. The resolved value stays inside the fake application: never logged, never answered.
import type { SecretsManagerClient } from '../secretsManager';

/** The secret id and the optional JSON key / version selectors of a reference. */
export function parseSecretReference(ref: string): {
  secretId: string;
  jsonKey?: string;
  versionStage?: string;
  versionId?: string;
} {
  const parts = ref.split(':');
  // arn:aws:secretsmanager:<region>:<account>:secret:<name-suffix> has 7 parts; more are selectors.
  if (parts[0] !== 'arn' || parts[2] !== 'secretsmanager' || parts.length <= 7) return { secretId: ref };
  const [jsonKey, versionStage, versionId] = parts.slice(7);
  return {
    secretId: parts.slice(0, 7).join(':'),
    jsonKey: jsonKey || undefined,
    versionStage: versionStage || undefined,
    versionId: versionId || undefined,
  };
}

/** The injected value, or undefined when App Runner could not retrieve it. */
export async function resolveSecretReference(secrets: SecretsManagerClient, ref: string): Promise<string | undefined> {
  const { secretId, jsonKey, versionStage, versionId } = parseSecretReference(ref);
  if (ref.startsWith('arn:aws:ssm:')) return undefined;
  try {
    const input: Record<string, unknown> = { SecretId: secretId };
    if (versionStage) input.VersionStage = versionStage;
    if (versionId) input.VersionId = versionId;
    const out = await secrets.call<{ SecretString?: string }>('GetSecretValue', input);
    if (out.SecretString === undefined) return undefined;
    if (!jsonKey) return out.SecretString;
    const value = (JSON.parse(out.SecretString) as Record<string, unknown>)[jsonKey];
    return value === undefined ? undefined : String(value);
  } catch {
    return undefined;
  }
}
