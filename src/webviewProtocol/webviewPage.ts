// The diagram panel's page: a strict Content Security Policy with a fresh nonce per page, our script and
// stylesheet only, no inline script or style, no eval. The markup is static; the script fills it. Pure, so
// the reliability suite can read exactly what the panel gets.

export interface PageInputs {
  /** The webview's own origin for resources (webview.cspSource). */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  lang: string;
  title: string;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
    // default-src does not cover these two: no <base> may redirect relative URLs, no form may post anywhere.
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function diagramPageHtml(p: PageInputs): string {
  return `<!DOCTYPE html>
<html lang="${escape(p.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(p.cspSource, p.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escape(p.styleUri)}">
<title>${escape(p.title)}</title>
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
<script nonce="${p.nonce}" src="${escape(p.scriptUri)}"></script>
</body>
</html>`;
}
