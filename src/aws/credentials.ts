// Credentials the way the AWS CLI finds them: environment, shared config/credentials files (SSO,
// credential_process, assume-role), container and instance metadata; a named profile when one is chosen.
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { customEndpoints, isLoopbackHost, type AwsTarget } from '../model/common/awsTarget';

// A loopback endpoint is never real AWS (the local sandbox, LocalStack): when no credentials exist, signing
// with placeholder ones lets people try the extension without an AWS account.
const LOCAL_PLACEHOLDER: AwsCredentialIdentity = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** A chosen profile that is in neither file is a typo to report, not a reason to fall back silently. */
async function assertProfileExists(profile: string): Promise<void> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  if (!(profile in configFile) && !(profile in credentialsFile)) {
    throw Object.assign(new Error(`The profile "${profile}" was not found in the AWS config or credentials files.`), {
      name: 'ProfileNotFound',
    });
  }
}

export function credentialsFor(target: AwsTarget): AwsCredentialIdentityProvider {
  const chain = fromNodeProviderChain(target.profile ? { profile: target.profile } : {});
  const endpoints = customEndpoints(target);
  const local = endpoints.length > 0 && endpoints.every((url) => isLoopbackHost(url.replace(/^https?:\/\//, '')));
  return async () => {
    if (target.profile) await assertProfileExists(target.profile);
    try {
      return await chain();
    } catch (error) {
      if (local && !target.profile) return LOCAL_PLACEHOLDER;
      throw error;
    }
  };
}
