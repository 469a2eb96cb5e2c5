// How the App Runner group lets DNS out (setting `dnsEgress`, CLI `--dns-egress`). The runbook adds UDP 53 to
// 0.0.0.0/0, which lets the service query any DNS server on the internet. Security groups do not filter traffic
// to the Amazon-provided resolver (VPC base + 2, 169.254.169.253): "Security groups cannot block DNS requests
// to or from the Route 53 Resolver" (EC2 user guide, Security group rules; VPC user guide, Security groups:
// "Security groups don't filter traffic destined to and from ... Amazon Domain Name Services (DNS)"). So
// `vpcResolverOnly` plans no port 53 rule at all and the service still resolves every name through the VPC.
// An existing runbook 53 rule is left alone (never revoked by a plan step): it may serve a custom resolver the
// tool cannot see; the diagnosis names it so the user can remove it by hand.
import type { Localized } from '../common/awsError';
import { msg } from '../l10n/text';

export const DNS_EGRESS_VALUES = ['runbook', 'vpcResolverOnly'] as const;
export type DnsEgress = (typeof DNS_EGRESS_VALUES)[number];

export const DEFAULT_DNS_EGRESS: DnsEgress = 'runbook';

/** AWS's statement that security groups do not filter the Amazon-provided DNS resolver. */
export const DNS_NOT_FILTERED_SOURCE = 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html';

export function isDnsEgress(value: unknown): value is DnsEgress {
  return typeof value === 'string' && (DNS_EGRESS_VALUES as readonly string[]).includes(value);
}

/** An unknown value (a hand-edited settings.json) falls back to the runbook: never fewer rules than asked by mistake. */
export function dnsEgressOf(value: unknown): DnsEgress {
  return isDnsEgress(value) ? value : DEFAULT_DNS_EGRESS;
}

/** The plan's note: which of the two the plan follows, and the other one. */
export function dnsEgressNote(mode: DnsEgress): Localized {
  return mode === 'vpcResolverOnly'
    ? msg(
        "DNS: no UDP 53 rule (setting dnsEgress = vpcResolverOnly). The service resolves names through the VPC's Amazon resolver, which security groups do not filter ({0}); DNS servers elsewhere are not reachable. An existing UDP 53 rule is left as it is.",
        DNS_NOT_FILTERED_SOURCE,
      )
    : msg(
        "DNS: UDP 53 to 0.0.0.0/0 as the runbook says, which lets the service query any DNS server. The VPC's Amazon resolver needs no rule (security groups do not filter it: {0}); setting dnsEgress = vpcResolverOnly leaves the rule out.",
        DNS_NOT_FILTERED_SOURCE,
      );
}
