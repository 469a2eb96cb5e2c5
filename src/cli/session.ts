// What every command starts with: the AWS target from flags and environment, the clients, the live snapshot.
import { getClients, type AwsClients } from '../aws/clients';
import { profileRegion } from '../aws/profiles';
import { readSecretDatabaseUrls } from '../aws/secretUrls';
import { loadTopology } from '../aws/topologyLoader';
import { resolveRegion, type AwsTarget } from '../model/awsTarget';
import { endpointUrlProblem } from '../model/endpointPolicy';
import { APP_RUNNER_REGIONS, offersAppRunner } from '../model/regions';
import type { Localized } from '../model/awsError';
import type { Lang } from '../model/planText';
import { DEFAULT_SETUP_SETTINGS, type SetupSettings } from '../model/setupSettings';
import { secretUrlReferences, type SecretUrlResolution } from '../model/secretUrls';
import { snapshotSecretValues } from '../model/secretValues';
import type { Topology } from '../model/topology';
import type { CliArgs } from './args';

export interface Session {
  target: AwsTarget;
  clients: AwsClients;
  snapshot: Topology;
  settings: SetupSettings;
}

export function langOf(args: CliArgs, env: NodeJS.ProcessEnv): Lang {
  return args.lang ?? (/^ja/i.test(env.LC_ALL ?? env.LANG ?? '') ? 'ja' : 'en');
}

export function settingsOf(args: CliArgs): SetupSettings {
  return {
    ...DEFAULT_SETUP_SETTINGS,
    serviceName: args.service ?? DEFAULT_SETUP_SETTINGS.serviceName,
    connectorName: args.connectorName ?? DEFAULT_SETUP_SETTINGS.connectorName,
    databasePort: args.dbPort === undefined ? DEFAULT_SETUP_SETTINGS.databasePort : Number(args.dbPort),
    appRunnerSecurityGroupName: args.securityGroupName ?? DEFAULT_SETUP_SETTINGS.appRunnerSecurityGroupName,
    appRunnerSecurityGroupNameTag: args.securityGroupNameTag ?? DEFAULT_SETUP_SETTINGS.appRunnerSecurityGroupNameTag,
    databaseSecurityGroupName: args.dbSecurityGroupName ?? DEFAULT_SETUP_SETTINGS.databaseSecurityGroupName,
  };
}

export async function targetOf(args: CliArgs, env: NodeJS.ProcessEnv): Promise<AwsTarget> {
  const profile = args.profile ?? env.AWS_PROFILE;
  const explicit = args.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const endpointUrl = args.endpointUrl ?? (env.AWS_ENDPOINT_URL || undefined);
  const problem = endpointUrlProblem(endpointUrl);
  if (problem) throw new CliFailure(problem, 'insecure-endpoint');
  const fromProfile = explicit ? undefined : await profileRegion(profile);
  return {
    region: resolveRegion(explicit, fromProfile),
    profile: profile || undefined,
    endpointUrl,
  };
}

export async function openSession(args: CliArgs, env: NodeJS.ProcessEnv, secrets?: string[]): Promise<Session> {
  const target = await targetOf(args, env);
  if (!offersAppRunner(target.region)) {
    const list = APP_RUNNER_REGIONS.map((r) => r.code).join(', ');
    throw new CliFailure({
      en: `App Runner is not offered in ${target.region}; use --region with one of: ${list}.`,
      ja: `${target.region} では App Runner が提供されていません。--region で次のいずれかを指定してください: ${list}。`,
    }, 'region-without-apprunner');
  }
  const clients = getClients(target);
  const snapshot = await loadTopology(clients, { withAccountId: true, subnetIds: args.subnets });
  secrets?.push(...snapshotSecretValues(snapshot));
  return { target, clients, snapshot, settings: settingsOf(args) };
}

/**
 * With --read-secrets, the host and port of the service's database URLs held in secrets (never the value);
 * without it, undefined: the analysis then says which secret it could not look into.
 */
export async function secretUrlsOf(session: Session, args: CliArgs): Promise<SecretUrlResolution | undefined> {
  if (!args.readSecrets) return undefined;
  const service = session.snapshot.services.find((s) => s.name === session.settings.serviceName);
  const refs = service ? secretUrlReferences(service) : [];
  return refs.length > 0 ? readSecretDatabaseUrls(session.clients, refs) : undefined;
}

export class CliFailure extends Error {
  constructor(readonly localized: Localized, readonly code: string) {
    super(localized.en);
  }
}
