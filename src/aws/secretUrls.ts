// Reads the database URLs a service takes from RuntimeEnvironmentSecrets, only when the user opted in for this
// command (VS Code's confirmation, the CLI's --read-secrets). The value lives in this function's locals only:
// what comes back is the host and port derived from it (or, for an RDS-style JSON secret, its host and port
// fields), never the value, the user or the password, and no error message quotes it. The caller learns what to
// mask by value (remember), so the value is masked wherever it turns up later (a log line, a health body).
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import {
  readingOfSecretText,
  splitSecretArn,
  type SecretUrlReference,
  type SecretUrlResolution,
} from '../model/topology/secretUrls';
import { secretTextValues } from '../model/topology/secretValues';
import type { AwsClients } from './clients';

export type SecretClients = Pick<AwsClients, 'secretsManager' | 'ssm'>;

async function readValue(
  clients: SecretClients,
  ref: SecretUrlReference,
): Promise<{ text?: string; jsonKey?: string }> {
  if (ref.store === 'secretsmanager') {
    const { secretId, jsonKey, versionStage, versionId } = splitSecretArn(ref.valueFrom);
    const out = await clients.secretsManager.send(
      new GetSecretValueCommand({
        SecretId: secretId,
        ...(versionStage ? { VersionStage: versionStage } : {}),
        ...(versionId ? { VersionId: versionId } : {}),
      }),
    );
    return { text: out.SecretString, jsonKey };
  }
  const out = await clients.ssm.send(new GetParameterCommand({ Name: ref.valueFrom, WithDecryption: true }));
  return { text: out.Parameter?.Value };
}

/** Why a read failed, in the API's words (error name and code), never the value. */
function reason(error: unknown): string {
  const e = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e?.name ?? 'Error';
  return `${name}${e?.$metadata?.httpStatusCode ? ` (HTTP ${e.$metadata.httpStatusCode})` : ''}`;
}

export async function readSecretDatabaseUrls(
  clients: SecretClients,
  refs: readonly SecretUrlReference[],
  remember: (secretValues: string[]) => void = () => undefined,
): Promise<SecretUrlResolution> {
  const resolution: SecretUrlResolution = { urls: [], fields: {}, errors: {} };
  await Promise.all(
    refs.map(async (ref) => {
      if (ref.store === 'unknown') {
        resolution.errors[ref.name] =
          'the reference is neither a Secrets Manager secret ARN nor an SSM parameter, so it is not supported';
        return;
      }
      try {
        const { text, jsonKey } = await readValue(clients, ref);
        const reading = text === undefined ? undefined : readingOfSecretText(ref.name, text, jsonKey);
        // Masked by value from now on: the text and its secret fields, but not the location just read (a host
        // or a port held in a parameter is no secret, and masking "5432" would blank every port).
        const located = reading && 'field' in reading ? reading.field : undefined;
        if (text)
          remember(
            secretTextValues(text).filter((v) => v !== located && v !== located?.split(':')[0] && !/^\d+$/.test(v)),
          );
        if (reading && 'url' in reading) resolution.urls.push(reading.url);
        else if (reading) (resolution.fields ??= {})[ref.name] = reading.field;
        else
          resolution.errors[ref.name] =
            'its value is not a postgres or mysql URL, a host, a port, nor JSON with host and port';
      } catch (error) {
        resolution.errors[ref.name] = `reading it failed: ${reason(error)}`;
      }
    }),
  );
  resolution.urls.sort((a, b) => a.name.localeCompare(b.name));
  return resolution;
}
