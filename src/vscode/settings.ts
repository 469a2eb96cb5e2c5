import * as vscode from 'vscode';
import { DEFAULT_SETUP_SETTINGS, type SetupSettings } from '../model/setupSettings';

// The extension's settings (DESIGN section 4), read in one place so every feature agrees on defaults: the
// setup names are the CLI's too (SetupSettings), plus where to connect.
export interface Settings extends SetupSettings {
  region: string;
  profile: string;
  endpointUrl: string;
}

export const SECTION = 'apprunnerVpc';

function explicit<T>(c: vscode.WorkspaceConfiguration, key: string): T | undefined {
  const seen = c.inspect<T>(key);
  return seen?.workspaceFolderValue ?? seen?.workspaceValue ?? seen?.globalValue;
}

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return {
    // Only an explicit region wins over the profile's own region (see resolveRegion).
    region: explicit<string>(c, 'region')?.trim() ?? '',
    profile: c.get<string>('profile', '').trim(),
    endpointUrl: c.get<string>('endpointUrl', '').trim(),
    ...(Object.fromEntries(
      (Object.keys(DEFAULT_SETUP_SETTINGS) as (keyof SetupSettings)[]).map((key) => [key, c.get(key, DEFAULT_SETUP_SETTINGS[key])]),
    ) as unknown as SetupSettings),
  };
}

export async function updateSetting(key: keyof Settings, value: string | number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return ['region', 'profile', 'endpointUrl'].some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}
