// A fix in words, naming the exact change: shown in the report, in the confirmation before a fix is
// applied, and in the Problems view's hover. Plan-step parameters come from the finding (src/model/*Checks).
import type { Fix, FixStep, LocalizedText } from './diagnosis';
import { msg } from '../l10n/text';

type Params = Record<string, string>;

/** By plan step; a step without its words here falls back to naming the step. */
const TEXTS: Partial<Record<FixStep, (p: Params) => LocalizedText>> = {
  'authorize-egress-db': (p) => msg('Add an outbound rule to {0}: TCP {1} to {2}', p.groupId, p.port, p.peerGroupId),
  'authorize-db-ingress': (p) => msg('Add an inbound rule to {0}: TCP {1} from {2}', p.groupId, p.port, p.peerGroupId),
  'authorize-egress-https': (p) => msg('Add an outbound rule to {0}: TCP 443 to 0.0.0.0/0', p.groupId),
  'authorize-egress-dns': (p) => msg('Add an outbound rule to {0}: UDP 53 to 0.0.0.0/0', p.groupId),
  'revoke-default-egress': (p) =>
    msg(
      "Revoke the allow-all outbound rule {0} from {1} (after the runbook's three rules are in place)",
      p.ruleIds ?? '',
      p.groupId,
    ),
  'attach-connector': (p) =>
    msg('Attach the VPC connector {0} to {1} (the service redeploys: 5-10 minutes)', p.connectorArn, p.serviceArn),
  'create-connector': () => msg('Create a VPC connector and attach it: run the guided setup (Set Up VPC Connector)'),
  'delete-connector': (p) => msg('Delete the unused VPC connector {0}', p.connectorArn),
  'enable-dns-support': (p) =>
    msg(
      'Turn on DNS resolution (enableDnsSupport) in {0}: aws ec2 modify-vpc-attribute --vpc-id {0} --enable-dns-support',
      p.vpcId,
    ),
  'enable-dns-hostnames': (p) =>
    msg(
      'Turn on DNS hostnames (enableDnsHostnames) in {0}: aws ec2 modify-vpc-attribute --vpc-id {0} --enable-dns-hostnames',
      p.vpcId,
    ),
};

export function fixText(fix: Fix): LocalizedText {
  if (fix.kind === 'link') return msg('See {0}', fix.url);
  const text = TEXTS[fix.step];
  return text ? text(fix.params ?? {}) : msg('Run the plan step {0}', fix.step);
}
