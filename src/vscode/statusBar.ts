import * as vscode from 'vscode';
import { customEndpoints } from '../model/common/awsTarget';
import type { Connection, ConnectionState } from './connection';
import { pick } from './localize';
import { CommandId } from '../model/common/commandIds';

// `profile · region`, opening the profile picker. The account id stays in the tooltip (the status bar is in
// every screen share and recording), and the item appears only once something asked for AWS (quiet start).
export function createStatusBar(connection: Connection): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('apprunnerVpc.connection', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('App Runner VPC: AWS connection');
  item.command = CommandId.selectProfile;
  const render = (state: ConnectionState): void => {
    const profile = state.target?.profile || vscode.l10n.t('default');
    const region = state.target?.region ?? '…';
    const icon = { loading: '$(sync~spin)', connected: '$(cloud)', noCredentials: '$(warning)', error: '$(error)' }[
      state.status
    ];
    const third =
      state.status === 'connected'
        ? ''
        : state.status === 'loading'
          ? vscode.l10n.t('connecting')
          : vscode.l10n.t('not connected');
    item.text = `${icon} ${profile} · ${region}${third ? ` · ${third}` : ''}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('App Runner VPC')}**\n\n`);
    tooltip.appendMarkdown(
      `${vscode.l10n.t('Profile')}: \`${profile}\`  \n${vscode.l10n.t('Region')}: \`${region}\`  \n`,
    );
    if (state.account) tooltip.appendMarkdown(`${vscode.l10n.t('Account')}: \`${state.account}\`  \n`);
    // The effective endpoints when they are not AWS's (the setting, AWS_ENDPOINT_URL_*, the profile's endpoint_url).
    for (const endpoint of state.target ? customEndpoints(state.target) : [])
      tooltip.appendMarkdown(`${vscode.l10n.t('Endpoint')}: \`${endpoint}\`  \n`);
    if (state.arn) tooltip.appendMarkdown(`${vscode.l10n.t('Identity')}: \`${state.arn}\`  \n`);
    if (state.warning) tooltip.appendText(`\n${pick(state.warning)}`);
    if (state.error) tooltip.appendText(`\n${pick(state.error.message)}`);
    item.tooltip = tooltip;
    item.backgroundColor =
      state.status === 'error' || state.status === 'noCredentials'
        ? new vscode.ThemeColor('statusBarItem.warningBackground')
        : undefined;
    if (connection.started) item.show();
    else item.hide();
  };
  render(connection.state);
  connection.onDidChange(render);
  return item;
}
