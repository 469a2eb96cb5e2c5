import * as vscode from 'vscode';
import type { Connection, ConnectionState } from './connection';
import { pick } from './localize';

// `profile · region · account`, always visible, opening the profile picker.
export function createStatusBar(connection: Connection): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('apprunnerVpc.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('App Runner VPC: AWS connection');
  item.command = 'apprunnerVpc.selectProfile';
  const render = (state: ConnectionState): void => {
    const profile = state.target?.profile || vscode.l10n.t('default');
    const region = state.target?.region ?? '…';
    const icon = { loading: '$(sync~spin)', connected: '$(cloud)', noCredentials: '$(warning)', error: '$(error)' }[state.status];
    const third =
      state.status === 'connected' ? state.account ?? '' : state.status === 'loading' ? vscode.l10n.t('connecting') : vscode.l10n.t('not connected');
    item.text = `${icon} ${profile} · ${region} · ${third}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('App Runner VPC')}**\n\n`);
    tooltip.appendMarkdown(`${vscode.l10n.t('Profile')}: \`${profile}\`  \n${vscode.l10n.t('Region')}: \`${region}\`  \n`);
    if (state.target?.endpointUrl) tooltip.appendMarkdown(`${vscode.l10n.t('Endpoint')}: \`${state.target.endpointUrl}\`  \n`);
    if (state.arn) tooltip.appendMarkdown(`${vscode.l10n.t('Identity')}: \`${state.arn}\`  \n`);
    if (state.error) tooltip.appendText(`\n${pick(state.error.message)}`);
    item.tooltip = tooltip;
    item.backgroundColor = state.status === 'error' || state.status === 'noCredentials' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  };
  render(connection.state);
  connection.onDidChange(render);
  item.show();
  return item;
}
