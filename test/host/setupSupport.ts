// A replaying SetupUi for host tests: answers prompts in order (checking each prompt's id), records what was
// asked, the plan document, the modal questions, notifications and progress lines.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/api';
import type { InputRequest, NoticeKind, PickRequest, SetupUi } from '../../src/vscode/wizard/wizardUi';
import { BACK } from '../../src/vscode/wizard/wizardUi';
import { sandboxAdmin } from './sandboxAdmin';
import { extensionApi, waitFor } from './support';

/** `value` omitted = accept what the prompt offers (the active item, the pre-selected items, the default text). */
export interface Answer {
  id: string;
  value?: unknown;
  back?: boolean;
}

export interface Asked {
  id: string;
  step: number;
  totalSteps: number;
  title: string;
  /** The pre-selected value(s) or default text shown. */
  offered: unknown;
  labels: string[];
  descriptions: (string | undefined)[];
}

export class ReplayUi implements SetupUi {
  readonly asked: Asked[] = [];
  readonly plans: string[] = [];
  readonly confirms: { message: string; detail: string }[] = [];
  readonly notices: { kind: NoticeKind; message: string }[] = [];
  readonly progressLines: string[] = [];
  private readonly answers: Answer[];

  constructor(
    answers: Answer[],
    private readonly apply: boolean,
    private readonly onProgress?: (abort: () => void, line: string) => void,
  ) {
    this.answers = [...answers];
  }

  get unanswered(): Answer[] {
    return this.answers;
  }

  private next(id: string): Answer {
    const answer = this.answers.shift();
    assert.ok(answer, `no answer left for prompt "${id}"`);
    assert.equal(answer.id, id, `prompt order: expected ${answer.id}, asked ${id}`);
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
    assert.ok(
      r.items.some((i) => i.value === value),
      `${String(value)} is offered for ${r.id}`,
    );
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
    assert.equal(r.validate(value), undefined, `${r.id} "${value}" is valid`);
    return value;
  }

  async showPlan(markdown: string) {
    this.plans.push(markdown);
  }

  async confirm(message: string, detail: string, actions: string[]) {
    this.confirms.push({ message, detail });
    return this.apply ? actions[0] : undefined;
  }

  async notify(kind: NoticeKind, message: string) {
    this.notices.push({ kind, message });
    return undefined;
  }

  async progress<T>(
    _title: string,
    task: (report: (message: string) => void, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    return task((line) => {
      this.progressLines.push(line);
      this.onProgress?.(() => controller.abort(), line);
    }, controller.signal);
  }
}

/** The setup wizard's answers taking every default: service, database, subnets, connector name, group name. */
export const DEFAULT_SETUP_ANSWERS: Answer[] = [
  { id: 'service', value: 'kyudai-api' },
  { id: 'database', value: 'kyudai-db' },
  { id: 'subnets' },
  { id: 'connectorName' },
  { id: 'appRunnerSecurityGroupName' },
];

/** Write calls among the sandbox's counted operations. */
export function writeCalls(operations: Record<string, number>): string[] {
  return Object.keys(operations).filter(
    (op) => /(Create|Authorize|Revoke|Update|Delete|Associate|Pause|Resume)/.test(op) && operations[op] > 0,
  );
}

/** The extension connected to a freshly reset sandbox, with the store re-read (for files that change AWS). */
export async function connectedToFreshWorld(): Promise<ExtensionApi> {
  const api = await extensionApi();
  await waitFor(() => (api.connectionState().status === 'connected' ? true : undefined), 'connection', 60_000);
  await sandboxAdmin.reset();
  api.store.invalidate();
  await api.store.refresh({ force: true });
  return api;
}

/** Runs a setup command with replayed answers; `apply` answers the modal. */
export async function runWithAnswers(
  api: ExtensionApi,
  command: string,
  answers: Answer[],
  apply: boolean,
  arg?: unknown,
): Promise<ReplayUi> {
  const ui = new ReplayUi(answers, apply);
  api.setup.setUi(ui);
  await vscode.commands.executeCommand(`apprunnerVpc.${command}`, arg);
  assert.deepEqual(
    ui.unanswered,
    [],
    `${command}: every answer was asked for; asked ${ui.asked.map((a) => a.id).join(', ')}; ${JSON.stringify(api.setup.lastRun()?.message)}`,
  );
  return ui;
}
