import * as vscode from 'vscode';
import { customEndpoints, isLoopbackHost } from '../model/common/awsTarget';
import type { Connection } from './connection';

// "Use the Local Sandbox" only where the sandbox can run: in the extension's own repository (and its
// sample-workspace, what npm start opens), or when the endpoint in use is a sandbox that answers. Everyone
// else never sees it in the palette or the welcome views (context key apprunnerVpc.sandboxAvailable).
const KEY = 'apprunnerVpc.sandboxAvailable';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** A workspace folder that is, or sits inside (up to two levels), this extension's repository. */
async function inOwnRepository(): Promise<boolean> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    for (let dir = folder.uri, level = 0; level < 3; level++, dir = vscode.Uri.joinPath(dir, '..')) {
      if (await exists(vscode.Uri.joinPath(dir, 'sandbox', 'apprunner', 'emulator.ts'))) return true;
    }
  }
  return false;
}

/** A loopback endpoint whose /_sandbox/seed answers (only ever asked of loopback, never of AWS). */
async function sandboxAnswers(endpoints: string[]): Promise<boolean> {
  for (const endpoint of endpoints.filter((url) => isLoopbackHost(url.replace(/^https?:\/\//, '')))) {
    const ok = await fetch(`${endpoint.replace(/\/+$/, '')}/_sandbox/seed`, { signal: AbortSignal.timeout(1500) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return true;
  }
  return false;
}

export function trackSandboxAvailability(connection: Connection): vscode.Disposable {
  let own = false;
  let answering = false;
  const publish = (): void => void vscode.commands.executeCommand('setContext', KEY, own || answering);
  void inOwnRepository().then((found) => {
    own = found;
    publish();
  });
  return vscode.Disposable.from(
    connection.onDidChange((state) => {
      if (state.status === 'loading') return;
      void sandboxAnswers(state.target ? customEndpoints(state.target) : []).then((found) => {
        answering = found;
        publish();
      });
    }),
  );
}
