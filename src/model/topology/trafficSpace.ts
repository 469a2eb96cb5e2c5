// A set of (address range x port range) boxes, so rule lists can be evaluated exactly: a flow of many peers
// and ports is allowed only when allow rules cover every box, even when no single rule covers it all (two
// ACL entries 1024-32767 and 32768-65535 together cover the ephemeral range).
import { Cidr, cidrCovers, cidrOverlaps, parseCidr } from './cidr';

export interface PortRange {
  from: number;
  to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };
export const EPHEMERAL_PORTS: PortRange = { from: 1024, to: 65535 };
/**
 * The ports replies actually come back to: Linux's default client range (ip_local_port_range), which App
 * Runner's containers use. AWS recommends allowing 1024-65535 and documents denying single ports inside it
 * (before the allow) as good practice, so only a block of this range breaks return traffic.
 */
export const CLIENT_EPHEMERAL_PORTS: PortRange = { from: 32768, to: 60999 };

export type Protocol = 'tcp' | 'udp';

/** Normalises 'tcp' / '6' / 'TCP', 'udp' / '17', and '-1' / 'all' to one spelling. */
export function protocolKey(protocol: string): string {
  const p = protocol.trim().toLowerCase();
  if (p === '6' || p === 'tcp') return 'tcp';
  if (p === '17' || p === 'udp') return 'udp';
  if (p === '-1' || p === 'all') return 'all';
  return p;
}

/** Does a rule with this protocol apply to traffic of `wanted`? */
export function protocolMatches(ruleProtocol: string, wanted: Protocol): boolean {
  const key = protocolKey(ruleProtocol);
  return key === 'all' || key === wanted;
}

/** The port range a rule covers; rules for all protocols, or without ports, cover every port. */
export function rulePorts(ruleProtocol: string, from: number | undefined, to: number | undefined): PortRange {
  if (protocolKey(ruleProtocol) === 'all' || from === undefined || from < 0) return ALL_PORTS;
  return { from, to: to === undefined || to < 0 ? from : to };
}

export function describePorts(ports: PortRange): string {
  if (ports.from === ALL_PORTS.from && ports.to === ALL_PORTS.to) return 'all ports';
  return ports.from === ports.to ? String(ports.from) : `${ports.from}-${ports.to}`;
}

export interface Box {
  cidr: Cidr;
  ports: PortRange;
}

function portsOverlap(a: PortRange, b: PortRange): boolean {
  return a.from <= b.to && b.from <= a.to;
}

export function boxOverlaps(box: Box, cidr: Cidr, ports: PortRange): boolean {
  return cidrOverlaps(box.cidr, cidr) && portsOverlap(box.ports, ports);
}

/** The parts of `outer` not in `inner` (inner must lie inside outer): one sibling per extra prefix bit. */
function cidrMinus(outer: Cidr, inner: Cidr): Cidr[] {
  const bits = outer.family === 4 ? 32 : 128;
  const out: Cidr[] = [];
  for (let prefix = outer.prefix + 1; prefix <= inner.prefix; prefix++) {
    const flip = 1n << BigInt(bits - prefix);
    const keep = inner.network & ~((1n << BigInt(bits - prefix + 1)) - 1n);
    const network = (keep | (inner.network & flip)) ^ flip;
    out.push({ family: outer.family, network, prefix, text: '' });
  }
  return out;
}

/** Removes (cidr x ports) from the box; returns what is left (possibly several boxes, possibly none). */
export function subtractFromBox(box: Box, cidr: Cidr, ports: PortRange): Box[] {
  if (!boxOverlaps(box, cidr, ports)) return [box];
  const cut = cidrCovers(cidr, box.cidr) ? box.cidr : cidr;
  const rest: Box[] = cidrMinus(box.cidr, cut).map((c) => ({ cidr: c, ports: box.ports }));
  if (box.ports.from < ports.from) rest.push({ cidr: cut, ports: { from: box.ports.from, to: ports.from - 1 } });
  if (box.ports.to > ports.to) rest.push({ cidr: cut, ports: { from: ports.to + 1, to: box.ports.to } });
  return rest;
}

/** Boxes for a list of peer CIDR texts; unparsable ones are dropped. */
export function boxesFor(cidrs: readonly string[], ports: PortRange): Box[] {
  return cidrs.flatMap((text) => {
    const cidr = parseCidr(text);
    return cidr ? [{ cidr, ports }] : [];
  });
}
