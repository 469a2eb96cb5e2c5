import * as vscode from 'vscode';
import { updateSetting } from '../settings';

export const SANDBOX_ENDPOINT = 'http://127.0.0.1:4566';

/** Points the extension at the local sandbox (`npm run sandbox`), so it can be tried without an AWS account. */
export async function useSandbox(): Promise<void> {
  await updateSetting('endpointUrl', SANDBOX_ENDPOINT);
  await updateSetting('region', 'ap-northeast-1');
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Using the local sandbox at {0}. Start it with "npm run sandbox" in the extension repository.', SANDBOX_ENDPOINT),
  );
}
