// The one UI seam (docs/design.md, 'Wizards and the Ui seam'): every prompt, confirmation, notification, save dialog, preview and progress
// notification a command shows goes through a `Ui`. The window implementation (windowUi.ts) shows them; the
// replay implementation (replayUi.ts) answers them in host tests. Commands read the current one from
// `services.ui()`; only the test hooks (testHooks.ts, present in ExtensionMode.Test alone) replace it.
// No `vscode` import at run time: the wizard that uses these types is unit-tested on plain Node.
import type * as vscode from 'vscode';

/** The user pressed the Back button. Symbol.for: the same value in the bundle and in separately compiled tests. */
export const BACK: unique symbol = Symbol.for('apprunnerVpc.wizard.back') as never;
export type Back = typeof BACK;

/** Where a prompt sits in a multi-step wizard ("(2/5)" and the Back button). */
export interface StepPosition {
  title: string;
  step: number;
  totalSteps: number;
  canGoBack: boolean;
}

export interface PickItem<T> {
  label: string;
  description?: string;
  detail?: string;
  value: T;
  /** Pre-selected in a multi-select pick. */
  picked?: boolean;
}

/** A quick pick; a one-off pick (not a wizard step) leaves the position out. */
export interface PickRequest<T> extends Partial<StepPosition> {
  /** A stable name tests match answers on, e.g. `service`, `database`, `subnets`, `fix`. */
  id: string;
  placeholder: string;
  items: PickItem<T>[];
  /** The item to highlight first (the earlier answer after Back, else the default). */
  activeIndex?: number;
  /** Typing filters on the details too (the description always counts). */
  matchOnDetail?: boolean;
}

export interface InputRequest extends Partial<StepPosition> {
  id: string;
  prompt: string;
  value: string;
  /** A message while the text is invalid, checked as the user types. */
  validate(value: string): string | undefined;
}

export interface SaveRequest {
  id: string;
  /** The file name offered (in the first workspace folder). */
  defaultName: string;
  /** The save dialog's file types, e.g. `{ Markdown: ['md'] }`. */
  filters: Record<string, string[]>;
  saveLabel: string;
}

export type NoticeKind = 'info' | 'warning' | 'error';

export interface Ui {
  /** The chosen item's value; BACK (only when `canGoBack`), or undefined when dismissed. */
  pick<T>(request: PickRequest<T>): Promise<T | Back | undefined>;
  pickMany<T>(request: PickRequest<T>): Promise<T[] | Back | undefined>;
  input(request: InputRequest): Promise<string | Back | undefined>;
  /** A modal question; the chosen action or undefined (Cancel). */
  confirm(message: string, detail: string, actions: string[]): Promise<string | undefined>;
  /** A notification; resolves with the chosen action (callers that offer none do not wait for it). */
  notify(kind: NoticeKind, message: string, actions?: string[]): Promise<string | undefined>;
  /** Where to save a file; undefined when cancelled. */
  saveLocation(request: SaveRequest): Promise<vscode.Uri | undefined>;
  /** Shows a Markdown document (a plan, a report) as a preview. */
  showDocument(uri: vscode.Uri): Promise<void>;
  /** A cancellable progress notification; `report` replaces its message. */
  progress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** The prompts a wizard step uses (the wizard is unit-tested with just these). */
export type WizardPrompts = Pick<Ui, 'pick' | 'pickMany' | 'input'>;

/** A modal confirmation with one action: true when the user chose it. */
export async function confirmed(ui: Ui, message: string, detail: string, action: string): Promise<boolean> {
  return (await ui.confirm(message, detail, [action])) === action;
}

/** A one-off pick's answer: BACK cannot happen outside a wizard, so it counts as dismissed. */
export function chosen<T>(answer: T | Back | undefined): T | undefined {
  return answer === BACK ? undefined : answer;
}
