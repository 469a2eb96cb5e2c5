// Command-line parsing with Node's own `util.parseArgs` (`apprunner-vpc <command> [--flag value |
// --flag=value]...`); our checks of the values and our messages stay on top of it.
import { parseArgs as parseNodeArgs, type ParseArgsConfig } from 'node:util';
import { DNS_EGRESS_VALUES, type DnsEgress, isDnsEgress } from '../model/plan/dnsEgress';
import { EXPORT_FORMATS, type ExportFormat } from '../model/iac/exportFormats';
import { type Lang, languages } from '../model/l10n/text';

export const COMMANDS = [
  'plan',
  'apply',
  'detach',
  'delete-connector',
  'diagnose',
  'export',
  'export-script',
  'history',
  'migrate',
  'help',
] as const;
export type Command = (typeof COMMANDS)[number];

export interface CliArgs {
  command: Command;
  service?: string;
  dbInstance?: string;
  subnets?: string[];
  connectorName?: string;
  securityGroupName?: string;
  securityGroupNameTag?: string;
  dbSecurityGroupName?: string;
  region?: string;
  profile?: string;
  endpointUrl?: string;
  yes: boolean;
  /** apply: go on although the plan has blockers (never implied by --yes). */
  ignoreBlockers?: boolean;
  json: boolean;
  /** Opt-in: read a DATABASE_URL held in Secrets Manager / SSM to compare its host (never printed or stored). */
  readSecrets?: boolean;
  lang?: Lang;
  pollIntervalSeconds?: number;
  waitTimeoutSeconds?: number;
  /** Kept as typed: validated with the other names when the setup is resolved, so the message is the model's. */
  dbPort?: string;
  /** history: the resources to read (ids or ARNs); default the service, its connector and their groups. */
  resources?: string[];
  /** runbook (UDP 53 to 0.0.0.0/0) or vpcResolverOnly (no 53 rule: the VPC resolver is not filtered). */
  dnsEgress?: DnsEgress;
  /** export: bash (the default; `export-script` is its old name), cloudformation, cdk or terraform. */
  format?: ExportFormat;
  /** export: the folder to write the files to (else the main file goes to stdout). */
  out?: string;
  /** migrate: where to (only `ecs-express`, Amazon ECS Express Mode, for now). */
  to?: 'ecs-express';
}

/** Options that take a value: the flag (without --) and the CliArgs field it fills. Add a flag here. */
const VALUE_FLAGS = {
  service: 'service',
  'db-instance': 'dbInstance',
  subnets: 'subnets',
  'connector-name': 'connectorName',
  'security-group-name': 'securityGroupName',
  'security-group-name-tag': 'securityGroupNameTag',
  'db-security-group-name': 'dbSecurityGroupName',
  region: 'region',
  profile: 'profile',
  'endpoint-url': 'endpointUrl',
  lang: 'lang',
  'poll-interval': 'pollIntervalSeconds',
  'wait-timeout': 'waitTimeoutSeconds',
  'db-port': 'dbPort',
  resource: 'resources',
  'dns-egress': 'dnsEgress',
  format: 'format',
  out: 'out',
  to: 'to',
} as const;

/** Switches: the flag, its one-letter form, and the CliArgs field it sets (help changes the command). */
const SWITCHES = {
  yes: { short: 'y', key: 'yes' },
  json: { key: 'json' },
  'ignore-blockers': { key: 'ignoreBlockers' },
  'read-secrets': { key: 'readSecrets' },
  help: { short: 'h', key: 'help' },
} as const;

const OPTIONS: NonNullable<ParseArgsConfig['options']> = {
  ...Object.fromEntries(Object.keys(VALUE_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
  ...Object.fromEntries(
    Object.entries(SWITCHES).map(([flag, s]) => [
      flag,
      { type: 'boolean' as const, ...('short' in s ? { short: s.short } : {}) },
    ]),
  ),
};

type ParseResult = { ok: true; args: CliArgs } | { ok: false; error: string };

function setValue(
  args: CliArgs,
  key: (typeof VALUE_FLAGS)[keyof typeof VALUE_FLAGS],
  flag: string,
  value: string,
): string | undefined {
  if (key === 'resources') {
    const more = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (more.length === 0) return `${flag} needs a resource id or ARN (got "${value}")`;
    // Repeatable: --resource sg-1 --resource sg-2 reads both.
    args.resources = [...(args.resources ?? []), ...more];
  } else if (key === 'subnets') {
    args.subnets = value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // An empty list must not silently mean "choose for me".
    if (args.subnets.length === 0) return `${flag} needs subnet ids separated by commas (got "${value}")`;
  } else if (key === 'lang') {
    // Any language with a bundle (l10n/bundle.l10n.<lang>.json) and English; "ja-JP" reads as "ja".
    const lang = value.toLowerCase().split(/[-_]/)[0];
    const known = languages();
    if (!known.includes(lang))
      return `--lang must be one of ${known.join(', ')}: a language needs its bundle l10n/bundle.l10n.<lang>.json (got "${value}")`;
    args.lang = lang;
  } else if (key === 'dnsEgress') {
    if (!isDnsEgress(value)) return `${flag} must be one of ${DNS_EGRESS_VALUES.join(', ')} (got "${value}")`;
    args.dnsEgress = value;
  } else if (key === 'dbPort') {
    // Only digits here; the range (1 to 65535) is checked with the other settings.
    if (!/^\d+$/.test(value)) return `${flag} must be a whole number from 1 to 65535 (got "${value}")`;
    args.dbPort = value;
  } else if (key === 'format') {
    if (!(EXPORT_FORMATS as readonly string[]).includes(value))
      return `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${value}")`;
    args.format = value as ExportFormat;
  } else if (key === 'to') {
    if (value !== 'ecs-express') return `--to must be ecs-express (got "${value}")`;
    args.to = value;
  } else if (key === 'out') {
    if (value === '') return '--out needs a folder';
    args.out = value;
  } else if (key === 'pollIntervalSeconds' || key === 'waitTimeoutSeconds') {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0) return `${flag} must be a number of seconds (got "${value}")`;
    args[key] = n;
  } else args[key] = value;
  return undefined;
}

/** Node's messages in ours: the option as typed, and what is wrong with it. */
function nodeError(error: { code?: string; message: string }): string {
  const option = /'(?:-\w, )?(--?[A-Za-z][\w-]*)/.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option "${option}"`;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unknown option "${/'([^']*)'/.exec(error.message)?.[1] ?? ''}"`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(error.message)
      ? `${option} does not take a value`
      : `${option} needs a value`;
  }
  return error.message;
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h')
    return { ok: true, args: { command: 'help', yes: false, json: false } };
  if (!(COMMANDS as readonly string[]).includes(command)) {
    return { ok: false, error: `unknown command "${command}" (use one of: ${COMMANDS.join(', ')})` };
  }
  let tokens: ReturnType<typeof parseNodeArgs>['tokens'];
  try {
    ({ tokens } = parseNodeArgs({
      args: [...rest],
      options: OPTIONS,
      strict: true,
      allowPositionals: false,
      tokens: true,
    }));
  } catch (error) {
    return { ok: false, error: nodeError(error as { code?: string; message: string }) };
  }
  const args: CliArgs = { command: command as Command, yes: false, json: false };
  // In the order typed, so the first bad value is the one reported (and a repeated flag's last value wins).
  for (const token of tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (token.name in SWITCHES) {
      const key = SWITCHES[token.name as keyof typeof SWITCHES].key;
      if (key === 'help') args.command = 'help';
      else args[key] = true;
      continue;
    }
    const problem = setValue(
      args,
      VALUE_FLAGS[token.name as keyof typeof VALUE_FLAGS],
      token.rawName,
      token.value ?? '',
    );
    if (problem) return { ok: false, error: problem };
  }
  return { ok: true, args };
}

export const USAGE = `Usage: apprunner-vpc <plan|apply|detach|delete-connector|diagnose|export|export-script|history|migrate> [options]

  plan              show what is missing for the runbook's setup (exit 0: nothing, 2: changes, 1: error)
  apply             show the plan, ask, then apply it step by step (--yes to skip the question; exit 0: done,
                    4: stopped before the first change by a blocker, 1: failed)
  detach            put the service back on DEFAULT egress
  delete-connector  delete the connector if no service uses it
  diagnose          why the service can or cannot reach its DB (exit 0: clean, 3: problems, 1: error)
  history           who changed the service, its connector and security groups, and when (CloudTrail
                    LookupEvents, runbook 8.2); --resource ID|ARN (repeatable) for other resources
  export            the setup as code (the service's own connector when it has one, else what apply would
                    set up): --format bash (default; a re-runnable script of AWS CLI commands),
                    cloudformation (template.yaml), cdk (a TypeScript app) or terraform (.tf files)
  export-script     the same as export --format bash
  migrate           plan the move of the service to Amazon ECS Express Mode (--to ecs-express, the default)
                    with its database path; --yes creates the Express service next to the App Runner service,
                    which is never changed (exit 0: nothing to do or done, 2: changes planned, 1: error)

Options:
  --service NAME          App Runner service (default kyudai-api)
  --db-instance ID        the database: an RDS DB instance, DB cluster or RDS Proxy identifier (default:
                          the one DATABASE_URL points at, or the only database; proxies not counted)
  --subnets a,b           connector subnets (default: the DB subnet group's private subnets, one per AZ)
  --connector-name N      VPC connector name (default campus-sns-vpc-connector)
  --security-group-name N App Runner security group GroupName (default apprunner-connector; not sg-...)
  --security-group-name-tag N  its Name tag, also used to find an existing group (default sg-apprunner)
  --db-security-group-name N  the DB's security group, GroupName or Name tag (default sg-rds)
  --db-port N             DB port when the DB instance does not report one (default 5432)
  --dns-egress M          runbook (default: UDP 53 to 0.0.0.0/0) or vpcResolverOnly (no port 53 rule:
                          security groups do not filter the VPC's Amazon DNS resolver; an existing rule stays)
  --region R  --profile P  --endpoint-url URL
  --yes                   do not ask before applying; export: overwrite files in --out
  --ignore-blockers       apply: go on although the plan names blockers (a network ACL, a stopped DB, DNS
                          off, an unsupported AZ): the checks they name will fail (--yes does not imply it)
  --format F              export: bash, cloudformation, cdk or terraform (default bash)
  --out DIR               export: write the files to DIR (default: the main file to stdout)
  --json                  print one JSON document on stdout
  --read-secrets          read a DATABASE_URL given through RuntimeEnvironmentSecrets (Secrets Manager
                          GetSecretValue, SSM GetParameter) to compare its host and port; the value is
                          never printed, logged or stored
  --lang L                language of the text output: en, or any language with an l10n bundle (ja)
                          (default from LC_ALL or LANG)
  --poll-interval S       seconds between status polls while waiting (default 5)
  --wait-timeout S        how long to wait for a deployment (default 900)
`;
