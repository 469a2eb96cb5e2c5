import * as vscode from 'vscode';
import { loadAwsSdk } from '../backend';
import { readSettings, updateSetting } from '../settings';

interface ProfileItem extends vscode.QuickPickItem {
  profile: string;
}

// Profiles come from the SDK's own shared-config loader; choosing one writes the `profile` setting, which
// makes the connection refresh itself.
export async function selectProfile(): Promise<string | undefined> {
  const current = readSettings().profile;
  const profiles = await loadAwsSdk().listProfiles();
  const kindLabel = {
    sso: 'SSO',
    process: 'credential_process',
    role: vscode.l10n.t('assume role'),
    static: vscode.l10n.t('access key'),
    other: '',
  };
  const items: ProfileItem[] = [
    {
      profile: '',
      label: vscode.l10n.t('Default credential chain'),
      description: current === '' ? vscode.l10n.t('current') : undefined,
      detail: vscode.l10n.t('Environment variables, the default profile, SSO, or the instance role'),
    },
    ...profiles.map((p) => ({
      profile: p.name,
      label: p.name,
      description: [p.region, kindLabel[p.kind], p.name === current ? vscode.l10n.t('current') : undefined]
        .filter(Boolean)
        .join(' · '),
    })),
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select AWS Profile'),
    placeHolder: profiles.length
      ? vscode.l10n.t('Profiles from ~/.aws/config and ~/.aws/credentials')
      : vscode.l10n.t('No profiles found in ~/.aws; the default credential chain is used'),
    matchOnDescription: true,
  });
  if (!chosen) return undefined;
  await updateSetting('profile', chosen.profile || undefined);
  return chosen.profile;
}
