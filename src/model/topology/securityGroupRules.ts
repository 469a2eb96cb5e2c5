// Security group evaluation: groups only allow, an ENI in several groups gets the union of their rules, and
// they are stateful (no return rule needed). A peer is reachable through a rule that references one of the
// peer's groups, or through CIDR rules that together cover every address of the peer.
import { formatCidr, isWorld, parseCidr } from './cidr';
import { SecurityGroup, SecurityGroupRule } from './topology';
import {
  Box,
  boxesFor,
  boxOverlaps,
  describePorts,
  PortRange,
  Protocol,
  protocolKey,
  protocolMatches,
  rulePorts,
  subtractFromBox,
} from './trafficSpace';

export interface SgPeer {
  /** Groups the peer's network interfaces are in (rules referencing them match). */
  groupIds: readonly string[];
  /** Address ranges the peer may use (its subnets); rules with CIDRs must cover all of them. */
  cidrs: readonly string[];
}

export interface SgQuery {
  direction: 'egress' | 'ingress';
  protocol: Protocol;
  ports: PortRange;
  peer: SgPeer;
}

export interface SgVerdict {
  allowed: boolean;
  /** The rules that let (part of) the traffic through. */
  matchedRules: SecurityGroupRule[];
  /** Peer CIDRs (or parts of them) that no rule covers, as text. */
  uncovered: string[];
}

export function ruleRange(rule: SecurityGroupRule): PortRange {
  return rulePorts(rule.protocol, rule.fromPort, rule.toPort);
}

export function describeRule(rule: SecurityGroupRule): string {
  const target = rule.referencedGroupId ?? rule.cidrIpv4 ?? rule.cidrIpv6 ?? rule.prefixListId ?? '?';
  const dir = rule.egress ? 'egress to' : 'ingress from';
  return `${protocolKey(rule.protocol)} ${describePorts(ruleRange(rule))} ${dir} ${target}`;
}

function coversPorts(rule: SecurityGroupRule, wanted: PortRange): boolean {
  const r = ruleRange(rule);
  return r.from <= wanted.from && r.to >= wanted.to;
}

function cidrText(box: Box): string {
  return `${formatCidr(box.cidr)} port ${describePorts(box.ports)}`;
}

export function evaluateSecurityGroups(groups: readonly SecurityGroup[], query: SgQuery): SgVerdict {
  const rules = groups
    .flatMap((g) => g.rules)
    .filter((r) => r.egress === (query.direction === 'egress') && protocolMatches(r.protocol, query.protocol));
  const matchedRules: SecurityGroupRule[] = [];

  // Group references: they match the peer's whole address space, so only the ports need covering.
  let portBoxes: PortRange[] = [query.ports];
  for (const rule of rules) {
    if (!rule.referencedGroupId || !query.peer.groupIds.includes(rule.referencedGroupId)) continue;
    const r = ruleRange(rule);
    if (!portBoxes.some((p) => p.from <= r.to && r.from <= p.to)) continue;
    matchedRules.push(rule);
    portBoxes = portBoxes.flatMap((p) => subtractPorts(p, r));
  }
  if (portBoxes.length === 0) return { allowed: true, matchedRules, uncovered: [] };

  // What the references left uncovered must be covered, for every peer address, by CIDR rules.
  const peerCidrs = query.peer.cidrs.length > 0 ? query.peer.cidrs : ['0.0.0.0/0'];
  let remaining: Box[] = portBoxes.flatMap((ports) => boxesFor(peerCidrs, ports));
  for (const rule of rules) {
    const cidr = parseCidr(rule.cidrIpv4 ?? rule.cidrIpv6);
    if (!cidr || remaining.length === 0) continue;
    // With no known peer address only a rule open to every address is certain to match.
    if (query.peer.cidrs.length === 0 && !isWorld(cidr.text)) continue;
    const r = ruleRange(rule);
    if (!remaining.some((box) => boxOverlaps(box, cidr, r))) continue;
    matchedRules.push(rule);
    remaining = remaining.flatMap((box) => subtractFromBox(box, cidr, r));
  }
  return { allowed: remaining.length === 0, matchedRules, uncovered: remaining.map(cidrText) };
}

function subtractPorts(p: PortRange, cut: PortRange): PortRange[] {
  if (cut.to < p.from || cut.from > p.to) return [p];
  const out: PortRange[] = [];
  if (p.from < cut.from) out.push({ from: p.from, to: cut.from - 1 });
  if (p.to > cut.to) out.push({ from: cut.to + 1, to: p.to });
  return out;
}

/** Rules of a group that open all protocols to the whole internet (the default egress rule). */
export function allowAllToWorld(group: SecurityGroup, egress: boolean): SecurityGroupRule[] {
  return group.rules.filter(
    (r) => r.egress === egress && protocolKey(r.protocol) === 'all' && isWorld(r.cidrIpv4 ?? r.cidrIpv6),
  );
}

/** Ingress rules of a group that open the port (tcp) to 0.0.0.0/0 or ::/0. */
export function portOpenToWorld(group: SecurityGroup, port: number): SecurityGroupRule[] {
  return group.rules.filter(
    (r) =>
      !r.egress &&
      protocolMatches(r.protocol, 'tcp') &&
      coversPorts(r, { from: port, to: port }) &&
      isWorld(r.cidrIpv4 ?? r.cidrIpv6),
  );
}
