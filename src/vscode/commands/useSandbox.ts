import * as vscode from 'vscode';
import { parseSandboxSeeds, sandboxEndpoint, type SandboxSeeds } from '../../model/common/sandboxSeeds';
import { readSettings, updateSetting } from '../settings';
import { CommandId } from '../../model/common/commandIds';

export const SANDBOX_ENDPOINT = 'http://127.0.0.1:4566';

/** The running sandbox's seeds, or undefined when nothing (or something else) answers. */
async function runningSeeds(endpoint: string): Promise<SandboxSeeds | undefined> {
  try {
    const res = await fetch(`${endpoint}/_sandbox/seeds`, { signal: AbortSignal.timeout(2000) });
    return res.ok ? parseSandboxSeeds(await res.json()) : undefined;
  } catch {
    return undefined;
  }
}

async function resetTo(endpoint: string, seed: string): Promise<void> {
  const res = await fetch(`${endpoint}/_sandbox/reset`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seed }),
    signal: AbortSignal.timeout(120_000),
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: unknown };
    throw new Error(
      vscode.l10n.t('The sandbox could not switch to seed {0}: {1}', seed, String(body.error ?? `HTTP ${res.status}`)),
    );
  }
}

type SeedItem = vscode.QuickPickItem & { seed?: string };

/** Keep the running world (the first item, what Enter picks), or reset it to one of its seeds. Undefined: cancelled. */
async function pickSeed(endpoint: string, seeds: SandboxSeeds): Promise<{ seed?: string } | undefined> {
  const keep: SeedItem = {
    label: vscode.l10n.t('Use the running sandbox as it is'),
    description: seeds.current ? vscode.l10n.t('seed {0}', seeds.current) : undefined,
  };
  const items: SeedItem[] = [
    keep,
    {
      label: vscode.l10n.t('Reset the sandbox to a seed (its AWS state is replaced)'),
      kind: vscode.QuickPickItemKind.Separator,
    },
    ...seeds.seeds.map((s) => ({
      label: s.name,
      description: s.name === seeds.current ? vscode.l10n.t('current') : undefined,
      detail: s.summary,
      seed: s.name,
    })),
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Use the Local Sandbox at {0}', endpoint),
    matchOnDetail: true,
  });
  return chosen ? { seed: chosen.seed } : undefined;
}

/**
 * Points the extension at the local sandbox (`npm run sandbox` or `npm start`), so it can be tried without an
 * AWS account. When the sandbox runs, it also offers to reset it to any of its seeds (account shapes).
 */
export async function useSandbox(): Promise<void> {
  const endpoint = sandboxEndpoint(readSettings().endpointUrl, SANDBOX_ENDPOINT);
  const seeds = await runningSeeds(endpoint);
  const choice = seeds ? await pickSeed(endpoint, seeds) : {};
  if (!choice) return;
  const seed = choice.seed;
  if (seed) {
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('Resetting the local sandbox to seed {0}...', seed),
      },
      () => resetTo(endpoint, seed),
    );
  }
  await updateSetting('endpointUrl', endpoint);
  await updateSetting('region', 'ap-northeast-1');
  if (seed) await vscode.commands.executeCommand(CommandId.refresh);
  const message = seeds
    ? vscode.l10n.t('Using the local sandbox at {0}.', endpoint)
    : vscode.l10n.t(
        'Using the local sandbox at {0}. Start it with "npm run sandbox" in the extension repository.',
        endpoint,
      );
  void vscode.window.showInformationMessage(message);
}
