// Which value of a setting counts, and where a command that remembers a choice writes it. Plain data in (what
// VS Code's `inspect` reports, whether the workspace is trusted), so the decision is unit-tested.

/** The values VS Code's `WorkspaceConfiguration.inspect` reports for one setting. */
export interface InspectedSetting<T> {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
}

export type SettingSource = 'workspaceFolder' | 'workspace' | 'user' | 'default';

/**
 * Where the extension connects (docs/design.md, 'Settings'). A cloned repository's `.vscode/settings.json` must not send
 * signed calls to its own endpoint or switch the user to another account's profile: package.json gives
 * `profile` and `endpointUrl` the `machine` scope and lists these in `restrictedConfigurations`; this is the
 * same rule in code, so it holds however VS Code reports a value.
 */
export const CONNECTION_SETTINGS = ['region', 'profile', 'endpointUrl'] as const;
export type ConnectionSetting = (typeof CONNECTION_SETTINGS)[number];

/** Settings a workspace may never set (package.json scope `machine`), trusted or not. */
export const MACHINE_SETTINGS: readonly ConnectionSetting[] = ['profile', 'endpointUrl'];

/**
 * The explicit value of a connection setting and where it came from: a workspace's or folder's value counts
 * only for a setting a workspace may set, and only in a trusted workspace. `undefined` value: nobody set it.
 */
export function connectionSettingValue<T>(
  key: ConnectionSetting,
  seen: InspectedSetting<T> | undefined,
  workspaceTrusted: boolean,
): { value?: T; source: SettingSource } {
  const workspaceMay = workspaceTrusted && !MACHINE_SETTINGS.includes(key);
  if (workspaceMay && seen?.workspaceFolderValue !== undefined)
    return { value: seen.workspaceFolderValue, source: 'workspaceFolder' };
  if (workspaceMay && seen?.workspaceValue !== undefined) return { value: seen.workspaceValue, source: 'workspace' };
  if (seen?.globalValue !== undefined) return { value: seen.globalValue, source: 'user' };
  return { source: 'default' };
}

/**
 * Where a remembered choice goes: where the effective value lives now (a project that set its own region
 * keeps it in its own settings), else the user's settings. Machine-scoped settings always go to the user's.
 */
export function settingWriteTarget<T>(
  seen: InspectedSetting<T> | undefined,
  machineScoped: boolean,
): Exclude<SettingSource, 'default'> {
  if (machineScoped) return 'user';
  if (seen?.workspaceFolderValue !== undefined) return 'workspaceFolder';
  if (seen?.workspaceValue !== undefined) return 'workspace';
  return 'user';
}
