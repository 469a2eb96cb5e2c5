// `apprunnerVpc.linkService`: choose (or change, or forget) the service an apprunner.yaml belongs to.
// Services that deploy this repository and folder are offered first.
import * as vscode from 'vscode';
import { UserError } from '../../model/common/userError';
import type { ExtensionServices } from '../services';
import { chosen, type PickItem } from '../ui/ui';
import type { ServiceLinker } from './serviceLinker';
import { isApprunnerYaml } from './yamlFiles';
import { msg } from '../../model/l10n/text';

function targetFile(arg: unknown): vscode.Uri {
  if (arg instanceof vscode.Uri) return arg;
  const active = vscode.window.activeTextEditor?.document;
  if (active && isApprunnerYaml(active)) return active.uri;
  const open = vscode.workspace.textDocuments.find(isApprunnerYaml);
  if (open) return open.uri;
  throw new UserError(msg('Open an apprunner.yaml first, then link it to a service.'));
}

/** Returns the linked service name, '' when the choice was forgotten, undefined when dismissed. */
export async function linkService(
  services: ExtensionServices,
  linker: ServiceLinker,
  arg?: unknown,
): Promise<string | undefined> {
  const file = targetFile(arg);
  const snapshot = services.store.state.snapshot ?? (await services.store.refresh());
  if (!snapshot || snapshot.services.length === 0) {
    throw new UserError(msg('No App Runner services were found in this account and region.'));
  }
  const matching = new Set((await linker.candidates(file, snapshot)).map((c) => c.service.name));
  const ordered = [...snapshot.services].sort(
    (a, b) => Number(matching.has(b.name)) - Number(matching.has(a.name)) || a.name.localeCompare(b.name),
  );
  // The value is the service name; '' forgets the choice (back to automatic).
  const choices: PickItem<string>[] = ordered.map((s) => ({
    label: s.name,
    value: s.name,
    description: matching.has(s.name) ? vscode.l10n.t('deploys this repository and folder') : s.status,
    detail: s.source
      ? `${s.source.kind === 'code' ? vscode.l10n.t('code') : vscode.l10n.t('image')}: ${s.source.identifier}`
      : undefined,
  }));
  if (linker.remembered(file)) choices.push({ label: vscode.l10n.t('Automatic (forget my choice)'), value: '' });
  const ui = services.ui();
  const serviceName = chosen(
    await ui.pick({
      id: 'linkService',
      placeholder: vscode.l10n.t('App Runner service for {0}', vscode.workspace.asRelativePath(file)),
      items: choices,
    }),
  );
  if (serviceName === undefined) return undefined;
  await linker.remember(file, serviceName || undefined);
  const setting = linker.setting(file);
  if (setting && setting !== (serviceName || undefined)) {
    void ui.notify(
      'info',
      vscode.l10n.t(
        'The setting apprunnerVpc.linkedService ({0}) still links this folder; clear it to use your choice.',
        setting,
      ),
    );
  }
  return serviceName;
}
