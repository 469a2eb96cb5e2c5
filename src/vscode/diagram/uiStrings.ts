// The webview's words, translated on the extension side (the webview has no vscode.l10n).
import * as vscode from 'vscode';
import type { UiStrings } from '../../webviewProtocol/protocol';

export function uiStrings(): UiStrings {
  return {
    title: vscode.l10n.t('App Runner network diagram'),
    service: vscode.l10n.t('Service'),
    refresh: vscode.l10n.t('Refresh'),
    saveSvg: vscode.l10n.t('Save as SVG'),
    copyMermaid: vscode.l10n.t('Copy as Mermaid'),
    details: vscode.l10n.t('Details'),
    fix: vscode.l10n.t('Fix'),
    openDocs: vscode.l10n.t('Open documentation'),
    reveal: vscode.l10n.t('Reveal in the tree'),
    loading: vscode.l10n.t('Reading the account…'),
    noSelection: vscode.l10n.t('Select a box or a line (click, or Tab then Enter) to see its details and fixes.'),
    ok: vscode.l10n.t('ok'),
    warning: vscode.l10n.t('warning'),
    broken: vscode.l10n.t('broken'),
    progress: vscode.l10n.t('in progress'),
    unknown: vscode.l10n.t('unknown'),
    legend: vscode.l10n.t('Legend'),
    noService: vscode.l10n.t(
      'No App Runner service to draw: connect to an account with a service, or choose another region.',
    ),
    lastChange: vscode.l10n.t('Last change'),
    lastChangeLoading: vscode.l10n.t('reading CloudTrail…'),
  };
}
