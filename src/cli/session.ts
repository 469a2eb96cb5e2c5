// What every command starts with: the AWS target from flags and environment, the clients, the live snapshot.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resolveAwsTarget } from '../aws/awsTarget';
import { getClients, type AwsClients } from '../aws/clients';
import { readSecretDatabaseUrls } from '../aws/secretUrls';
import {
  loadConnectorTopology,
  loadServiceTopology,
  type ConnectorListing,
  withServiceHosts,
} from '../aws/serviceTopology';
import { customEndpoints, type AwsTarget } from '../model/common/awsTarget';
import { endpointUrlProblem } from '../model/common/endpointPolicy';
import { regionNotListedWarning } from '../model/common/regions';
import type { Localized } from '../model/common/awsError';
import { type Lang, languageOf, localize, msg } from '../model/l10n/text';
import { DEFAULT_SETUP_SETTINGS, type SetupSettings } from '../model/plan/setupSettings';
import { secretUrlReferences, type SecretUrlResolution } from '../model/topology/secretUrls';
import { snapshotSecretValues } from '../model/topology/secretValues';
import type { Topology } from '../model/topology/topology';
import { usesApprunnerYaml, withApprunnerYaml } from '../model/topology/yamlVariables';
import type { CliArgs } from './args';

export interface Session {
  target: AwsTarget;
  clients: AwsClients;
  snapshot: Topology;
  settings: SetupSettings;
}

export function langOf(args: CliArgs, env: NodeJS.ProcessEnv): Lang {
  return args.lang ?? languageOf(env.LC_ALL || env.LANG);
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
    dnsEgress: args.dnsEgress ?? DEFAULT_SETUP_SETTINGS.dnsEgress,
  };
}

/** Flags first, then AWS's own configuration (environment, profile), as the AWS CLI decides. */
export async function targetOf(args: CliArgs, env: NodeJS.ProcessEnv): Promise<AwsTarget> {
  const target = await resolveAwsTarget(
    { region: args.region, profile: args.profile, endpointUrl: args.endpointUrl },
    env,
  );
  // Signed requests and account data never cross the network in clear text, whichever source named the endpoint.
  for (const url of customEndpoints(target)) {
    const problem = endpointUrlProblem(url);
    if (problem) throw new CliFailure(problem, 'insecure-endpoint');
  }
  return target;
}

/**
 * Lines for stderr before the work starts: a region we do not know App Runner in (prefixed like every message
 * of ours), and endpoints that are not AWS's when they came from the environment or the profile rather than
 * from --endpoint-url (the user typed that one).
 */
export function targetNotes(target: AwsTarget, lang: Lang): string[] {
  const notes: string[] = [];
  const warning = regionNotListedWarning(target.region);
  if (warning) notes.push(`apprunner-vpc: ${localize(warning, lang)}`);
  const endpoints = customEndpoints(target);
  if (endpoints.length && !target.endpointUrl)
    notes.push(localize(msg('endpoint from the AWS configuration: {0}', endpoints.join(', ')), lang));
  return notes;
}

export async function openSession(
  args: CliArgs,
  env: NodeJS.ProcessEnv,
  secrets?: string[],
  stderr?: { write(text: string): unknown },
): Promise<Session> {
  const target = await targetOf(args, env);
  // A region missing from our list only warns: App Runner's own answer decides (a region AWS adds tomorrow works).
  for (const note of targetNotes(target, langOf(args, env))) stderr?.write(`${note}\n`);
  const clients = getClients(target);
  const settings = settingsOf(args);
  const snapshot =
    args.command === 'delete-connector'
      ? await loadConnectorTopology(clients, settings.connectorName, true)
      : await loadServiceTopology(clients, {
          service: settings.serviceName,
          connectorName: settings.connectorName,
          listConnectors: connectorListingOf(args),
          withAccountId: true,
          subnetIds: args.subnets,
        });
  const withYaml = await withLocalApprunnerYaml(clients, snapshot, settings.serviceName);
  secrets?.push(...snapshotSecretValues(withYaml));
  return sessionOf(target, clients, withYaml, settings);
}

/**
 * A code service configured by its repository takes its variables from apprunner.yaml: the one in the folder
 * the CLI runs in (a project's root) is read, and a host it names looked up as the API's would be.
 */
async function withLocalApprunnerYaml(clients: AwsClients, snapshot: Topology, serviceName: string): Promise<Topology> {
  const service = snapshot.services.find((s) => (s.name === serviceName || s.arn === serviceName) && s.detailsLoaded);
  if (!service || !usesApprunnerYaml(service)) return snapshot;
  let text: string;
  try {
    text = readFileSync(path.join(process.cwd(), 'apprunner.yaml'), 'utf8');
  } catch {
    return snapshot;
  }
  const linked = withApprunnerYaml(service, text);
  const updated = { ...snapshot, services: snapshot.services.map((s) => (s === service ? linked : s)) };
  return withServiceHosts(clients, updated, linked.name);
}

function sessionOf(target: AwsTarget, clients: AwsClients, snapshot: Topology, settings: SetupSettings): Session {
  // Given an ARN, the rest of the command (plans, findings, texts) names the service by its name.
  const found = snapshot.services.find((s) => s.arn === settings.serviceName && s.detailsLoaded);
  return { target, clients, snapshot, settings: found ? { ...settings, serviceName: found.name } : settings };
}

/**
 * Whether the command must see the connectors of the configured name (docs/performance.md, "Read set per
 * command"): a plan chooses among them; diagnose and export only when the service has no connector of its own
 * (or export is told the names to use); history and detach never.
 */
export function connectorListingOf(args: CliArgs): ConnectorListing {
  switch (args.command) {
    case 'plan':
    case 'apply':
    case 'migrate':
      return 'always';
    case 'export':
    case 'export-script':
      return args.subnets !== undefined ||
        args.connectorName !== undefined ||
        args.securityGroupName !== undefined ||
        args.securityGroupNameTag !== undefined
        ? 'always'
        : 'unattached';
    case 'diagnose':
      return 'unattached';
    default:
      return 'never';
  }
}

/**
 * With --read-secrets, the host and port of the service's database URLs held in secrets (never the value);
 * without it, undefined: the analysis then says which secret it could not look into.
 */
export async function secretUrlsOf(
  session: Session,
  args: CliArgs,
  secrets?: string[],
): Promise<SecretUrlResolution | undefined> {
  if (!args.readSecrets) return undefined;
  const service = session.snapshot.services.find((s) => s.name === session.settings.serviceName);
  const refs = service ? secretUrlReferences(service) : [];
  // What was read is masked by value in everything the CLI prints from now on.
  const read =
    refs.length > 0
      ? await readSecretDatabaseUrls(session.clients, refs, (values) => secrets?.push(...values))
      : undefined;
  // A host read from a secret may be a private zone's name or an EC2 address: looked up as the plain ones were.
  if (read && service) session.snapshot = await withServiceHosts(session.clients, session.snapshot, service.name, read);
  return read;
}

export class CliFailure extends Error {
  constructor(
    readonly localized: Localized,
    readonly code: string,
  ) {
    super(localized.en);
  }
}
