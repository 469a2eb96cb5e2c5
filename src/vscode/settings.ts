import * as vscode from 'vscode';

// The extension's settings (DESIGN section 4), read in one place so every feature agrees on defaults.
export interface Settings {
  region: string;
  profile: string;
  endpointUrl: string;
  serviceName: string;
  connectorName: string;
  appRunnerSecurityGroupName: string;
  databaseSecurityGroupName: string;
  databasePort: number;
  healthCheckPath: string;
  dbHealthPath: string;
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
    serviceName: c.get<string>('serviceName', 'kyudai-api'),
    connectorName: c.get<string>('connectorName', 'campus-sns-vpc-connector'),
    appRunnerSecurityGroupName: c.get<string>('appRunnerSecurityGroupName', 'sg-apprunner'),
    databaseSecurityGroupName: c.get<string>('databaseSecurityGroupName', 'sg-rds'),
    databasePort: c.get<number>('databasePort', 5432),
    healthCheckPath: c.get<string>('healthCheckPath', '/api/v1/health'),
    dbHealthPath: c.get<string>('dbHealthPath', '/api/v1/db-health'),
  };
}

export async function updateSetting(key: keyof Settings, value: string | number | undefined): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update(key, value, vscode.ConfigurationTarget.Global);
}

export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return ['region', 'profile', 'endpointUrl'].some((key) => event.affectsConfiguration(`${SECTION}.${key}`));
}
