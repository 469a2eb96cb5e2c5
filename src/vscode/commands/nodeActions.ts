// Small actions on a tree node or a palette choice: copy the URL or ARN, open the AWS console page.
import * as vscode from 'vscode';
import { consoleUrl } from '../../model/explorer/treeText';
import type { AppRunnerService, VpcConnector } from '../../model/topology/topology';
import type { ExtensionServices } from '../services';
import { resolveTarget, pickService } from './targets';
import { serviceEndpointUrl } from '../../model/common/awsTarget';

async function serviceOrConnector(services: ExtensionServices, arg: unknown): Promise<AppRunnerService | VpcConnector> {
  const target = resolveTarget(services.store.state.snapshot, arg);
  if (target?.connector) return target.connector;
  return target?.service ?? pickService(services, vscode.l10n.t('App Runner service'));
}

export async function copyUrl(services: ExtensionServices, arg: unknown): Promise<string> {
  const service =
    resolveTarget(services.store.state.snapshot, arg)?.service ??
    (await pickService(services, vscode.l10n.t('App Runner service whose URL to copy')));
  const url = service.url ? serviceEndpointUrl(service.url, '') : '';
  await vscode.env.clipboard.writeText(url);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', url), 3000);
  return url;
}

export async function copyArn(services: ExtensionServices, arg: unknown): Promise<string> {
  const thing = await serviceOrConnector(services, arg);
  await vscode.env.clipboard.writeText(thing.arn);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', thing.arn), 3000);
  return thing.arn;
}

export async function openInConsole(services: ExtensionServices, arg: unknown, open = true): Promise<string> {
  const target = resolveTarget(services.store.state.snapshot, arg);
  const region = services.store.state.snapshot?.region ?? services.connection.state.target?.region ?? '';
  const url = target?.connector
    ? consoleUrl(region, { kind: 'connector' })
    : consoleUrl(region, {
        kind: 'service',
        arn: (target?.service ?? (await pickService(services, vscode.l10n.t('App Runner service')))).arn,
      });
  if (open) await vscode.env.openExternal(vscode.Uri.parse(url));
  return url;
}
