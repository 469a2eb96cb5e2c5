// The prompts a wizard shows, behind one object so host tests replay answers (DESIGN section 7). `BACK` means
// the user pressed the Back button; `undefined` means they dismissed the prompt (a silent cancel).
// Symbol.for: the same value in the bundled extension and in test code compiled separately.
export const BACK: unique symbol = Symbol.for('apprunnerVpc.wizard.back') as never;
export type Back = typeof BACK;

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

export interface PickRequest<T> extends StepPosition {
  /** A stable name tests match answers on, e.g. `service`, `database`, `subnets`. */
  id: string;
  placeholder: string;
  items: PickItem<T>[];
  /** The item to highlight first (the earlier answer after Back, else the default). */
  activeIndex?: number;
}

export interface InputRequest extends StepPosition {
  id: string;
  prompt: string;
  value: string;
  /** A message while the text is invalid, checked as the user types. */
  validate(value: string): string | undefined;
}

export interface WizardUi {
  pick<T>(request: PickRequest<T>): Promise<T | Back | undefined>;
  pickMany<T>(request: PickRequest<T>): Promise<T[] | Back | undefined>;
  input(request: InputRequest): Promise<string | Back | undefined>;
}

export type NoticeKind = 'info' | 'warning' | 'error';

/** What the setup commands need beyond the wizard's prompts: the plan document, confirmations, progress. */
export interface SetupUi extends WizardUi {
  /** Shows the plan as a readable document (Markdown preview). */
  showPlan(markdown: string): Promise<void>;
  /** A modal question; the chosen action or undefined (Cancel). */
  confirm(message: string, detail: string, actions: string[]): Promise<string | undefined>;
  /** A notification; resolves with the chosen action (tests resolve at once). */
  notify(kind: NoticeKind, message: string, actions: string[]): Promise<string | undefined>;
  /** A cancellable progress notification; `report` replaces its message. */
  progress<T>(title: string, task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>): Promise<T>;
}
