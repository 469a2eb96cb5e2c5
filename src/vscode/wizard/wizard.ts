// The generic wizard (docs/design.md, 'Wizards and the Ui seam'; after vscode-azuretools' AzureWizard as a pattern): a context object;
// prompt steps with Back, whose answers stay in the context (so going back shows the earlier answer); then
// execute steps in priority order that read inputs from and write results to the same context.
// No `vscode` import: the wizard's logic is unit-tested on plain Node.
import { BACK, type Back, type StepPosition, type WizardPrompts } from '../ui/ui';

export interface PromptStep<C> {
  id: string;
  /** False skips the step (e.g. the tree node already gave the answer). Evaluated again after every answer. */
  shouldPrompt?(ctx: C): boolean;
  /** Asks and writes the answer into ctx; returns BACK when the user went back. */
  prompt(ctx: C, ui: WizardPrompts, position: StepPosition): Promise<Back | undefined>;
}

export interface ExecuteStep<C> {
  id: string;
  /** Lower runs first; the named constants below keep the order readable. */
  priority: number;
  shouldExecute?(ctx: C): boolean;
  execute(ctx: C): Promise<void>;
}

export const Priority = { plan: 100, review: 200, apply: 300, refresh: 400, report: 500 } as const;

/** The user dismissed a prompt or went Back from the first one: a silent cancel (register.ts treats AbortError so). */
export class WizardCancelled extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'AbortError';
  }
}

export async function runPrompts<C>(title: string, ctx: C, steps: PromptStep<C>[], ui: WizardPrompts): Promise<void> {
  const history: number[] = [];
  let index = 0;
  while (index < steps.length) {
    const step = steps[index];
    if (step.shouldPrompt && !step.shouldPrompt(ctx)) {
      index++;
      continue;
    }
    const shown = steps.filter((s) => !s.shouldPrompt || s.shouldPrompt(ctx));
    const position = { title, step: shown.indexOf(step) + 1, totalSteps: shown.length, canGoBack: history.length > 0 };
    const answer = await step.prompt(ctx, ui, position);
    if (answer === BACK) {
      const previous = history.pop();
      if (previous === undefined) throw new WizardCancelled();
      index = previous;
    } else {
      history.push(index);
      index++;
    }
  }
}

export async function runExecuteSteps<C>(ctx: C, steps: ExecuteStep<C>[]): Promise<void> {
  for (const step of [...steps].sort((a, b) => a.priority - b.priority)) {
    if (!step.shouldExecute || step.shouldExecute(ctx)) await step.execute(ctx);
  }
}

/** A prompt's answer: BACK passes through, undefined (dismissed) cancels the whole wizard silently. */
export function answered<T>(value: T | Back | undefined): T | Back {
  if (value === undefined) throw new WizardCancelled();
  return value;
}
