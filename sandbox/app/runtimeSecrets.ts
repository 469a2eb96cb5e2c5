// Resolves a RuntimeEnvironmentSecrets value the way App Runner injects it at instance start: the full ARN
// of a Secrets Manager secret, optionally followed by `:<json-key>:<version-stage>:<version-id>` (the ECS
// style reference the CDK's `Secret.fromSecretsManager(secret, field)` produces), or a Parameter Store
// parameter by ARN or by name (String and SecureString, the latter decrypted, as App Runner injects them:
// App Runner developer guide, "Referencing environment variables"). The resolved value stays inside the fake
// application: never logged, never answered.
import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
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

/**
 * The parameter name of an SSM reference: `arn:aws:ssm:<region>:<account>:parameter/<name>` names `/<name>`
 * when the parameter is hierarchical and `<name>` otherwise (the ARN drops the leading '/'), so both are tried.
 */
function parameterNames(ref: string): string[] {
  const arn = /^arn:aws[a-z-]*:ssm:[^:]+:\d{12}:parameter\/(.+)$/.exec(ref);
  if (!arn) return [ref];
  return arn[1].includes('/') ? [`/${arn[1]}`, arn[1]] : [arn[1], `/${arn[1]}`];
}

async function resolveParameter(ssm: SSMClient, ref: string): Promise<string | undefined> {
  for (const name of parameterNames(ref)) {
    try {
      const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
      if (out.Parameter?.Value !== undefined) return out.Parameter.Value;
    } catch {
      // ParameterNotFound: try the other spelling; App Runner fails the deployment's injection otherwise.
    }
  }
  return undefined;
}

function isSecretsManager(ref: string): boolean {
  return /^arn:aws[a-z-]*:secretsmanager:/.test(ref);
}

/** The injected value, or undefined when App Runner could not retrieve it. */
export async function resolveSecretReference(
  secrets: SecretsManagerClient,
  ref: string,
  ssm?: SSMClient,
): Promise<string | undefined> {
  if (!isSecretsManager(ref)) return ssm ? resolveParameter(ssm, ref) : undefined;
  const { secretId, jsonKey, versionStage, versionId } = parseSecretReference(ref);
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
