// The palette's single-purpose commands (createSecurityGroups, createConnector, attachConnector, checkHealth)
// run one part of the setup plan, so they share its re-reads and skip logic instead of having their own.
import type { Plan, StepId } from './planSteps';
import { privateServiceWarning } from './planWarnings';
import { healthStep } from './stepBuilders';
import type { AppRunnerService } from '../topology/topology';

export type PlanPart = 'security-groups' | 'connector' | 'attach' | 'health';

const PART_STEPS: Record<PlanPart, readonly StepId[]> = {
  'security-groups': [
    'create-apprunner-sg',
    'authorize-egress-db',
    'authorize-egress-https',
    'authorize-egress-dns',
    'authorize-egress-https-ipv6',
    'authorize-egress-dns-ipv6',
    'revoke-default-egress',
    'revoke-default-egress-ipv6',
    'authorize-db-ingress',
  ],
  connector: ['create-connector'],
  attach: ['attach-connector', 'wait-for-service', 'delete-connector'],
  health: ['check-health', 'check-db-health'],
};

/** The steps of `plan` that belong to `part`, in plan order (warnings and notes kept). */
export function planPart(plan: Plan, part: PlanPart): Plan {
  const wanted = PART_STEPS[part];
  return { ...plan, steps: plan.steps.filter((s) => wanted.includes(s.id)) };
}

/** Just the two health checks (runbook 6), for "check health" on a service whatever else the plan holds. */
export function healthCheckPlan(
  service: Pick<AppRunnerService, 'name' | 'arn' | 'isPubliclyAccessible'>,
  healthCheckPath: string,
  dbHealthPath: string,
): Plan {
  const ref = { name: service.name, arn: service.arn };
  const warnings = service.isPubliclyAccessible === false ? [privateServiceWarning(ref)] : [];
  return {
    kind: 'setup',
    steps: [healthStep('check-health', ref, healthCheckPath), healthStep('check-db-health', ref, dbHealthPath)],
    warnings,
    notes: [],
  };
}
