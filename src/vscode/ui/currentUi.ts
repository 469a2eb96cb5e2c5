// Which Ui the commands use: the window, unless a host test replaced it through the test hooks.
import type { Ui } from './ui';
import { windowUi } from './windowUi';

export class UiHolder {
  private replaced: Ui | undefined;

  /** What a command reads when it starts (a wizard keeps the one it started with). */
  current(): Ui {
    return this.replaced ?? windowUi;
  }

  /** Undefined restores the window. */
  replace(ui: Ui | undefined): void {
    this.replaced = ui;
  }
}
