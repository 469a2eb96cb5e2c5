// Authorize/RevokeSecurityGroupIngress/Egress constraints that moto does not enforce. Sources: botocore's EC2
// model (IpRange/Ipv6Range/UserIdGroupPair Description: "Up to 255 characters ... Allowed characters are
// a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*"; IpPermission IpProtocol: "For tcp, udp, and icmp, you
// must specify a port range") and the codes AWS answers with (see docs/sandbox.md).
import { isIP } from 'node:net';
import { ALLOWED_TEXT, EC2_TEXT_CHARS } from './groupRules';
import type { RequestedPermission } from './queryParams';
import type { StrictError } from './strictError';

function family(cidr: string): 4 | 6 | 0 {
  const address = cidr.split('/')[0] ?? '';
  const f = isIP(address);
  return f === 4 || f === 6 ? f : 0;
}

/**
 * An IPv6 range in CidrIp or an IPv4 range in CidrIpv6. moto refuses it on Authorize (InvalidParameterValue)
 * but not on Revoke (InvalidPermission.NotFound for ingress, success for egress), so the front checks Revoke.
 */
export function checkCidrFamilies(permissions: readonly RequestedPermission[]): StrictError | undefined {
  for (const p of permissions) {
    for (const r of p.ranges) {
      if (r.cidr === undefined) continue;
      const f = family(r.cidr);
      if ((r.field === 'CidrIp' && f === 6) || (r.field === 'CidrIpv6' && f === 4)) {
        return { code: 'InvalidParameterValue', message: `CIDR block ${r.cidr} is malformed` };
      }
    }
  }
  return undefined;
}

export function checkRuleDescriptions(permissions: readonly RequestedPermission[]): StrictError | undefined {
  for (const p of permissions) {
    const descriptions = [...p.ranges.map((r) => r.description), ...p.referenceDescriptions];
    for (const d of descriptions) {
      if (d === undefined) continue;
      if (d.length > 255 || !EC2_TEXT_CHARS.test(d)) {
        return {
          code: 'InvalidParameterValue',
          message: `Invalid rule description. Valid descriptions are strings less than 256 characters from the following set: ${ALLOWED_TEXT}`,
        };
      }
    }
  }
  return undefined;
}

const TCP_UDP = new Set(['tcp', '6', 'udp', '17']);

/** TCP and UDP rules need both ports, each 0-65535 (moto answers a missing port with a 500 and accepts -1 or 70000). */
export function checkPortRanges(permissions: readonly RequestedPermission[]): StrictError | undefined {
  for (const p of permissions) {
    if (!TCP_UDP.has((p.protocol ?? '').toLowerCase())) continue;
    if (p.fromPort === undefined || p.toPort === undefined) {
      return {
        code: 'InvalidParameterValue',
        message: "Invalid value 'Must specify both from and to ports with TCP/UDP.' for portRange.",
      };
    }
    for (const port of [p.fromPort, p.toPort]) {
      const n = Number(port);
      if (!Number.isInteger(n) || n < 0 || n > 65535)
        return { code: 'InvalidPermission.Malformed', message: `TCP/UDP port (${port}) out of range` };
    }
  }
  return undefined;
}
