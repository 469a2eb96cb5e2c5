// What applying a finding's fix means: the exact plan steps the engine runs (the very steps `setup` would
// plan, via the diagram's planStepForFix), a whole guided command, or nothing to do. Pure, so the fix
// button's confirmation names exactly what will change and tests can check it without AWS.
import type { Finding, Fix } from '../diagnosis/diagnosis';
import { planStepForFix } from './fixStep';
import { fixText } from '../diagnosis/fixText';
import { resolveDesired } from '../plan/desired';
import { plan } from '../plan/plan';
import type { PlanStep, VpcDnsAttribute } from '../plan/planSteps';
import { iacOwner } from '../plan/resourceOwnership';
import type { SetupSettings } from '../plan/setupSettings';
import { deleteConnectorStep, vpcDnsStep } from '../plan/stepBuilders';
import type { Topology } from '../topology/topology';
import { CommandId } from '../common/commandIds';

export type FixAction =
  | { kind: 'steps'; steps: PlanStep[] }
  /** Needs the guided setup (creating a connector asks for subnets and shows the whole plan). */
  | { kind: 'command'; command: CommandId }
  | { kind: 'link'; url: string }
  /** The change is already in place: refresh and diagnose again. */
  | { kind: 'done' }
  | { kind: 'unavailable' };

export const SETUP_COMMAND = CommandId.setupConnector;

/** Findings whose fix can be applied from the editor (plan steps), in the order the report lists them. */
export function fixableFindings(
  findings: readonly Finding[],
): (Finding & { fix: Extract<Fix, { kind: 'plan-step' }> })[] {
  return findings.filter(
    (f): f is Finding & { fix: Extract<Fix, { kind: 'plan-step' }> } => f.fix?.kind === 'plan-step',
  );
}

function attachSteps(snapshot: Topology, settings: SetupSettings, serviceName: string): FixAction {
  const desired = resolveDesired(snapshot, { ...settings, serviceName });
  if (!desired.ok) return { kind: 'command', command: SETUP_COMMAND };
  const steps = plan(snapshot, desired.desired).steps;
  // Attaching an existing connector: the attach and its redeploy wait only, never the rest of the setup.
  const attach = steps.filter((s) => s.id === 'attach-connector' || s.id === 'wait-for-service');
  if (steps.some((s) => s.id === 'create-connector')) return { kind: 'command', command: SETUP_COMMAND };
  return attach.length > 0 ? { kind: 'steps', steps: attach } : { kind: 'done' };
}

const EGRESS_RULES = [
  'authorize-egress-db',
  'authorize-egress-https',
  'authorize-egress-dns',
  'authorize-egress-https-ipv6',
  'authorize-egress-dns-ipv6',
];
const REVOKES = ['revoke-default-egress', 'revoke-default-egress-ipv6'];

/**
 * Revoking the allow-all egress rule alone would cut a group that has nothing else: the runbook's three
 * rules the setup would add first come along, in the plan's order (rules before the revoke).
 */
function revokeSteps(
  snapshot: Topology,
  settings: SetupSettings,
  serviceName: string,
  groupId: string | undefined,
): FixAction {
  const desired = resolveDesired(snapshot, { ...settings, serviceName });
  if (!desired.ok) return { kind: 'unavailable' };
  // Both worlds: a group may allow all to 0.0.0.0/0, to ::/0, or both; each is its own re-reading step.
  const steps = plan(snapshot, desired.desired).steps.filter(
    (s) => REVOKES.includes(s.id) || EGRESS_RULES.includes(s.id),
  );
  const revoke = steps.find((s) => REVOKES.includes(s.id));
  if (!revoke) return { kind: 'done' };
  // The plan is about the setup's own group; another connector group's allow-all is changed in AWS by hand.
  if (revoke.kind !== 'revoke-egress' || revoke.group.id !== groupId) return { kind: 'unavailable' };
  return { kind: 'steps', steps };
}

/** Host names need resolution: turning them on while resolution is off turns resolution on first. */
function dnsSteps(snapshot: Topology, attribute: VpcDnsAttribute, vpcId: string | undefined): FixAction {
  const vpc = snapshot.vpcs.find((v) => v.id === vpcId);
  if (!vpc) return { kind: 'unavailable' };
  if (vpc[attribute] === true) return { kind: 'done' };
  const needsSupport = attribute === 'enableDnsHostnames' && vpc.enableDnsSupport === false;
  return {
    kind: 'steps',
    steps: [...(needsSupport ? [vpcDnsStep(vpc.id, 'enableDnsSupport')] : []), vpcDnsStep(vpc.id, attribute)],
  };
}

export function fixActionFor(snapshot: Topology, settings: SetupSettings, serviceName: string, fix: Fix): FixAction {
  if (fix.kind === 'link') return { kind: 'link', url: fix.url };
  const params = fix.params ?? {};
  switch (fix.step) {
    case 'create-connector':
      return { kind: 'command', command: SETUP_COMMAND };
    case 'attach-connector':
      return attachSteps(snapshot, settings, serviceName);
    case 'delete-connector': {
      const connector = snapshot.connectors.find((c) => c.arn === params.connectorArn && c.status === 'ACTIVE');
      if (!connector) return { kind: 'done' };
      // A connector CloudFormation or Terraform owns is removed in its stack, never here (that would be drift).
      return iacOwner(connector.tags)
        ? { kind: 'unavailable' }
        : { kind: 'steps', steps: [deleteConnectorStep(connector.name, connector.arn)] };
    }
    case 'revoke-default-egress':
      return revokeSteps(snapshot, settings, serviceName, params.groupId);
    case 'enable-dns-support':
    case 'enable-dns-hostnames':
      return dnsSteps(
        snapshot,
        fix.step === 'enable-dns-support' ? 'enableDnsSupport' : 'enableDnsHostnames',
        params.vpcId,
      );
    default: {
      const found = planStepForFix(snapshot, settings, serviceName, { step: fix.step, params, title: fixText(fix) });
      return found.kind === 'step' ? { kind: 'steps', steps: [found.step] } : found;
    }
  }
}
