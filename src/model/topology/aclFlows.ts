// Flows checked against the network ACLs of the subnets they cross, with every blocked leg as plain evidence:
// the deny entry ('acl-...#90') or the implicit deny ('acl-...#*'). Legs blocked by the same ACL in the same
// direction are one block, so a two-subnet connector does not report one problem twice. Plain data, so the
// diagnosis (as findings) and the plan (as blockers before its first write) read the same evaluation without
// the plan importing the diagnosis.
import { aclForSubnet, describeEntry, entryLabel, evaluateNetworkAcl } from './networkAcl';
import type { DbInstance, Subnet, Topology } from './topology';
import { CLIENT_EPHEMERAL_PORTS, describePorts, type PortRange, type Protocol } from './trafficSpace';

export interface AclFlow<K extends string = string> {
  /** The subnet whose ACL is evaluated. */
  subnet: Subnet;
  egress: boolean;
  protocol: Protocol;
  ports: PortRange;
  peerCidrs: string[];
  /** What the reader calls a block of this leg (a finding id). */
  kind: K;
}

export interface AclBlockEntry {
  /** `acl-...#<rule number>`, or `acl-...#*` for the implicit deny. */
  id: string;
  detail: string;
}

export interface AclBlock<K extends string = string> {
  kind: K;
  aclId: string;
  /** The first blocked leg (its direction and ports name the block). */
  flow: AclFlow<K>;
  entries: AclBlockEntry[];
}

export function aclFlowBlocks<K extends string>(topology: Topology, flows: readonly AclFlow<K>[]): AclBlock<K>[] {
  const grouped = new Map<string, AclBlock<K>>();
  for (const flow of flows) {
    const acl = aclForSubnet(topology.networkAcls, flow.subnet.id, flow.subnet.vpcId, flow.subnet.networkAclId);
    if (!acl) continue; // An unknown ACL is not evidence of a block.
    const verdict = evaluateNetworkAcl(acl, flow);
    if (verdict.allowed) continue;
    const key = `${flow.kind}|${acl.id}|${flow.egress}`;
    const block = grouped.get(key) ?? { kind: flow.kind, aclId: acl.id, flow, entries: [] };
    const what = `${flow.egress ? 'outbound to' : 'inbound from'} ${flow.peerCidrs.join(', ')} ${flow.protocol} ${describePorts(flow.ports)} (subnet ${flow.subnet.id})`;
    const detail = verdict.deniedBy
      ? `${describeEntry(verdict.deniedBy)} denies ${what}`
      : `no entry allows ${what}: implicit deny`;
    const id = entryLabel(acl.id, verdict.deniedBy);
    if (!block.entries.some((e) => e.id === id && e.detail === detail)) block.entries.push({ id, detail });
    grouped.set(key, block);
  }
  return [...grouped.values()];
}

export type DatabaseAclLeg = 'nacl-denies-db-port' | 'nacl-missing-ephemeral-return';

/**
 * The subnets a connection to the database ends in: those of its subnet group in its own AZ when that is
 * known (an instance listens in one AZ), else all of the group's.
 */
export function databaseSubnets(topology: Topology, db: Pick<DbInstance, 'subnetIds' | 'availabilityZone'>): Subnet[] {
  const group = topology.subnets.filter((s) => db.subnetIds.includes(s.id));
  const inAz = group.filter((s) => s.availabilityZone === db.availabilityZone);
  return inAz.length > 0 ? inAz : group;
}

/**
 * Connector subnets to database subnets on the DB port, both ways through both ACLs: network ACLs are stateless,
 * so the replies on the client's ephemeral ports need their own entries (VPC User Guide, "Network ACLs").
 */
export function databaseAclFlows(
  connectorSubnets: readonly Subnet[],
  dbSubnets: readonly Subnet[],
  dbPort: number,
): AclFlow<DatabaseAclLeg>[] {
  const port = { from: dbPort, to: dbPort };
  const flows: AclFlow<DatabaseAclLeg>[] = [];
  for (const app of connectorSubnets) {
    for (const dbs of dbSubnets) {
      if (app.id === dbs.id) continue; // Traffic inside one subnet does not cross its ACL.
      const toDb = [dbs.cidrBlock];
      const toApp = [app.cidrBlock];
      const tcp = 'tcp' as const;
      flows.push(
        { subnet: app, egress: true, protocol: tcp, ports: port, peerCidrs: toDb, kind: 'nacl-denies-db-port' },
        { subnet: dbs, egress: false, protocol: tcp, ports: port, peerCidrs: toApp, kind: 'nacl-denies-db-port' },
        {
          subnet: dbs,
          egress: true,
          protocol: tcp,
          ports: CLIENT_EPHEMERAL_PORTS,
          peerCidrs: toApp,
          kind: 'nacl-missing-ephemeral-return',
        },
        {
          subnet: app,
          egress: false,
          protocol: tcp,
          ports: CLIENT_EPHEMERAL_PORTS,
          peerCidrs: toDb,
          kind: 'nacl-missing-ephemeral-return',
        },
      );
    }
  }
  return flows;
}
