// Classifies a run.secrets value-from. App Runner accepts the full ARN of a Secrets Manager secret (optionally
// with :json-key:version-stage:version-id after the name) or of an SSM Parameter Store parameter, and, for a
// parameter in the service's own region, the bare parameter name (App Runner API, RuntimeEnvironmentSecrets).
import type { SecretReference } from './types';

const PARTITION = '(aws|aws-cn|aws-us-gov)';
const REGION = '([a-z]{2}(?:-[a-z]+)+-\\d)';
const ACCOUNT = '(\\d{12})';
const SECRETS_MANAGER_ARN = new RegExp(`^arn:${PARTITION}:secretsmanager:${REGION}:${ACCOUNT}:secret:([^\\s]+)$`);
const SSM_ARN = new RegExp(`^arn:${PARTITION}:ssm:${REGION}:${ACCOUNT}:parameter/([^\\s]+)$`);
// SSM parameter names: letters, digits and . - _ /, up to 2048 characters (a leading / for hierarchies).
const PARAMETER_NAME = /^[A-Za-z0-9_.\-/]{1,2048}$/;

export function classifySecretReference(valueFrom: string): SecretReference | undefined {
  const text = valueFrom.trim();
  const secret = SECRETS_MANAGER_ARN.exec(text);
  if (secret) {
    return {
      kind: 'secretsmanager-arn',
      partition: secret[1],
      region: secret[2],
      accountId: secret[3],
      secretName: secret[4],
    };
  }
  const parameter = SSM_ARN.exec(text);
  if (parameter) {
    return {
      kind: 'ssm-arn',
      partition: parameter[1],
      region: parameter[2],
      accountId: parameter[3],
      parameterName: parameter[4],
    };
  }
  // Anything else that starts like an ARN is a broken ARN, not a parameter called "arn:...".
  if (text.startsWith('arn:')) return undefined;
  if (PARAMETER_NAME.test(text) && !text.endsWith('/') && !/^aws|^ssm/i.test(text.replace(/^\//, ''))) {
    return { kind: 'ssm-name', parameterName: text };
  }
  return undefined;
}
