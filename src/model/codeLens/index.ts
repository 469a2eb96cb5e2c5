// Every lens of one apprunner.yaml, top first, then in file order.
import { databaseLenses } from './databaseLens';
import { portLenses } from './portLens';
import { topLenses } from './topLens';
import type { LensInput, LensModel } from './types';

export { LENS_COMMANDS, type LensInput, type LensModel } from './types';
export { egressText } from './topLens';

export function buildLenses(input: LensInput): LensModel[] {
  const rest = [...portLenses(input), ...databaseLenses(input)];
  rest.sort((a, b) => a.range.startLine - b.range.startLine);
  return [...topLenses(input), ...rest];
}
