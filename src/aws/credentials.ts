// Credentials the way the AWS CLI finds them: environment, shared config/credentials files (SSO,
// credential_process, assume-role), container and instance metadata; a named profile when one is chosen.
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { isLoopbackHost, type AwsTarget } from '../model/awsTarget';

// A loopback endpoint is never real AWS (the local sandbox, LocalStack): when no credentials exist, signing
// with placeholder ones lets people try the extension without an AWS account.
const LOCAL_PLACEHOLDER: AwsCredentialIdentity = { accessKeyId: 'testing', secretAccessKey: 'testing' };

export function credentialsFor(target: AwsTarget): AwsCredentialIdentityProvider {
  const chain = fromNodeProviderChain(target.profile ? { profile: target.profile } : {});
  if (!target.endpointUrl || !isLoopbackHost(target.endpointUrl.replace(/^https?:\/\//, ''))) return chain;
  return async () => {
    try {
      return await chain();
    } catch {
      return LOCAL_PLACEHOLDER;
    }
  };
}
