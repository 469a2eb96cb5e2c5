// The promise the product makes about access: no plan ever opens ingress to the whole internet, and no
// plan ever adds an allow-all rule. Checked over every plan the tests and the reliability suite produce.
import type { Plan, PlanStep, RuleSpec } from './planSteps';

const WORLD = new Set(['0.0.0.0/0', '::/0']);

function isAllowAll(rule: RuleSpec): boolean {
  return rule.protocol === '-1' || (rule.fromPort <= 0 && rule.toPort >= 65535);
}

/** Steps of the plan that would widen access; an empty list means the plan is safe. */
export function wideningSteps(plan: Plan): PlanStep[] {
  return plan.steps.filter((step) => {
    if (step.kind === 'authorize-ingress')
      return WORLD.has(step.rule.cidrIpv4 ?? '') || WORLD.has(step.rule.cidrIpv6 ?? '') || isAllowAll(step.rule);
    if (step.kind === 'authorize-egress') return isAllowAll(step.rule);
    return false;
  });
}
