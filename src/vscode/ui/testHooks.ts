// The setters host tests need, kept off the public API unless VS Code runs the extension for its tests
// (ExtensionMode.Test: a window started with extensionTestsPath, as test/support/hostRunner.ts does). In
// production and in a development window (F5, the e2e layer) `ExtensionApi.testHooks` is absent, so another
// extension cannot replace our prompts. No `vscode` import at run time: unit-tested on plain Node.
import type { Ui } from './ui';

export interface TestHooks {
  /** Every command's prompts go through `ui` from now on; undefined restores the window. */
  setUi(ui: Ui | undefined): void;
}

/** The hooks in test mode, else undefined. `mode` and `testMode` are `context.extensionMode` and `ExtensionMode.Test`. */
export function testHooksFor(
  mode: number,
  testMode: number,
  replaceUi: (ui: Ui | undefined) => void,
): TestHooks | undefined {
  if (mode !== testMode) return undefined;
  return { setUi: (ui) => replaceUi(ui) };
}
