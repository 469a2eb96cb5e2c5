// A fix as the views offer it (diagram details, Problems view): one plan step or one command, with its title.
// It belongs to the fix group, which the diagram imports (never the other way round).
import type { FixStep, LocalizedText } from '../diagnosis/diagnosis';
import type { CommandId } from '../common/commandIds';

/** How a fix runs: a command of the extension (with its prompts) or one plan step applied by the engine. */
export interface DiagramFix {
  step: FixStep;
  /** The VS Code command to run, when the fix is a whole command rather than a single rule. */
  command?: CommandId;
  params: Record<string, string>;
  title: LocalizedText;
}
