// Credentials the way the AWS CLI finds them: environment, shared config/credentials files (SSO,
// credential_process, assume-role), container and instance metadata; a named profile when one is chosen.
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { AwsTarget } from '../model/awsTarget';

export function credentialsFor(target: AwsTarget): AwsCredentialIdentityProvider {
  return fromNodeProviderChain(target.profile ? { profile: target.profile } : {});
}
