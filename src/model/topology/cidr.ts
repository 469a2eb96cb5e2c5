// IPv4 and IPv6 CIDR arithmetic for the reachability analysis: does one range contain an address, does one
// range cover another, do two ranges overlap. Addresses are held as bigints so both families share the code.

export interface Cidr {
  family: 4 | 6;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
  /** The text it was parsed from, trimmed. */
  text: string;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = (value << 8n) | BigInt(octet);
  }
  return value;
}

function parseHextets(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const part of text.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return undefined;
    out.push(parseInt(part, 16));
  }
  return out;
}

function parseIpv6(text: string): bigint | undefined {
  let body = text;
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two hextets.
  const lastColon = body.lastIndexOf(':');
  const tail = body.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIpv4(tail);
    if (v4 === undefined) return undefined;
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const head = parseHextets(halves[0]);
  const rest = halves.length === 2 ? parseHextets(halves[1]) : [];
  if (!head || !rest) return undefined;
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...rest];
  return all.reduce((acc, h) => (acc << 16n) | BigInt(h), 0n);
}

function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

function mask(family: 4 | 6, prefix: number): bigint {
  const bits = BigInt(bitsOf(family));
  const all = (1n << bits) - 1n;
  return all ^ ((1n << (bits - BigInt(prefix))) - 1n);
}

/** Parses an address ("10.0.0.1", "2001:db8::1") as a full-length range, or a CIDR ("10.0.0.0/16"). */
export function parseCidr(input: string | undefined): Cidr | undefined {
  if (input === undefined) return undefined;
  const text = input.trim();
  const [addr, prefixText, extra] = text.split('/');
  if (extra !== undefined || !addr) return undefined;
  const family: 4 | 6 = addr.includes(':') ? 6 : 4;
  const value = family === 4 ? parseIpv4(addr) : parseIpv6(addr);
  if (value === undefined) return undefined;
  let prefix = bitsOf(family);
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bitsOf(family)) return undefined;
  }
  return { family, network: value & mask(family, prefix), prefix, text };
}

/** True when `outer` includes every address of `inner` (same family only). */
export function cidrCovers(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
  return (inner.network & mask(outer.family, outer.prefix)) === outer.network;
}

/** True when the two ranges share at least one address. */
export function cidrOverlaps(a: Cidr, b: Cidr): boolean {
  return cidrCovers(a, b) || cidrCovers(b, a);
}

/** True when the range includes the address. */
export function cidrContains(range: Cidr, address: string): boolean {
  const ip = parseCidr(address);
  return ip !== undefined && ip.prefix === bitsOf(ip.family) && cidrCovers(range, ip);
}

/** String convenience: does CIDR text `outer` cover CIDR text `inner`? Unparsable text covers nothing. */
export function coversText(outer: string | undefined, inner: string | undefined): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  return a !== undefined && b !== undefined && cidrCovers(a, b);
}

/** 0.0.0.0/0 or ::/0: the whole internet of that family. */
export function isWorld(cidr: string | undefined): boolean {
  const c = parseCidr(cidr);
  return c !== undefined && c.prefix === 0;
}

/** Canonical text of a range (IPv6 without '::' compression, which is still valid notation). */
export function formatCidr(c: Cidr): string {
  if (c.family === 4) {
    const octets = [24n, 16n, 8n, 0n].map((shift) => String((c.network >> shift) & 0xffn));
    return `${octets.join('.')}/${c.prefix}`;
  }
  const hextets: string[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) hextets.push(((c.network >> shift) & 0xffffn).toString(16));
  return `${hextets.join(':')}/${c.prefix}`;
}
