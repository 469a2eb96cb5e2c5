// Where AWS calls go: which credentials (profile), which region, and an optional endpoint override
// (the local sandbox or LocalStack). Plain data so views and caches can key on it.

import type { ServiceEndpoints } from './endpointConfig';

export interface AwsTarget {
  region: string;
  profile?: string;
  /** The explicit override for every client (the setting or --endpoint-url). */
  endpointUrl?: string;
  /**
   * Each client's endpoint as the AWS configuration chose it (explicit override, AWS_ENDPOINT_URL_<SERVICE>,
   * AWS_ENDPOINT_URL, the profile's endpoint_url); a client without an entry talks to AWS itself.
   */
  endpoints?: ServiceEndpoints;
}

export const DEFAULT_REGION = 'ap-northeast-1';

/** The first region set, in the order given (setting, AWS_REGION, AWS_DEFAULT_REGION, profile), else the runbook's. */
export function resolveRegion(...candidates: (string | undefined)[]): string {
  for (const candidate of candidates) if (candidate?.trim()) return candidate.trim();
  return DEFAULT_REGION;
}

export function targetKey(target: AwsTarget): string {
  const endpoints = Object.entries(target.endpoints ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  return `${target.profile ?? 'default'}|${target.region}|${target.endpointUrl ?? ''}|${endpoints}`;
}

/** The endpoints that are not AWS's own, for showing (the status bar tooltip, the CLI's header): unique URLs. */
export function customEndpoints(target: AwsTarget): string[] {
  return [...new Set([target.endpointUrl, ...Object.values(target.endpoints ?? {})].filter((u): u is string => !!u))];
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
