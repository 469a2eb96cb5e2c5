import assert from 'node:assert/strict';
import {
  Priority,
  runExecuteSteps,
  runPrompts,
  WizardCancelled,
  type ExecuteStep,
  type PromptStep,
} from '../../src/vscode/wizard/wizard';
import { BACK, type InputRequest, type WizardPrompts } from '../../src/vscode/ui/ui';

interface Ctx {
  a?: string;
  b?: string;
  skipB: boolean;
  c?: string;
  log: string[];
}

/** Input-only UI answering from a list; records the request each prompt saw. */
function scripted(answers: (string | typeof BACK | undefined)[]): WizardPrompts & { seen: InputRequest[] } {
  const seen: InputRequest[] = [];
  return {
    seen,
    pick: async () => undefined,
    pickMany: async () => undefined,
    input: async (r) => {
      seen.push(r);
      return answers.shift();
    },
  };
}

function field(name: 'a' | 'b' | 'c', skip?: (ctx: Ctx) => boolean): PromptStep<Ctx> {
  return {
    id: name,
    shouldPrompt: skip ? (ctx) => !skip(ctx) : undefined,
    async prompt(ctx, ui, position) {
      const answer = await ui.input({
        ...position,
        id: name,
        prompt: name,
        value: ctx[name] ?? '',
        validate: () => undefined,
      });
      if (answer === undefined) throw new WizardCancelled();
      if (answer === BACK) return BACK;
      ctx[name] = answer;
      return undefined;
    },
  };
}

const steps = [field('a'), field('b', (ctx) => ctx.skipB), field('c')];

describe('wizard', () => {
  it('goes back to the previous prompt, showing the earlier answer, with step counts', async () => {
    const ui = scripted(['1', '2', BACK, BACK, '1x', '2', '3']);
    const ctx: Ctx = { skipB: false, log: [] };
    await runPrompts('T', ctx, steps, ui);
    assert.deepEqual(
      ui.seen.map((r) => `${r.id}:${r.value}:${r.step}/${r.totalSteps}:${r.canGoBack}`),
      ['a::1/3:false', 'b::2/3:true', 'c::3/3:true', 'b:2:2/3:true', 'a:1:1/3:false', 'b:2:2/3:true', 'c::3/3:true'],
    );
    assert.deepEqual([ctx.a, ctx.b, ctx.c], ['1x', '2', '3']);
  });

  it('skips steps that need no prompt, also when going back, and counts only the shown ones', async () => {
    const ui = scripted(['1', BACK, '1', '3']);
    const ctx: Ctx = { skipB: true, log: [] };
    await runPrompts('T', ctx, steps, ui);
    assert.deepEqual(
      ui.seen.map((r) => `${r.id} ${r.step}/${r.totalSteps}`),
      ['a 1/2', 'c 2/2', 'a 1/2', 'c 2/2'],
    );
  });

  it('cancels silently on Back from the first step or a dismissed prompt', async () => {
    await assert.rejects(
      runPrompts('T', { skipB: false, log: [] }, steps, scripted([BACK])),
      (e: Error) => e instanceof WizardCancelled && e.name === 'AbortError',
    );
    await assert.rejects(
      runPrompts('T', { skipB: false, log: [] }, steps, scripted(['1', undefined])),
      WizardCancelled,
    );
  });

  it('runs execute steps by priority, skipping those that should not run', async () => {
    const step = (id: string, priority: number, run = true): ExecuteStep<Ctx> => ({
      id,
      priority,
      shouldExecute: () => run,
      execute: async (ctx) => void ctx.log.push(id),
    });
    const ctx: Ctx = { skipB: false, log: [] };
    await runExecuteSteps(ctx, [
      step('report', Priority.report),
      step('apply', Priority.apply),
      step('plan', Priority.plan),
      step('never', Priority.review, false),
    ]);
    assert.deepEqual(ctx.log, ['plan', 'apply', 'report']);
  });
});
