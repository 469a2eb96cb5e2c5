// The Service Metrics page's script (dist/metricsView.js): the page is drawn by the extension; this only turns
// clicks on its buttons into messages (checked again by the extension, src/webviewProtocol/metricsPage.ts).
import type { MetricsMessage } from '../../webviewProtocol/metricsPage';

interface VsCodeApi {
  postMessage(message: MetricsMessage): void;
}
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('button') : null;
  if (!target) return;
  const window = target.getAttribute('data-window');
  const action = target.getAttribute('data-action');
  if (window === '1h' || window === '6h' || window === '24h' || window === '7d') {
    api.postMessage({ type: 'window', window });
  } else if (action === 'refresh' || action === 'openIamHelp') {
    for (const b of document.querySelectorAll('button')) b.disabled = true;
    api.postMessage({ type: action });
  }
});
addEventListener('error', (event) => api.postMessage({ type: 'error', message: String(event.message) }));
