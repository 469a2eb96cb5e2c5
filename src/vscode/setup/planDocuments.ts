// The plan shown before Apply: a read-only virtual Markdown document opened in the preview, so nothing is
// left as an unsaved editor and re-planning replaces the text in place.
import * as vscode from 'vscode';

export const PLAN_SCHEME = 'apprunner-vpc-plan';

export class PlanDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(name: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PLAN_SCHEME, path: `/${encodeURIComponent(name)}.md` });
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export const planDocuments = new PlanDocuments();
