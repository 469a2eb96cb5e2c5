// The diagnosis report as a read-only virtual Markdown document, one per service, shown in the Markdown
// preview. Re-diagnosing updates the open document and its preview in place.
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'apprunner-vpc-diagnosis';

export class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  uriFor(serviceName: string): vscode.Uri {
    return vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${encodeURIComponent(serviceName)}-diagnosis.md` });
  }

  set(serviceName: string, markdown: string): vscode.Uri {
    const uri = this.uriFor(serviceName);
    this.texts.set(uri.toString(), markdown);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return (
      this.texts.get(uri.toString()) ?? vscode.l10n.t('No diagnosis yet: run "App Runner VPC: Diagnose Connectivity".')
    );
  }

  dispose(): void {
    this.changed.dispose();
  }
}
