// Blockers: what the plan cannot change and what will make its own checks fail, found before the first write
// (docs/real-accounts.md, "Blockers before writes"). Each is a plan warning with a code, the resources it is
// about and the fix; the check steps it would fail carry it as `blockedBy`, and apply stops before its first
// write unless told to go on anyway. The network ACL legs are the diagnosis's own (topology/aclFlows.ts).
import type { Localized } from '../common/awsError';
import {
  aclFlowBlocks,
  type AclBlock,
  type DatabaseAclLeg,
  databaseAclFlows,
  databaseSubnets,
} from '../topology/aclFlows';
import { type DatabaseTarget, databaseLabel, targetByEndpoint, targetById } from '../topology/databaseTargets';
import { DEFAULT_RULE_NUMBER } from '../topology/networkAcl';
import { databaseUrlsIn } from '../topology/databaseUrl';
import type { AppRunnerService, NetworkAcl, Subnet, Topology, Vpc } from '../topology/topology';
import { describePorts } from '../topology/trafficSpace';
import type { DesiredSetup } from './desired';
import type { PlanWarning } from './planSteps';
import { msg } from '../l10n/text';

/** Where the blocker gets its facts: the resolved setup and the service it is for. */
export interface BlockerInput {
  snapshot: Topology;
  desired: DesiredSetup;
  service?: AppRunnerService;
}

function blocker(
  code: PlanWarning['code'],
  message: Localized,
  evidence: string[],
  fix: Localized,
  blocks: BlockedCheck[] = ['check-db-health'],
): PlanWarning {
  return { code, message, evidence, blocker: { fix, blocks } };
}

type BlockedCheck = 'check-health' | 'check-db-health';

/** A rule number free in that direction of the ACL and lower than `below`, so the allow is evaluated first. */
export function freeRuleNumber(acl: NetworkAcl | undefined, egress: boolean, below: number): number {
  const used = new Set((acl?.entries ?? []).filter((e) => e.egress === egress).map((e) => e.ruleNumber));
  const ceiling = below >= DEFAULT_RULE_NUMBER ? Math.max(100, ...[...used].filter((n) => n < below)) + 10 : below;
  for (let n = Math.min(ceiling, 32766) - 1; n >= 1; n--) if (!used.has(n)) return n;
  return 1;
}

function aclFix(snapshot: Topology, block: AclBlock<DatabaseAclLeg>): Localized {
  const acl = snapshot.networkAcls.find((a) => a.id === block.aclId);
  const { flow } = block;
  const deny = acl?.entries
    .filter((e) => e.egress === flow.egress && e.action === 'deny')
    .find((e) => block.entries.some((b) => b.id === `${block.aclId}#${e.ruleNumber}`));
  const number = freeRuleNumber(acl, flow.egress, deny?.ruleNumber ?? DEFAULT_RULE_NUMBER);
  // Replies: the range the VPC User Guide recommends for return traffic ("Ephemeral ports"), which covers
  // every client's own range (Linux's 32768-60999 is what the check evaluates).
  const ports = block.kind === 'nacl-missing-ephemeral-return' ? { from: 1024, to: 65535 } : flow.ports;
  const commands = flow.peerCidrs.map(
    (cidr) =>
      `aws ec2 create-network-acl-entry --network-acl-id ${block.aclId} ${flow.egress ? '--egress' : '--ingress'} --rule-number ${number} --protocol tcp --port-range From=${ports.from},To=${ports.to} --cidr-block ${cidr} --rule-action allow`,
  );
  return msg(
    'Allow {0} TCP {1} {2} {3} in {4} with a rule number below the entry that blocks it (or change that entry): {5}. Then plan again.',
    flow.egress ? msg('outbound') : msg('inbound'),
    describePorts(ports),
    flow.egress ? msg('to') : msg('from'),
    flow.peerCidrs.join(', '),
    block.aclId,
    commands.join(' ; '),
  );
}

/** Network ACLs between the connector subnets and the database's, the DB port in and the replies out. */
function aclBlockers(snapshot: Topology, d: DesiredSetup, db: DatabaseTarget): PlanWarning[] {
  const connectorSubnets = snapshot.subnets.filter((s) => d.subnetIds.includes(s.id));
  const flows = databaseAclFlows(connectorSubnets, databaseSubnets(snapshot, db), d.dbPort);
  return aclFlowBlocks(snapshot, flows).map((block) => {
    const entries = block.entries.map((e) => e.id);
    const where = [...new Set(entries)].join(', ');
    const message =
      block.kind === 'nacl-denies-db-port'
        ? block.flow.egress
          ? msg(
              'Network ACL {0} ({1}) blocks outbound TCP {2} from the connector subnets to the database: the database check will fail.',
              block.aclId,
              where,
              d.dbPort,
            )
          : msg(
              'Network ACL {0} ({1}) blocks inbound TCP {2} from the connector subnets to the database: the database check will fail.',
              block.aclId,
              where,
              d.dbPort,
            )
        : msg(
            'Network ACL {0} ({1}) blocks the database replies on ephemeral ports 1024-65535 ({2}; network ACLs are stateless): the database check will fail.',
            block.aclId,
            where,
            block.flow.egress ? msg('outbound') : msg('inbound'),
          );
    return blocker(block.kind, message, [block.aclId, ...entries], aclFix(snapshot, block));
  });
}

/** A database (or the one behind an RDS Proxy) that is not `available` accepts no connection. */
function stateBlockers(db: DatabaseTarget): PlanWarning[] {
  return [db, ...(db.behind ? [db.behind] : [])]
    .filter((t) => t.status !== 'available')
    .map((t) =>
      blocker(
        'db-not-available',
        msg('{0} is {1}, not available: the database check will fail.', databaseLabel(t), t.status || '?'),
        [t.id],
        t.status === 'stopped'
          ? t.kind === 'cluster'
            ? msg('Start it (aws rds start-db-cluster --db-cluster-identifier {0}) and plan again.', t.id)
            : msg('Start it (aws rds start-db-instance --db-instance-identifier {0}) and plan again.', t.id)
          : msg('Wait until it is available (aws rds describe-db-instances / describe-db-clusters) and plan again.'),
      ),
    );
}

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-f:]+\]?)$/i;

/**
 * Host names in the service's database URLs that are neither an RDS endpoint of this account nor an AWS name
 * nor an address: names a Route 53 private hosted zone would answer (whether or not the snapshot followed one).
 */
export function privateDatabaseHosts(snapshot: Topology, service: AppRunnerService | undefined): string[] {
  const hosts = databaseUrlsIn(service?.source?.environment).map((u) => u.url.host.toLowerCase());
  return [
    ...new Set(
      hosts.filter(
        (h) =>
          h.includes('.') && !IP_LITERAL.test(h) && !h.endsWith('.amazonaws.com') && !targetByEndpoint(snapshot, h),
      ),
    ),
  ];
}

/** The VPC resolver answers only with enableDnsSupport; private hosted zones also need enableDnsHostnames. */
function dnsBlockers(vpc: Vpc | undefined, privateHosts: string[]): PlanWarning[] {
  if (!vpc) return [];
  if (vpc.enableDnsSupport === false) {
    return [
      blocker(
        'vpc-dns-support-off',
        msg(
          'DNS resolution (enableDnsSupport) is off in {0}: through the connector the service cannot resolve the database endpoint, so the database check will fail.',
          vpc.id,
        ),
        [vpc.id],
        msg(
          'Turn it on if nothing in the VPC relies on it being off (aws ec2 modify-vpc-attribute --vpc-id {0} --enable-dns-support) and plan again.',
          vpc.id,
        ),
      ),
    ];
  }
  if (vpc.enableDnsHostnames === false && privateHosts.length > 0) {
    return [
      blocker(
        'private-name-dns-off',
        msg(
          'The database URL names {0}, a private name, but DNS hostnames (enableDnsHostnames) are off in {1}: a Route 53 private hosted zone does not answer there, so the database check will fail.',
          privateHosts.join(', '),
          vpc.id,
        ),
        [vpc.id, ...privateHosts],
        msg(
          'Turn DNS hostnames on (aws ec2 modify-vpc-attribute --vpc-id {0} --enable-dns-hostnames) and plan again.',
          vpc.id,
        ),
      ),
    ];
  }
  return [];
}

/**
 * The database was named through a private hosted zone that is not associated with the VPC the connector goes
 * into: the VPC resolver there does not answer with that zone (Route 53 Developer Guide, "Working with private
 * hosted zones"), so the name does not resolve through the connector.
 */
function zoneBlockers(snapshot: Topology, d: DesiredSetup): PlanWarning[] {
  const named = d.dbNamedBy?.privateName;
  if (!named) return [];
  const zone = (snapshot.privateZones ?? []).find((z) => z.id === named.zoneId);
  if (!zone || zone.vpcIds.includes(d.vpcId)) return [];
  return [
    blocker(
      'private-zone-not-associated',
      msg(
        '{0} is a name of the private hosted zone {1} ({2}), which is not associated with {3}: through the connector the service cannot resolve it, so the database check will fail.',
        named.chain[0] ?? '',
        zone.name,
        zone.id,
        d.vpcId,
      ),
      [zone.id, d.vpcId],
      msg(
        'Associate the zone with the VPC (aws route53 associate-vpc-with-hosted-zone --hosted-zone-id {0} --vpc VPCRegion={1},VPCId={2}) and plan again.',
        zone.id,
        snapshot.region,
        d.vpcId,
      ),
    ),
  ];
}

/** Connector subnets in an AZ App Runner does not offer VPC connectors in: the deployment rolls back. */
function azBlockers(snapshot: Topology, subnets: readonly Subnet[]): PlanWarning[] {
  const bad = subnets.filter((s) => s.availabilityZoneId && snapshot.unsupportedAzIds.includes(s.availabilityZoneId));
  if (bad.length === 0) return [];
  return [
    blocker(
      'connector-az-unsupported',
      msg(
        'Connector subnets {0} are in Availability Zones App Runner VPC connectors do not support ({1}): the deployment will roll back and the checks fail.',
        bad.map((s) => s.id).join(', '),
        bad.map((s) => `${s.availabilityZone} ${s.availabilityZoneId ?? ''}`.trim()).join(', '),
      ),
      bad.map((s) => s.id),
      msg('Choose subnets in other Availability Zones (--subnets, or the subnet pick) and plan again.'),
      ['check-health', 'check-db-health'],
    ),
  ];
}

export function planBlockers({ snapshot, desired: d, service }: BlockerInput): PlanWarning[] {
  const db = targetById(snapshot, d.dbInstanceId);
  const subnets = snapshot.subnets.filter((s) => d.subnetIds.includes(s.id));
  const vpc = snapshot.vpcs.find((v) => v.id === d.vpcId);
  return [
    ...azBlockers(snapshot, subnets),
    ...(db ? stateBlockers(db) : []),
    ...dnsBlockers(vpc, privateDatabaseHosts(snapshot, service)),
    ...zoneBlockers(snapshot, d),
    ...(db ? aclBlockers(snapshot, d, db) : []),
  ];
}
