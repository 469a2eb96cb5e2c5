// The Service Metrics panel's page and its messages. The page has the diagram's Content
// Security Policy (a fresh nonce per page, our script and stylesheet only, no inline script or style); its
// body is the markup src/model/diagnosis/metricsView.ts builds. The script only reports clicks: each message is
// checked here before the extension acts on it (a webview is a web page).
import { contentSecurityPolicy } from './webviewPage';

export interface MetricsPageInputs {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  /** The page's language tag (the UI language). */
  lang: string;
  title: string;
  /** Escaped markup from metricsBodyMarkup. */
  body: string;
}

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function metricsPageHtml(p: MetricsPageInputs): string {
  return `<!DOCTYPE html>
<html lang="${p.lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(p.cspSource, p.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escape(p.styleUri)}">
<title>${escape(p.title)}</title>
</head>
<body class="metrics">
${p.body}
<script nonce="${p.nonce}" src="${escape(p.scriptUri)}"></script>
</body>
</html>`;
}

export type MetricsWindowName = '1h' | '6h' | '24h' | '7d';

export type MetricsMessage =
  | { type: 'refresh' }
  | { type: 'openIamHelp' }
  | { type: 'window'; window: MetricsWindowName }
  | { type: 'error'; message: string };

const WINDOWS: ReadonlySet<string> = new Set(['1h', '6h', '24h', '7d']);

/** The metrics page's message if it has exactly the expected shape; undefined for anything else. */
export function parseMetricsMessage(raw: unknown): MetricsMessage | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'refresh':
    case 'openIamHelp':
      return { type: m.type };
    case 'window':
      return typeof m.window === 'string' && WINDOWS.has(m.window)
        ? { type: 'window', window: m.window as MetricsWindowName }
        : undefined;
    case 'error':
      return typeof m.message === 'string' ? { type: 'error', message: m.message.slice(0, 2000) } : undefined;
    default:
      return undefined;
  }
}
