// The panel's page for a webview: a fresh nonce, the bundle and stylesheet as webview URIs, the rest is the
// pure page builder (src/webviewProtocol/webviewPage.ts).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { loadAnalysis } from '../analysisLoader';
import { uiLang } from '../localize';

export function resourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function diagramHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  // The page builder sits in the analysis bundle with the diagram it shows (the main bundle stays small).
  return loadAnalysis().diagramPageHtml({
    cspSource: webview.cspSource,
    nonce: randomBytes(16).toString('base64'),
    scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
    styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'diagram.css')).toString(),
    lang: uiLang(),
    title,
  });
}
