// Every command the extension contributes (package.json contributes.commands), by name. Code refers to a
// command through CommandId, never a string literal, so a renamed or missing command is a compile error; a
// unit test (test/unit/commandIds.test.ts) checks this list against package.json both ways.
export const CommandId = {
  refresh: 'apprunnerVpc.refresh',
  selectProfile: 'apprunnerVpc.selectProfile',
  selectRegion: 'apprunnerVpc.selectRegion',
  useSandbox: 'apprunnerVpc.useSandbox',
  showLog: 'apprunnerVpc.showLog',
  showDiagram: 'apprunnerVpc.showDiagram',
  diagnose: 'apprunnerVpc.diagnose',
  fixDiagnosis: 'apprunnerVpc.fixDiagnosis',
  applyDiagnosisFix: 'apprunnerVpc.applyDiagnosisFix',
  exportChecklist: 'apprunnerVpc.exportChecklist',
  linkService: 'apprunnerVpc.linkService',
  setupConnector: 'apprunnerVpc.setupConnector',
  createSecurityGroups: 'apprunnerVpc.createSecurityGroups',
  createConnector: 'apprunnerVpc.createConnector',
  attachConnector: 'apprunnerVpc.attachConnector',
  detachConnector: 'apprunnerVpc.detachConnector',
  deleteConnector: 'apprunnerVpc.deleteConnector',
  checkHealth: 'apprunnerVpc.checkHealth',
  exportSetup: 'apprunnerVpc.exportSetup',
  copyUrl: 'apprunnerVpc.copyUrl',
  copyArn: 'apprunnerVpc.copyArn',
  openInConsole: 'apprunnerVpc.openInConsole',
  revealConnector: 'apprunnerVpc.revealConnector',
  revealService: 'apprunnerVpc.revealService',
  showChangeHistory: 'apprunnerVpc.showChangeHistory',
  showServiceMetrics: 'apprunnerVpc.showServiceMetrics',
  addDbHealthEndpoint: 'apprunnerVpc.addDbHealthEndpoint',
  tailApplicationLog: 'apprunnerVpc.tailApplicationLog',
  stopTailingApplicationLog: 'apprunnerVpc.stopTailingApplicationLog',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/**
 * The commands that change AWS resources or write into the workspace: hidden and refused in Restricted Mode
 * (an untrusted repository's settings would choose what they touch; docs/configuration.md, "Restricted Mode").
 */
export const WRITE_COMMANDS: readonly CommandId[] = [
  CommandId.setupConnector,
  CommandId.createSecurityGroups,
  CommandId.createConnector,
  CommandId.attachConnector,
  CommandId.detachConnector,
  CommandId.deleteConnector,
  CommandId.fixDiagnosis,
  CommandId.applyDiagnosisFix,
  CommandId.addDbHealthEndpoint,
];

/** Commands VS Code itself makes for the views we contribute (`<view id>.focus`): not in contributes.commands. */
export const ViewCommandId = {
  focusExplorer: 'apprunnerVpc.explorer.focus',
} as const;
