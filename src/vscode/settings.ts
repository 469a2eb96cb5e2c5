import * as vscode from 'vscode';
import {
  connectionSettingValue,
  MACHINE_SETTINGS,
  settingWriteTarget,
  type ConnectionSetting,
} from '../model/common/settingScope';
import { DEFAULT_SETUP_SETTINGS, type SetupSettings } from '../model/plan/setupSettings';

// The extension's settings (docs/design.md, 'Settings'), read in one place so every feature agrees on defaults: the
// setup names are the CLI's too (SetupSettings), plus where to connect.
export interface Settings extends SetupSettings {
  region: string;
  profile: string;
  endpointUrl: string;
}

export const SECTION = 'apprunnerVpc';

/** A connection setting as the trust rules allow it (an untrusted workspace's values do not count). */
function connectionValue(c: vscode.WorkspaceConfiguration, key: ConnectionSetting): string {
  return connectionSettingValue(key, c.inspect<string>(key), vscode.workspace.isTrusted).value?.trim() ?? '';
}

/** The settings for `scope` (a file or folder: the per-project names are resource-scoped). */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    // Only an explicit region wins over AWS_REGION and the profile's own region (see resolveRegion).
    region: connectionValue(c, 'region'),
    profile: connectionValue(c, 'profile'),
    endpointUrl: connectionValue(c, 'endpointUrl'),
    ...(Object.fromEntries(
      (Object.keys(DEFAULT_SETUP_SETTINGS) as (keyof SetupSettings)[]).map((key) => [
        key,
        c.get(key, DEFAULT_SETUP_SETTINGS[key]),
      ]),
    ) as unknown as SetupSettings),
  };
}

const TARGETS = {
  user: vscode.ConfigurationTarget.Global,
  workspace: vscode.ConfigurationTarget.Workspace,
  workspaceFolder: vscode.ConfigurationTarget.WorkspaceFolder,
} as const;

/** Remembers a choice where the effective value lives (the folder's or workspace's settings when it came from there). */
export async function updateSetting(
  key: keyof Settings,
  value: string | number | undefined,
  scope?: vscode.ConfigurationScope,
): Promise<void> {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const machine = (MACHINE_SETTINGS as readonly string[]).includes(key);
  await c.update(key, value, TARGETS[settingWriteTarget(c.inspect(key), machine)]);
}

export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return ['region', 'profile', 'endpointUrl'].some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}
