// Profiles as the SDK itself reads them (config and credentials files, honouring AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE), never with a hand-written INI parser.
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';

export interface ProfileInfo {
  name: string;
  region?: string;
  kind: 'sso' | 'process' | 'role' | 'static' | 'other';
}

type Section = Record<string, string | undefined>;

function kindOf(section: Section): ProfileInfo['kind'] {
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.credential_process) return 'process';
  if (section.role_arn) return 'role';
  if (section.aws_access_key_id) return 'static';
  return 'other';
}

export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  return [...names].sort().map((name) => {
    const merged: Section = { ...(credentialsFile[name] ?? {}), ...(configFile[name] ?? {}) };
    return { name, region: merged.region, kind: kindOf(merged) };
  });
}

export async function profileRegion(name: string | undefined): Promise<string | undefined> {
  const { configFile } = await loadSharedConfigFiles({ ignoreCache: true });
  return configFile[name || process.env.AWS_PROFILE || 'default']?.region;
}
