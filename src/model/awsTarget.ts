// Where AWS calls go: which credentials (profile), which region, and an optional endpoint override
// (the local sandbox or LocalStack). Plain data so views and caches can key on it.

export interface AwsTarget {
  region: string;
  profile?: string;
  endpointUrl?: string;
}

export const DEFAULT_REGION = 'ap-northeast-1';

/** Region from the setting, else the profile's region, else the runbook's region. */
export function resolveRegion(settingRegion: string | undefined, profileRegion: string | undefined): string {
  return settingRegion?.trim() || profileRegion?.trim() || DEFAULT_REGION;
}

export function targetKey(target: AwsTarget): string {
  return `${target.profile ?? 'default'}|${target.region}|${target.endpointUrl ?? ''}`;
}

/** Loopback endpoints may use plain http (the local sandbox); everything else must be https. */
export function isLoopbackHost(hostAndPath: string): boolean {
  let name: string;
  try {
    name = new URL(`http://${hostAndPath}`).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return false;
  }
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}

/** The URL of a service (and a path on it): https, except plain http for loopback (the sandbox's services). */
export function serviceEndpointUrl(serviceUrl: string, path: string): string {
  const scheme = isLoopbackHost(serviceUrl) ? 'http' : 'https';
  const base = serviceUrl.replace(/^https?:\/\//, '').replace(/\/+$/, '');
  const suffix = path === '' ? '' : path.startsWith('/') ? path : `/${path}`;
  return `${scheme}://${base}${suffix}`;
}
