// Which endpoint each AWS client talks to, by the AWS SDKs' documented order ("Service-specific endpoints",
// AWS SDKs and Tools Reference Guide): an endpoint set explicitly (our setting or --endpoint-url), then
// AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL, then the profile's `services` section for that service,
// then the profile's `endpoint_url`; none of the configured ones when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
// (or the profile's ignore_configured_endpoint_urls) is true. No entry: the SDK's own AWS endpoint.

/** The clients we make, by their SDK service id ("CloudWatch Logs" -> env CLOUDWATCH_LOGS, config cloudwatch_logs). */
export const SERVICE_IDS = {
  appRunner: 'AppRunner',
  ec2: 'EC2',
  rds: 'RDS',
  sts: 'STS',
  logs: 'CloudWatch Logs',
  secretsManager: 'Secrets Manager',
  ssm: 'SSM',
  cloudTrail: 'CloudTrail',
  route53: 'Route 53',
  ecs: 'ECS',
  iam: 'IAM',
  /** Service metrics (GetMetricData): env AWS_ENDPOINT_URL_CLOUDWATCH, config `cloudwatch`. */
  cloudWatch: 'CloudWatch',
} as const;
export type ClientName = keyof typeof SERVICE_IDS;
export type ServiceEndpoints = Partial<Record<ClientName, string>>;

export interface EndpointSources {
  /** The setting or --endpoint-url: wins over everything. */
  explicit?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** The chosen profile's section of the config file. */
  profile?: Readonly<Record<string, string | undefined>>;
  /** The `[services NAME]` section the profile names, keys as `ec2.endpoint_url`. */
  services?: Readonly<Record<string, string | undefined>>;
}

export interface ResolvedEndpoint {
  url: string;
  source: 'setting' | 'env-service' | 'env' | 'profile-service' | 'profile';
}

function set(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

export function envKey(client: ClientName): string {
  return `AWS_ENDPOINT_URL_${SERVICE_IDS[client].toUpperCase().replace(/ /g, '_')}`;
}

export function configKey(client: ClientName): string {
  return SERVICE_IDS[client].toLowerCase().replace(/ /g, '_');
}

export function resolveEndpoint(client: ClientName, sources: EndpointSources): ResolvedEndpoint | undefined {
  const explicit = set(sources.explicit);
  if (explicit) return { url: explicit, source: 'setting' };
  const ignore =
    (
      set(sources.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) ?? set(sources.profile?.ignore_configured_endpoint_urls)
    )?.toLowerCase() === 'true';
  if (ignore) return undefined;
  const candidates: [string | undefined, ResolvedEndpoint['source']][] = [
    [sources.env[envKey(client)], 'env-service'],
    [sources.env.AWS_ENDPOINT_URL, 'env'],
    [sources.services?.[`${configKey(client)}.endpoint_url`], 'profile-service'],
    [sources.profile?.endpoint_url, 'profile'],
  ];
  for (const [value, source] of candidates) if (set(value)) return { url: set(value) as string, source };
  return undefined;
}

/** Every client's endpoint (only those that are not AWS's own). */
export function resolveEndpoints(sources: EndpointSources): ServiceEndpoints {
  const out: ServiceEndpoints = {};
  for (const client of Object.keys(SERVICE_IDS) as ClientName[]) {
    const found = resolveEndpoint(client, sources);
    if (found) out[client] = found.url;
  }
  return out;
}

/** Region by the SDKs' and CLI's order: setting or flag, AWS_REGION, AWS_DEFAULT_REGION, the profile's, the default. */
export function regionCandidates(
  explicit: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  profileRegion: string | undefined,
): (string | undefined)[] {
  return [explicit, env.AWS_REGION, env.AWS_DEFAULT_REGION, profileRegion];
}
