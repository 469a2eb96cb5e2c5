// "Resolve the desired setup, then plan it": the one glue both the CLI (`plan`/`apply`) and the extension's
// setup commands run, so the resolver's notes (the subnet choice, why a group was replaced...) reach the plan
// the user reads in both.
import { resolveDesired, type DesiredSetup } from './desired';
import { plan } from './plan';
import type { Plan } from './planSteps';
import type { SetupChoices, SetupSettings } from './setupSettings';
import type { Topology } from '../topology/topology';
import type { ValidationIssue } from './validators';

export type SetupPlanResult =
  { ok: true; plan: Plan; desired: DesiredSetup } | { ok: false; issues: ValidationIssue[] };

export function setupPlanFor(snapshot: Topology, settings: SetupSettings, choices: SetupChoices = {}): SetupPlanResult {
  const resolved = resolveDesired(snapshot, settings, choices);
  if (!resolved.ok) return resolved;
  const p = plan(snapshot, resolved.desired);
  return { ok: true, plan: { ...p, notes: [...resolved.notes, ...p.notes] }, desired: resolved.desired };
}
