// The scripted Ui for host tests: answers the prompts from a queue in order (checking each prompt's id),
// confirms by a set answer, and records what was asked, confirmed, notified, shown and reported as progress.
// Not part of the bundle (nothing in the extension imports it); test/host scripts commands with it.
import * as vscode from 'vscode';
import { BACK, type InputRequest, type NoticeKind, type PickRequest, type SaveRequest, type Ui } from './ui';
import { windowUi } from './windowUi';

/** `value` omitted = accept what the prompt offers (the active item, the pre-selected items, the default text). */
export interface Answer {
  id: string;
  value?: unknown;
  back?: boolean;
}

export interface Asked {
  id: string;
  step?: number;
  totalSteps?: number;
  title?: string;
  /** The pre-selected value(s), default text or file name shown. */
  offered: unknown;
  labels: string[];
  descriptions: (string | undefined)[];
}

export interface ReplayOptions {
  /** Sees every progress line with a function that cancels the running task. */
  onProgress?(abort: () => void, line: string): void;
  /** Also opens the documents shown, as the window does (for tests that look at the preview tab). */
  previews?: boolean;
  /** Answers a notification that offers actions (the chosen action); without it every notification is dismissed. */
  onNotice?(message: string, actions: string[]): string | undefined;
}

export class ReplayUi implements Ui {
  readonly asked: Asked[] = [];
  readonly confirms: { message: string; detail: string; actions: string[] }[] = [];
  readonly notices: { kind: NoticeKind; message: string; actions: string[] }[] = [];
  /** Every document shown (plans, reports), in order; a test reads the text where the command keeps it. */
  readonly documents: vscode.Uri[] = [];
  readonly progressLines: string[] = [];
  private readonly answers: Answer[];

  /**
   * @param confirmAnswer answers every modal question with its first action (true) or Cancel (false); tests may
   *   change it between commands.
   */
  constructor(
    answers: Answer[] = [],
    public confirmAnswer: boolean = false,
    private readonly options: ReplayOptions = {},
  ) {
    this.answers = [...answers];
  }

  get unanswered(): Answer[] {
    return this.answers;
  }

  private next(id: string): Answer {
    const answer = this.answers.shift();
    if (!answer) throw new Error(`ReplayUi: no answer left for prompt "${id}"`);
    if (answer.id !== id) throw new Error(`ReplayUi: prompt order: expected ${answer.id}, asked ${id}`);
    return answer;
  }

  private record<T>(r: PickRequest<T>, offered: unknown): void {
    this.asked.push({
      id: r.id,
      step: r.step,
      totalSteps: r.totalSteps,
      title: r.title,
      offered,
      labels: r.items.map((i) => i.label),
      descriptions: r.items.map((i) => i.description),
    });
  }

  async pick<T>(r: PickRequest<T>) {
    const offered = r.items[r.activeIndex ?? 0]?.value;
    this.record(r, offered);
    const a = this.next(r.id);
    if (a.back) return BACK;
    const value = a.value === undefined ? offered : (a.value as T);
    if (!r.items.some((i) => i.value === value))
      throw new Error(`ReplayUi: ${String(value)} is not offered for ${r.id}`);
    return value;
  }

  async pickMany<T>(r: PickRequest<T>) {
    const offered = r.items.filter((i) => i.picked).map((i) => i.value);
    this.record(r, offered);
    const a = this.next(r.id);
    if (a.back) return BACK;
    return a.value === undefined ? offered : (a.value as T[]);
  }

  async input(r: InputRequest) {
    this.asked.push({
      id: r.id,
      step: r.step,
      totalSteps: r.totalSteps,
      title: r.title,
      offered: r.value,
      labels: [],
      descriptions: [],
    });
    const a = this.next(r.id);
    if (a.back) return BACK;
    const value = a.value === undefined ? r.value : String(a.value);
    const invalid = r.validate(value);
    if (invalid !== undefined) throw new Error(`ReplayUi: ${r.id} "${value}" is invalid: ${invalid}`);
    return value;
  }

  async confirm(message: string, detail: string, actions: string[]) {
    this.confirms.push({ message, detail, actions });
    return this.confirmAnswer ? actions[0] : undefined;
  }

  async notify(kind: NoticeKind, message: string, actions: string[] = []) {
    this.notices.push({ kind, message, actions });
    return actions.length > 0 ? this.options.onNotice?.(message, actions) : undefined;
  }

  /** Answered with a `vscode.Uri` value; an answer without one cancels the dialog. */
  async saveLocation(r: SaveRequest) {
    this.asked.push({ id: r.id, offered: r.defaultName, labels: [], descriptions: [] });
    const a = this.next(r.id);
    if (a.value !== undefined && !(a.value instanceof vscode.Uri)) {
      throw new Error(`ReplayUi: the answer to ${r.id} is not a vscode.Uri`);
    }
    return a.value;
  }

  async showDocument(uri: vscode.Uri) {
    this.documents.push(uri);
    if (this.options.previews) await windowUi.showDocument(uri);
  }

  async progress<T>(
    _title: string,
    task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    return task((line) => {
      this.progressLines.push(line);
      this.options.onProgress?.(() => controller.abort(), line);
    }, controller.signal);
  }
}
