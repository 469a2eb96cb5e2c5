// The webview's one door to the extension: typed messages out, and the state VS Code keeps across reloads.
import type { PanelState, WebviewMessage } from '../webviewProtocol/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// acquireVsCodeApi may be called once per page.
const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function saveState(state: PanelState): void {
  api.setState(state);
}

export function savedState(): unknown {
  return api.getState();
}
