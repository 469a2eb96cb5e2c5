// What a command acts on: the tree node it was run from, a name or ARN passed by another command, or (from
// the palette) the user's choice in a quick pick.
import * as vscode from 'vscode';
import type { AppRunnerService, Topology, VpcConnector } from '../../model/topology/topology';
import { UserError } from '../../model/common/userError';
import { ConnectorNode } from '../explorer/connectorNode';
import { ServiceNode } from '../explorer/serviceNode';
import type { ExtensionServices } from '../services';
import { answered } from '../wizard/wizard';
import { BACK } from '../ui/ui';
import { msg } from '../../model/l10n/text';
import { EDITOR_READS, type EditorRead } from '../../model/topology/readSet';
import { detailedService } from '../state/serviceReads';

export interface NodeTarget {
  service?: AppRunnerService;
  connector?: VpcConnector;
}

/** The service or connector a node or a string names, looked up in the current snapshot. */
export function resolveTarget(snapshot: Topology | undefined, arg: unknown): NodeTarget | undefined {
  if (arg instanceof ServiceNode)
    return { service: snapshot?.services.find((s) => s.arn === arg.service.arn) ?? arg.service };
  if (arg instanceof ConnectorNode)
    return { connector: snapshot?.connectors.find((c) => c.arn === arg.connector.arn) ?? arg.connector };
  if (typeof arg !== 'string' || !snapshot) return undefined;
  const service = snapshot.services.find((s) => s.name === arg || s.arn === arg);
  if (service) return { service };
  const connector =
    snapshot.connectors.find((c) => c.arn === arg) ??
    snapshot.connectors.find((c) => c.name === arg && c.status === 'ACTIVE');
  return connector ? { connector } : undefined;
}

/** The snapshot, loading it first when the tree has not yet. */
export async function requireSnapshot(services: ExtensionServices): Promise<Topology> {
  const snapshot = (!services.store.state.loading && services.store.state.snapshot) || (await services.store.refresh());
  if (!snapshot) {
    throw new UserError(msg('Not connected to AWS: select a profile or check the endpoint, then try again.'));
  }
  return snapshot;
}

/**
 * A service named by a tree node or a string (a lens's or another command's argument), read alone unless
 * the tree's complete snapshot already holds it (docs/performance.md, "Read set per command"); undefined when
 * the argument names no service of the account (a connector, a typo): the tree's snapshot decides then.
 */
export async function namedService(
  services: ExtensionServices,
  arg: unknown,
  read: EditorRead,
): Promise<{ service: AppRunnerService; snapshot: Topology } | undefined> {
  const named = arg instanceof ServiceNode ? arg.service.arn : typeof arg === 'string' && arg ? arg : undefined;
  if (!named) return undefined;
  const snapshot = await services.serviceReads.snapshotFor(named, EDITOR_READS[read]);
  const service = detailedService(snapshot, named);
  return service && { service, snapshot };
}

/** The service a command about one service acts on, and its snapshot; from the palette, the user's pick. */
export async function serviceTarget(
  services: ExtensionServices,
  arg: unknown,
  read: EditorRead,
  placeholder: string,
): Promise<{ service: AppRunnerService; snapshot: Topology }> {
  const found = await namedService(services, arg, read);
  if (found) return found;
  const snapshot = await requireSnapshot(services);
  const service = resolveTarget(snapshot, arg)?.service ?? (await pickService(services, placeholder));
  return { service, snapshot };
}

export async function pickService(services: ExtensionServices, placeholder: string): Promise<AppRunnerService> {
  const snapshot = await requireSnapshot(services);
  const items = snapshot.services.map((s) => ({ label: s.name, description: s.status, value: s.arn }));
  const preferred = vscode.workspace.getConfiguration('apprunnerVpc').get<string>('serviceName');
  const answer = answered(
    await services.ui().pick({
      id: 'service',
      title: placeholder,
      step: 1,
      totalSteps: 1,
      canGoBack: false,
      placeholder,
      items,
      activeIndex: Math.max(
        0,
        snapshot.services.findIndex((s) => s.name === preferred),
      ),
    }),
  );
  const found = answer === BACK ? undefined : snapshot.services.find((s) => s.arn === answer);
  if (!found) throw new vscode.CancellationError();
  return found;
}

export async function pickConnector(services: ExtensionServices, placeholder: string): Promise<VpcConnector> {
  const snapshot = await requireSnapshot(services);
  const items = snapshot.connectors
    .filter((c) => c.status === 'ACTIVE')
    .map((c) => ({ label: c.name, description: `rev ${c.revision} · ${c.status}`, value: c.arn }));
  const answer = answered(
    await services.ui().pick({
      id: 'connector',
      title: placeholder,
      step: 1,
      totalSteps: 1,
      canGoBack: false,
      placeholder,
      items,
    }),
  );
  const found = answer === BACK ? undefined : snapshot.connectors.find((c) => c.arn === answer);
  if (!found) throw new vscode.CancellationError();
  return found;
}
