// The UI prompts go through: the real window by default, a replaying fake in host tests.
import { windowSetupUi } from './windowUi';
import type { SetupUi } from './wizardUi';

let current: SetupUi = windowSetupUi;

export function currentUi(): SetupUi {
  return current;
}

/** Replace the prompts (tests); undefined restores the real window UI. */
export function setCurrentUi(ui: SetupUi | undefined): void {
  current = ui ?? windowSetupUi;
}
