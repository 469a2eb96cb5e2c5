// Export Setup: the runbook's sections 3 to 6 for one service as a bash script of AWS CLI commands, with the
// account's ids filled in. The same target state as plan(): the App Runner group with its egress rules (DNS per the dnsEgress setting)
// and no allow-all egress, the DB group's ingress from it, a connector over the chosen subnets, attached with
// the service's other network settings kept. Every step looks first, so running it again changes nothing.
import { groupLabel } from '../topology/groupNames';
import type { Localized } from '../common/awsError';
import { findAppRunnerGroup } from './appRunnerGroupChoice';
import { chooseConnector } from './connectorChoice';
import { dnsEgressNote, dnsEgressOf } from './dnsEgress';
import { iacOwner, ownerText } from './resourceOwnership';
import type { DesiredSetup } from './desired';
import type { SetupBasis } from './setupFromService';
import { APPRUNNER_SG_DESCRIPTION, MANAGED_BY_TAG } from './setupSettings';
import type { Topology } from '../topology/topology';
import { type Lang, localize, msg } from '../l10n/text';

export interface SetupScriptContext {
  region: string;
  /** The account the ids belong to; the script refuses to run in another one. */
  accountId?: string;
  /** Name of the DB's security group, for the comments. */
  dbSecurityGroupName?: string;
  generatedAt: string;
  lang: Lang;
  /** Whether this is the setup the service uses now or the one Set Up would propose. */
  basis?: SetupBasis;
  /** The IaC tool and stack that own the DB's group: the script then leaves its ingress to that stack. */
  dbGroupOwner?: string;
}

// Characters that end a line or steer a terminal: C0 and C1 controls (\n, \r, ESC, NEL), DEL, the Unicode line
// and paragraph separators, and bidirectional overrides that make a line read other than it runs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_IN_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Text for a comment or a message line: whatever a value holds, it stays on its one line. */
export function oneLine(text: string): string {
  return text.replace(UNSAFE_IN_LINE, ' ');
}

/** $'...' for the unsafe characters, as UTF-8 bytes: \\xHH works in bash 3.2, \\u needs bash 4.2. */
function ansiC(text: string): string {
  const bytes = [...new TextEncoder().encode(text)].map((b) => `\\x${b.toString(16).padStart(2, '0')}`).join('');
  return `$'${bytes}'`;
}

/** Splits text at unsafe characters, quotes the safe runs with `quote` and the unsafe ones as $'...'. */
function quotePieces(text: string, quote: (safe: string) => string): string {
  const parts = text.split(new RegExp(`(${UNSAFE_IN_LINE.source}+)`));
  return parts.map((part, i) => (i % 2 === 1 ? ansiC(part) : part === '' ? '' : quote(part))).join('') || "''";
}

/** One shell word, whatever it contains (control characters kept exactly, but never raw in the script). */
export function shellQuote(value: string | number): string {
  const text = String(value);
  if (/^[A-Za-z0-9_./:=@+-]+$/.test(text)) return text;
  return quotePieces(text, (safe) => `'${safe.replace(/'/g, `'\\''`)}'`);
}

/** A double-quoted shell word, for JMESPath queries that contain single-quoted literals. */
function doubleQuote(value: string): string {
  return quotePieces(value, (safe) => `"${safe.replace(/[\\"$`]/g, (c) => `\\${c}`)}"`);
}

function jmesString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const HELPERS = String.raw`
# A rule that already exists (or, for revoke, is already gone) is fine; any other error stops the script.
change_rule() {
  local tolerated=$1 out
  shift
  if out=$("$@" 2>&1); then
    echo "    done"
  elif grep -q "$tolerated" <<<"$out"; then
    echo "    already so"
  else
    echo "$out" >&2
    return 1
  fi
}

service_status() {
  aws apprunner describe-service --service-arn "$SERVICE_ARN" --query 'Service.Status' --output text
}

wait_until_idle() {
  local status
  while status=$(service_status) && [ "$status" = OPERATION_IN_PROGRESS ]; do
    echo "    $status..."
    sleep "$POLL_SECONDS"
  done
  echo "    $status"
  [ "$status" = RUNNING ]
}

# GET a path of the service until it answers healthy (a fresh deployment can take a moment).
check_health() {
  local path=$1 expect=$2 url scheme body=""
  url=$(aws apprunner describe-service --service-arn "$SERVICE_ARN" --query 'Service.ServiceUrl' --output text)
  case "$url" in 127.0.0.1* | localhost*) scheme=http ;; *) scheme=https ;; esac
  for _ in 1 2 3 4 5 6; do
    if body=$(curl -fsS --max-time 10 "$scheme://$url$path") && grep -Eq "$expect" <<<"$body"; then
      echo "    $body"
      return 0
    fi
    sleep "$POLL_SECONDS"
  done
  echo "    GET $scheme://$url$path did not answer as expected: $body" >&2
  return 1
}
`;

/** The line every export (script, CloudFormation, Terraform) starts with: when, and from which account and region. */
export function exportedBy(generatedAt: string, region: string, accountId: string | undefined): Localized {
  return accountId
    ? msg(
        'Exported by App Runner VPC Connector for VS Code on {0} from account {1}, region {2}.',
        generatedAt,
        accountId,
        region,
      )
    : msg('Exported by App Runner VPC Connector for VS Code on {0} from region {1}.', generatedAt, region);
}

export function setupScript(d: DesiredSetup, ctx: SetupScriptContext): string {
  // Every value that reaches a comment or a message goes through oneLine (a newline in a name would turn
  // the rest of a comment into a command); values in commands go through shellQuote.
  const t = (text: Localized): string => oneLine(localize(text, ctx.lang));
  const q = shellQuote;
  const dbGroup = oneLine(
    ctx.dbSecurityGroupName ? `${ctx.dbSecurityGroupName} (${d.dbSecurityGroupId})` : d.dbSecurityGroupId,
  );
  const groupFilters = JSON.stringify([
    { Name: 'vpc-id', Values: [d.vpcId] },
    { Name: 'group-name', Values: [d.appRunnerSecurityGroupName] },
  ]);
  const nameTag = d.appRunnerSecurityGroupNameTag || d.appRunnerSecurityGroupName;
  const tagFilters = JSON.stringify([
    { Name: 'vpc-id', Values: [d.vpcId] },
    { Name: 'tag:Name', Values: [nameTag] },
  ]);
  const groupTags = `ResourceType=security-group,Tags=[{Key=Name,Value=${nameTag}},{Key=${MANAGED_BY_TAG.key},Value=${MANAGED_BY_TAG.value}}]`;
  const appGroup = nameTag !== d.appRunnerSecurityGroupName ? `${nameTag} (${d.appRunnerSecurityGroupName})` : nameTag;
  const subnets = [...d.subnetIds].sort();
  const connectorQuery = `VpcConnectors[?VpcConnectorName==${jmesString(d.connectorName)} && Status=='ACTIVE'] | [0].[VpcConnectorArn, join(',', sort(Subnets)), join(',', sort(SecurityGroups))]`;
  const rule = (protocol: string, port: number, target: string): string =>
    q(`IpProtocol=${protocol},FromPort=${port},ToPort=${port},${target}`);
  const step = (text: Localized): string => `echo ${q(t(text))}`;
  // vpcResolverOnly: no port 53 rule (see dnsEgress.ts); an existing one is left as it is.
  const dns = dnsEgressOf(d.dnsEgress) === 'runbook';
  const lines = [
    '#!/usr/bin/env bash',
    `# ${t(msg('Runbook setup (sections 3 to 6) for App Runner service {0}: VPC connector {1} to DB instance {2}.', d.serviceName, d.connectorName, d.dbInstanceId))}`,
    `# ${t(exportedBy(ctx.generatedAt, ctx.region, ctx.accountId))}`,
    ...(ctx.basis === 'attached'
      ? [
          `# ${t(msg('The setup {0} uses now: connector {1} with its subnets and {2}.', d.serviceName, d.connectorName, appGroup))}`,
        ]
      : []),
    ...(ctx.basis === 'proposed'
      ? [
          `# ${t(msg("{0} has no active VPC connector attached: this is the setup Set Up VPC Connector proposes (private subnets, the settings' names).", d.serviceName))}`,
        ]
      : []),
    ...(d.appRunnerGroupReplaced
      ? [
          `# ${t(msg('Not {0} ({1}): {2} This script leaves it unchanged and uses a dedicated group {3} with connector {4}.', d.appRunnerGroupReplaced.name, d.appRunnerGroupReplaced.id, d.appRunnerGroupReplaced.why, d.appRunnerSecurityGroupName, d.connectorName))}`,
        ]
      : []),
    `# ${t(msg('Safe to run again: every step looks first and skips what is already in place.'))}`,
    `# ${t(msg('Needs the AWS CLI (v1 or v2), curl and credentials for this account. AWS_ENDPOINT_URL points it at a local sandbox.'))}`,
    'set -euo pipefail',
    // CLI v2 and the SDKs prefer AWS_REGION, CLI v1 reads AWS_DEFAULT_REGION: set both, so a shell's own
    // AWS_REGION cannot send the script to another region.
    `export AWS_REGION=${q(ctx.region)}`,
    `export AWS_DEFAULT_REGION=${q(ctx.region)}`,
    'export AWS_PAGER=""',
    'POLL_SECONDS=${POLL_SECONDS:-10}',
    '',
    `SERVICE_ARN=${q(d.serviceArn)}`,
    `VPC_ID=${q(d.vpcId)}`,
    `DB_SG_ID=${q(d.dbSecurityGroupId)}  # ${dbGroup}`,
    `DB_PORT=${d.dbPort}`,
    HELPERS,
  ];
  if (ctx.accountId) {
    lines.push(
      `account=$(aws sts get-caller-identity --query Account --output text)`,
      `if [ "$account" != ${q(ctx.accountId)} ]; then`,
      `  echo ${q(t(msg('These ids belong to account {0}; the credentials are for account ', ctx.accountId)))}"$account" >&2`,
      '  exit 1',
      'fi',
      '',
    );
  }
  // The region, checked as the account is: the VPC must be there before anything is written.
  lines.push(
    `if ! aws ec2 describe-vpcs --vpc-ids "$VPC_ID" --query 'Vpcs[0].VpcId' --output text >/dev/null; then`,
    `  echo ${q(t(msg('VPC {0} was not found in region {1} with these credentials: nothing was changed.', d.vpcId, ctx.region)))} >&2`,
    '  exit 1',
    'fi',
    '',
  );
  lines.push(
    `# 3.1 ${oneLine(appGroup)}`,
    step(msg('3.1 Security group {0} in {1}', appGroup, d.vpcId)),
    `# ${t(msg('EC2 refuses group names starting with "sg-": the group is found by its GroupName, else by its Name tag {0}.', nameTag))}`,
    `APPRUNNER_SG_ID=$(aws ec2 describe-security-groups --filters ${q(groupFilters)} --query 'SecurityGroups[0].GroupId' --output text)`,
    // A replaced group (default, shared, IaC-owned) may carry the Name tag: the dedicated one is found by GroupName only.
    ...(d.appRunnerGroupReplaced
      ? []
      : [
          'if [ "$APPRUNNER_SG_ID" = None ]; then',
          `  APPRUNNER_SG_ID=$(aws ec2 describe-security-groups --filters ${q(tagFilters)} --query 'SecurityGroups[0].GroupId' --output text)`,
          'fi',
        ]),
    'if [ "$APPRUNNER_SG_ID" = None ]; then',
    `  APPRUNNER_SG_ID=$(aws ec2 create-security-group --group-name ${q(d.appRunnerSecurityGroupName)} --description ${q(APPRUNNER_SG_DESCRIPTION)} --vpc-id "$VPC_ID" \\`,
    `    --tag-specifications ${q(groupTags)} --query GroupId --output text)`,
    'fi',
    'echo "    $APPRUNNER_SG_ID"',
    `# ${t(msg('Never change a group other resources use: its rules would change their traffic too.'))}`,
    `others=$(aws ec2 describe-network-interfaces --filters "Name=group-id,Values=$APPRUNNER_SG_ID" --query ${doubleQuote("length(NetworkInterfaces[?!(contains(Description, 'App Runner') || contains(Description, 'AppRunner'))])")} --output text)`,
    'if [ "$others" != 0 ]; then',
    `  echo ${q(t(msg('{0} is used by other network interfaces; nothing was changed. Export again from the extension: it proposes a dedicated group.', d.appRunnerSecurityGroupName)))}" ($others)" >&2`,
    '  exit 1',
    'fi',
    ...(dns
      ? [step(msg('3.1 Outbound: the database, HTTPS and DNS'))]
      : [step(msg('3.1 Outbound: the database and HTTPS')), `# ${t(dnsEgressNote('vpcResolverOnly'))}`]),
    `change_rule InvalidPermission.Duplicate aws ec2 authorize-security-group-egress --group-id "$APPRUNNER_SG_ID" --ip-permissions "IpProtocol=tcp,FromPort=$DB_PORT,ToPort=$DB_PORT,UserIdGroupPairs=[{GroupId=$DB_SG_ID}]"`,
    `change_rule InvalidPermission.Duplicate aws ec2 authorize-security-group-egress --group-id "$APPRUNNER_SG_ID" --ip-permissions ${rule('tcp', 443, 'IpRanges=[{CidrIp=0.0.0.0/0}]')}`,
    ...(dns
      ? [
          `change_rule InvalidPermission.Duplicate aws ec2 authorize-security-group-egress --group-id "$APPRUNNER_SG_ID" --ip-permissions ${rule('udp', 53, 'IpRanges=[{CidrIp=0.0.0.0/0}]')}`,
        ]
      : []),
    ...(d.ipAddressType === 'DUAL_STACK'
      ? [
          `# ${t(msg('{0} is DUAL_STACK: the same rules to ::/0.', d.serviceName))}`,
          `change_rule InvalidPermission.Duplicate aws ec2 authorize-security-group-egress --group-id "$APPRUNNER_SG_ID" --ip-permissions ${rule('tcp', 443, 'Ipv6Ranges=[{CidrIpv6=::/0}]')}`,
          ...(dns
            ? [
                `change_rule InvalidPermission.Duplicate aws ec2 authorize-security-group-egress --group-id "$APPRUNNER_SG_ID" --ip-permissions ${rule('udp', 53, 'Ipv6Ranges=[{CidrIpv6=::/0}]')}`,
              ]
            : []),
        ]
      : []),
    `# ${t(msg('A new group allows all outbound traffic: that rule goes once the rules above exist. Other rules of an existing group stay.'))}`,
    `change_rule InvalidPermission.NotFound aws ec2 revoke-security-group-egress --group-id "$APPRUNNER_SG_ID" --ip-permissions 'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'`,
    `change_rule InvalidPermission.NotFound aws ec2 revoke-security-group-egress --group-id "$APPRUNNER_SG_ID" --ip-permissions 'IpProtocol=-1,Ipv6Ranges=[{CidrIpv6=::/0}]'`,
    '',
    `# 3.2 ${dbGroup}`,
    step(msg('3.2 Inbound to {0}: port {1} from {2}', dbGroup, d.dbPort, nameTag)),
    ...(ctx.dbGroupOwner
      ? [
          `# ${t(msg('{0} is managed by {1}: add this inbound rule there (TCP {2} from the App Runner group), not here.', dbGroup, ctx.dbGroupOwner, d.dbPort))}`,
          `echo ${q(t(msg('    skipped: managed by {0}; add TCP {1} from ', ctx.dbGroupOwner, d.dbPort)))}"$APPRUNNER_SG_ID"`,
        ]
      : [
          `change_rule InvalidPermission.Duplicate aws ec2 authorize-security-group-ingress --group-id "$DB_SG_ID" --ip-permissions "IpProtocol=tcp,FromPort=$DB_PORT,ToPort=$DB_PORT,UserIdGroupPairs=[{GroupId=$APPRUNNER_SG_ID}]"`,
        ]),
    '',
    `# 4 ${oneLine(d.connectorName)}`,
    step(msg('4 VPC connector {0} over {1}', d.connectorName, subnets.join(', '))),
    `SUBNETS=${q(subnets.join(','))}`,
    `connector=$(aws apprunner list-vpc-connectors --query ${doubleQuote(connectorQuery)} --output text)`,
    'read -r CONNECTOR_ARN connector_subnets connector_groups <<<"$connector"',
    'if [ "$CONNECTOR_ARN" = None ]; then',
    `  CONNECTOR_ARN=$(aws apprunner create-vpc-connector --vpc-connector-name ${q(d.connectorName)} --subnets ${subnets.map(q).join(' ')} --security-groups "$APPRUNNER_SG_ID" \\`,
    `    --tags Key=${MANAGED_BY_TAG.key},Value=${MANAGED_BY_TAG.value} --query VpcConnector.VpcConnectorArn --output text)`,
    'elif [ "$connector_subnets" != "$SUBNETS" ] || [ "$connector_groups" != "$APPRUNNER_SG_ID" ]; then',
    `  echo ${q(t(msg("Connector {0} exists with other subnets or groups, and connectors cannot be changed. Delete it when no service uses it, or choose another name; the extension's Set Up VPC Connector creates {0}-2 instead.", d.connectorName)))} >&2`,
    '  echo "    $connector_subnets / $connector_groups" >&2',
    '  exit 1',
    'fi',
    'echo "    $CONNECTOR_ARN"',
    '',
    `# 5.1 ${oneLine(d.serviceName)}`,
    step(
      msg('5.1 Attach {0} to {1} (redeploys the service; other network settings kept)', d.connectorName, d.serviceName),
    ),
    'wait_until_idle || true',
    `network=$(aws apprunner describe-service --service-arn "$SERVICE_ARN" \\`,
    `  --query 'Service.NetworkConfiguration.[EgressConfiguration.VpcConnectorArn, IngressConfiguration.IsPubliclyAccessible, IpAddressType]' --output text)`,
    'read -r current public ip_type <<<"$network"',
    'if [ "$current" != "$CONNECTOR_ARN" ]; then',
    '  network="EgressConfiguration={EgressType=VPC,VpcConnectorArn=$CONNECTOR_ARN}"',
    // The CLI prints True/False; the shorthand wants true/false. A case, not ${public,,}: macOS has bash 3.2.
    '  case "$public" in True) public=true ;; False) public=false ;; esac',
    '  [ "$public" = None ] || network="$network,IngressConfiguration={IsPubliclyAccessible=$public}"',
    '  [ "$ip_type" = None ] || network="$network,IpAddressType=$ip_type"',
    '  aws apprunner update-service --service-arn "$SERVICE_ARN" --network-configuration "$network" --query OperationId --output text',
    '  sleep "$POLL_SECONDS"',
    'fi',
    step(msg('5.2 Wait for {0} to be RUNNING', d.serviceName)),
    'wait_until_idle',
    '',
    '# 6',
    step(msg('6.1 GET {0}', d.healthCheckPath)),
    `check_health ${q(d.healthCheckPath)} '"status" *: *"healthy"'`,
    step(msg('6.2 GET {0}', d.dbHealthPath)),
    `check_health ${q(d.dbHealthPath)} '"database" *: *"connected"'`,
    step(msg('Done.')),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The script for a setup resolved from this snapshot: region, the DB group's name and owner come from it, and
 * the connector name is the plan's revision (`<name>-2`) when the group of the attached connector was replaced.
 */
export function setupScriptFor(
  snapshot: Topology,
  d: DesiredSetup,
  ctx: Omit<SetupScriptContext, 'region' | 'dbSecurityGroupName' | 'dbGroupOwner'>,
): string {
  const dbGroup = snapshot.securityGroups.find((g) => g.id === d.dbSecurityGroupId);
  const owner = iacOwner(dbGroup?.tags);
  // The group plan() and the IaC exports find: by GroupName, else by the Name tag (a hand-made group).
  const appGroupId = findAppRunnerGroup(snapshot, d)?.id;
  // The plan's connector: a connector of the wanted name that does not match (connectors cannot change) gives
  // the revision `<name>-2`, as Set Up, apply and the CloudFormation/Terraform exports do. The script still
  // stops at run time if a mismatched connector of the chosen name appeared after the export.
  const connectorName = chooseConnector(snapshot, d.connectorName, d.subnetIds, appGroupId).name;
  return setupScript(
    { ...d, connectorName },
    {
      ...ctx,
      region: snapshot.region,
      dbSecurityGroupName: dbGroup ? groupLabel(dbGroup) : undefined,
      ...(owner ? { dbGroupOwner: ownerText(owner) } : {}),
    },
  );
}
