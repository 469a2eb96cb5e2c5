// Everything the pure lens model needs for one document, gathered from the store, the settings and the
// link. A file linked to a service by name (the setting or the user's choice) shows that service from the
// tree's snapshot when it holds it, else from a read of that service alone (ServiceReads), so the first lens
// never waits for the whole region (docs/performance.md, "Read set per command").
import type * as vscode from 'vscode';
import { loadYamlSupport } from '../yamlSupportLoader';
import type { LensInput } from '../../model/codeLens';
import type { LinkResolution } from '../../model/codeLens/serviceLink';
import type { Topology } from '../../model/topology/topology';
import { EDITOR_READS } from '../../model/topology/readSet';
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

/** The snapshot, link and loading flag a file's lenses and status bar entry show. */
export async function linkedView(
  services: ExtensionServices,
  linker: ServiceLinker,
  uri: vscode.Uri,
): Promise<{ snapshot?: Topology; loading: boolean; link: LinkResolution }> {
  const { snapshot, loading } = services.store.state;
  const link = await linker.resolve(uri, snapshot);
  const named = link.kind === 'setting' || link.kind === 'remembered';
  // The tree's complete snapshot answers, also "not found".
  const complete = !loading && !!snapshot && !snapshot.scope && !services.store.state.error;
  if (!named || complete) return { snapshot, loading, link };
  // While the tree loads: the service's own read when one was made (no flicker back to a partial snapshot),
  // else the tree's snapshot when it already holds the service (a reload keeps the last one: no extra read),
  // else a read of the service alone (a first load, a switched account).
  const scoped =
    services.serviceReads.lastRead(link.serviceName) ??
    (link.service?.detailsLoaded ? undefined : services.serviceReads.current(link.serviceName, EDITOR_READS.codeLens));
  if (!scoped) {
    const reading = !link.service?.detailsLoaded && services.connection.state.status === 'connected';
    return { snapshot, loading: loading || reading, link };
  }
  return { snapshot: scoped, loading: false, link: await linker.resolve(uri, scoped) };
}

export async function lensInput(
  services: ExtensionServices,
  linker: ServiceLinker,
  document: vscode.TextDocument,
): Promise<LensInput> {
  const { error } = services.store.state;
  const { snapshot, loading, link } = await linkedView(services, linker, document.uri);
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
    link,
    snapshot,
    loading,
    unavailable,
    appRunnerGroupName: settings.appRunnerSecurityGroupName,
    appRunnerGroupNameTag: settings.appRunnerSecurityGroupNameTag,
    databaseGroupName: settings.databaseSecurityGroupName,
    databasePort: settings.databasePort,
  };
}
