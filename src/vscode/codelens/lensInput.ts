// Everything the pure lens model needs for one document, gathered from the store, the settings and the
// link. No AWS call: only the store's snapshot (docs/design.md, 'How data flows').
import type * as vscode from 'vscode';
import { loadYamlSupport } from '../yamlSupportLoader';
import type { LensInput } from '../../model/codeLens';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';
import type { ServiceLinker } from './serviceLinker';
import { msg } from '../../model/l10n/text';

const parsed = new WeakMap<vscode.TextDocument, { version: number; config: LensInput['config'] }>();

/** The parsed file, reused while the document's version is unchanged. */
function configOf(document: vscode.TextDocument): LensInput['config'] {
  const cached = parsed.get(document);
  if (cached?.version === document.version) return cached.config;
  const config = loadYamlSupport().parseApprunnerYaml(document.getText()).config;
  parsed.set(document, { version: document.version, config });
  return config;
}

export async function lensInput(
  services: ExtensionServices,
  linker: ServiceLinker,
  document: vscode.TextDocument,
): Promise<LensInput> {
  const { snapshot, loading, error } = services.store.state;
  const connection = services.connection.state.status;
  const settings = readSettings();
  const unavailable = error
    ? msg('could not be loaded')
    : connection === 'loading'
      ? msg('connecting…')
      : connection !== 'connected'
        ? msg('not connected')
        : undefined;
  return {
    config: configOf(document),
    link: await linker.resolve(document.uri, snapshot),
    snapshot,
    loading,
    unavailable,
    appRunnerGroupName: settings.appRunnerSecurityGroupName,
    appRunnerGroupNameTag: settings.appRunnerSecurityGroupNameTag,
    databaseGroupName: settings.databaseSecurityGroupName,
    databasePort: settings.databasePort,
  };
}
