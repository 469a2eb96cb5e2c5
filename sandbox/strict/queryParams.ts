// EC2's query protocol flattens lists as `IpPermissions.1.IpRanges.1.CidrIp=...`; the strict rules read the
// security group permissions of a request back out of those flat keys (from the SDK and from the aws CLI alike).

export interface RequestedRange {
  /** Where the value came from, for the error message: CidrIp or CidrIpv6. */
  field: 'CidrIp' | 'CidrIpv6';
  cidr?: string;
  description?: string;
}

export interface RequestedPermission {
  protocol?: string;
  fromPort?: string;
  toPort?: string;
  ranges: RequestedRange[];
  /** Descriptions of the group and prefix list references (their only field a rule here checks). */
  referenceDescriptions: string[];
}

function indexed(params: URLSearchParams, prefix: string): Map<string, Map<string, string>> {
  const byIndex = new Map<string, Map<string, string>>();
  for (const [key, value] of params) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const dot = rest.indexOf('.');
    if (dot < 0) continue;
    const index = rest.slice(0, dot);
    const fields = byIndex.get(index) ?? new Map<string, string>();
    fields.set(rest.slice(dot + 1), value);
    byIndex.set(index, fields);
  }
  return byIndex;
}

function sub(fields: Map<string, string>, list: string): Map<string, Map<string, string>> {
  const p = new URLSearchParams();
  for (const [k, v] of fields) p.set(k, v);
  return indexed(p, `${list}.`);
}

function permission(fields: Map<string, string>): RequestedPermission {
  const ranges: RequestedRange[] = [];
  for (const r of sub(fields, 'IpRanges').values())
    ranges.push({ field: 'CidrIp', cidr: r.get('CidrIp'), description: r.get('Description') });
  for (const r of sub(fields, 'Ipv6Ranges').values())
    ranges.push({ field: 'CidrIpv6', cidr: r.get('CidrIpv6'), description: r.get('Description') });
  const referenceDescriptions: string[] = [];
  // The query name of UserIdGroupPairs is `Groups`; older clients send `UserIdGroupPairs`.
  for (const list of ['Groups', 'UserIdGroupPairs', 'PrefixListIds']) {
    for (const g of sub(fields, list).values()) {
      const d = g.get('Description');
      if (d !== undefined) referenceDescriptions.push(d);
    }
  }
  return {
    protocol: fields.get('IpProtocol'),
    fromPort: fields.get('FromPort'),
    toPort: fields.get('ToPort'),
    ranges,
    referenceDescriptions,
  };
}

/** The permissions of an Authorize/Revoke call: the IpPermissions list plus the top-level shorthand (CidrIp, IpProtocol, ports). */
export function requestedPermissions(params: URLSearchParams): RequestedPermission[] {
  const list = [...indexed(params, 'IpPermissions.').values()].map(permission);
  const top = ['IpProtocol', 'FromPort', 'ToPort', 'CidrIp'].some((k) => params.has(k));
  if (top) {
    const cidr = params.get('CidrIp') ?? undefined;
    list.push({
      protocol: params.get('IpProtocol') ?? undefined,
      fromPort: params.get('FromPort') ?? undefined,
      toPort: params.get('ToPort') ?? undefined,
      ranges: cidr === undefined ? [] : [{ field: 'CidrIp', cidr }],
      referenceDescriptions: [],
    });
  }
  return list;
}
