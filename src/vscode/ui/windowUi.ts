// The real UI: quick picks and input boxes (with a Back button and "(2/5)" in a wizard's title), modal
// confirmations, notifications, the save dialog, Markdown previews and progress notifications. Every text
// shown goes through `masked`.
import * as vscode from 'vscode';
import { masked } from '../masking';
import { BACK, type Back, type InputRequest, type PickRequest, type Ui } from './ui';

type Item<T> = vscode.QuickPickItem & { value: T };

function showPick<T>(request: PickRequest<T>, many: boolean): Promise<Item<T>[] | Back | undefined> {
  return new Promise((resolve) => {
    const qp = vscode.window.createQuickPick<Item<T>>();
    qp.title = request.title;
    qp.step = request.step;
    qp.totalSteps = request.totalSteps;
    qp.placeholder = request.placeholder;
    qp.canSelectMany = many;
    qp.matchOnDescription = true;
    qp.matchOnDetail = request.matchOnDetail ?? false;
    // A wizard step stays open while the user looks elsewhere; a one-off pick closes as showQuickPick does.
    qp.ignoreFocusOut = request.step !== undefined;
    qp.buttons = request.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    const items = request.items.map((i) => ({
      label: masked(i.label),
      description: i.description === undefined ? undefined : masked(i.description),
      detail: i.detail === undefined ? undefined : masked(i.detail),
      value: i.value,
    }));
    qp.items = items;
    if (many) qp.selectedItems = items.filter((_, n) => request.items[n].picked);
    const active = items[request.activeIndex ?? 0];
    if (!many && active) qp.activeItems = [active];
    let done = false;
    const finish = (value: Item<T>[] | Back | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidTriggerButton(() => finish(BACK));
    qp.onDidAccept(() => finish(many ? [...qp.selectedItems] : [...qp.activeItems]));
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

function showInput(request: InputRequest): Promise<string | Back | undefined> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = request.title;
    box.step = request.step;
    box.totalSteps = request.totalSteps;
    box.prompt = request.prompt;
    box.value = request.value;
    box.ignoreFocusOut = true;
    box.buttons = request.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    box.validationMessage = request.validate(request.value);
    let done = false;
    const finish = (value: string | Back | undefined): void => {
      if (done) return;
      done = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue((v) => (box.validationMessage = request.validate(v)));
    box.onDidTriggerButton(() => finish(BACK));
    box.onDidAccept(() => {
      if (!request.validate(box.value)) finish(box.value);
    });
    box.onDidHide(() => finish(undefined));
    box.show();
  });
}

export const windowUi: Ui = {
  async pick<T>(request: PickRequest<T>) {
    const result = await showPick(request, false);
    return result === BACK || result === undefined ? result : result[0]?.value;
  },
  async pickMany<T>(request: PickRequest<T>) {
    const result = await showPick(request, true);
    return result === BACK || result === undefined ? result : result.map((i) => i.value);
  },
  input: showInput,
  async confirm(message, detail, actions) {
    return vscode.window.showWarningMessage(masked(message), { modal: true, detail: masked(detail) }, ...actions);
  },
  async notify(kind, message, actions = []) {
    const show =
      kind === 'error'
        ? vscode.window.showErrorMessage
        : kind === 'warning'
          ? vscode.window.showWarningMessage
          : vscode.window.showInformationMessage;
    return show(masked(message), ...actions);
  },
  async saveLocation(request) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    return vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, request.defaultName) : undefined,
      filters: request.filters,
      saveLabel: request.saveLabel,
    });
  },
  async showDocument(uri) {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  },
  progress(title, task) {
    return Promise.resolve(
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title, cancellable: true },
        (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          return task((message) => progress.report({ message: masked(message) }), controller.signal);
        },
      ),
    );
  },
};
