// The plan each command runs, from the wizard's answers: the pure commandPlan (src/model/plan/commandPlan.ts),
// reached through the lazily loaded analysis bundle (loadAnalysis), so the main bundle stays small.
import type { Plan } from '../../model/plan/planSteps';
import { loadAnalysis } from '../analysisLoader';
import type { SetupContext } from './setupContext';

export function planFor(ctx: SetupContext): Plan {
  return loadAnalysis().commandPlan(ctx.snapshot, ctx.settings, ctx);
}
