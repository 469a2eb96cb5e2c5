// The panel's page: a strict Content Security Policy with a fresh nonce per page, our script and stylesheet
// only (from dist/ and media/), no inline script or style, no eval. The markup is static; the script fills it.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function resourceRoots(extensionUri: vscode.Uri): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')];
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function diagramHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'diagram.css'));
  const lang = vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escape(title)}</title>
</head>
<body>
<header role="toolbar">
  <label id="service-label" for="service"></label>
  <select id="service"></select>
  <button type="button" id="refresh"></button>
  <span id="summary" role="status" aria-live="polite"></span>
  <span class="spacer"></span>
  <span id="legend" role="list"></span>
  <button type="button" id="save-svg"></button>
  <button type="button" id="copy-mermaid"></button>
</header>
<div id="status" role="status" aria-live="polite"></div>
<main>
  <div id="canvas"><svg id="diagram" role="group" xmlns="http://www.w3.org/2000/svg"></svg></div>
  <aside id="details" aria-live="polite"></aside>
</main>
<div id="footer"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
