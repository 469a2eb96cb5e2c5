// Where AWS calls go, by AWS's own configuration rules, for the extension and the CLI alike: the region by
// the SDKs' order, the profile from the setting/flag or AWS_PROFILE, and each client's endpoint from the
// explicit override, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL and the profile (src/model/endpointConfig).
// The SDK reads a profile's endpoint_url only for AWS_PROFILE, never for a profile given to the client, so the
// endpoints are resolved here once and handed to every client explicitly.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import { resolveRegion, type AwsTarget } from '../model/common/awsTarget';
import { regionCandidates, resolveEndpoints } from '../model/common/endpointConfig';

export interface TargetInput {
  /** The setting or --region (empty: not set). */
  region?: string;
  /** The setting or --profile (empty: AWS_PROFILE, else the default chain). */
  profile?: string;
  /** The setting or --endpoint-url: every client's endpoint. */
  endpointUrl?: string;
}

export async function resolveAwsTarget(input: TargetInput, env: NodeJS.ProcessEnv = process.env): Promise<AwsTarget> {
  const profile = input.profile?.trim() || env.AWS_PROFILE?.trim() || undefined;
  const { configFile } = await loadSharedConfigFiles({
    ignoreCache: true,
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
  }).catch(() => ({ configFile: {} as Record<string, Record<string, string | undefined>> }));
  const section = configFile[profile ?? 'default'];
  const services = section?.services ? configFile[`services.${section.services}`] : undefined;
  const explicit = input.endpointUrl?.trim() || undefined;
  // The one place where every client's endpoint is chosen: a check of the chosen endpoints belongs here.
  const endpoints = resolveEndpoints({ explicit, env, profile: section, services });
  return {
    region: resolveRegion(...regionCandidates(input.region, env, section?.region)),
    profile,
    endpointUrl: explicit,
    ...(Object.keys(endpoints).length ? { endpoints } : {}),
  };
}
