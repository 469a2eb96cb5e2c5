// The sandbox's admin endpoint, reached from inside the extension host (its URL travels in the environment).
export interface CallCounts {
  total: number;
  operations: Record<string, number>;
}

function adminUrl(): string {
  const url = process.env.APPRUNNER_VPC_SANDBOX_ADMIN;
  if (!url)
    throw new Error('APPRUNNER_VPC_SANDBOX_ADMIN is not set: run host tests through scripts/run-host-tests.mjs');
  return url;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${adminUrl()}${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox admin ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export const sandboxAdmin = {
  calls: () => call<CallCounts>('GET', '/calls'),
  resetCalls: () => call<CallCounts>('POST', '/calls/reset'),
  reset: () => call<unknown>('POST', '/reset'),
  /** Switches the sandbox to another seed (later plain resets keep it: switch back to 'runbook' after). */
  resetToSeed: (seed: string) => call<unknown>('POST', '/reset', { seed }),
  /** What the current seed created (ids, endpoints, names: sandbox/seed/seedInfo.ts). */
  seedInfo: <T = Record<string, unknown>>() => call<T>('GET', '/seed'),
  setFaults: (faults: unknown) => call<unknown>('POST', '/faults', faults),
  clearFaults: () => call<unknown>('POST', '/faults/clear'),
  configure: (settings: Record<string, unknown>) => call<unknown>('POST', '/config', settings),
  /** The service's running app prints these lines to its application log group now (test-only endpoint). */
  appLog: (service: string, lines: string[]) =>
    call<{ logGroupName: string; logStreamName: string }>('POST', '/app-log', { service, lines }),
};
