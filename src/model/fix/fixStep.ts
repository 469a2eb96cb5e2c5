// The one plan step a fix button applies: taken from the setup plan for this service (so it is the very step
// `setup` would run, with the same rule text and description), or, when the plan cannot be made (for example
// the connector's subnets no longer validate), built from the finding's parameters.
import { resolveDesired } from '../plan/desired';
import type { FixStep } from '../diagnosis/diagnosis';
import { plan } from '../plan/plan';
import type { GroupRef, PlanStep } from '../plan/planSteps';
import type { SetupSettings } from '../plan/setupSettings';
import { egressStep, ingressStep } from '../plan/stepBuilders';
import type { Topology } from '../topology/topology';
import type { DiagramFix } from './diagramFix';

function groupRef(snapshot: Topology, id: string | undefined): GroupRef | undefined {
  const g = id ? snapshot.securityGroups.find((x) => x.id === id) : undefined;
  return g ? { name: g.name, vpcId: g.vpcId, id: g.id } : undefined;
}

function fromParams(snapshot: Topology, step: FixStep, params: Record<string, string>): PlanStep | undefined {
  const group = groupRef(snapshot, params.groupId);
  const peer = groupRef(snapshot, params.peerGroupId);
  const port = Number(params.port);
  if (!group) return undefined;
  if (step === 'authorize-db-ingress' && peer && port > 0) {
    return ingressStep(group, {
      protocol: 'tcp',
      fromPort: port,
      toPort: port,
      group: peer,
      description: 'App Runner',
    });
  }
  if (step === 'authorize-egress-db' && peer && port > 0) {
    return egressStep(step, group, { protocol: 'tcp', fromPort: port, toPort: port, group: peer, description: 'RDS' });
  }
  if (step === 'authorize-egress-https') {
    return egressStep(step, group, {
      protocol: 'tcp',
      fromPort: 443,
      toPort: 443,
      cidrIpv4: '0.0.0.0/0',
      description: 'HTTPS',
    });
  }
  if (step === 'authorize-egress-dns') {
    return egressStep(step, group, {
      protocol: 'udp',
      fromPort: 53,
      toPort: 53,
      cidrIpv4: '0.0.0.0/0',
      description: 'DNS',
    });
  }
  return undefined;
}

export type FixStepResult = { kind: 'step'; step: PlanStep } | { kind: 'done' } | { kind: 'unavailable' };

/** The step to apply for this fix, 'done' when the setup plan no longer contains it, or 'unavailable'. */
export function planStepForFix(
  snapshot: Topology,
  settings: SetupSettings,
  serviceName: string,
  fix: DiagramFix,
): FixStepResult {
  const desired = resolveDesired(snapshot, { ...settings, serviceName });
  if (desired.ok) {
    const found = plan(snapshot, desired.desired).steps.find((s) => s.id === fix.step);
    return found ? { kind: 'step', step: found } : { kind: 'done' };
  }
  const built = fromParams(snapshot, fix.step, fix.params);
  return built ? { kind: 'step', step: built } : { kind: 'unavailable' };
}
