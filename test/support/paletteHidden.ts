// The commands the palette hides (`when` in package.json's menus.commandPalette), each because nothing can run
// yet: internal commands, a fix without a diagnosis, a stop without a tail, a link without an apprunner.yaml,
// the sandbox outside this repository. The manifest test and the palette host test both hold the list.
export const PALETTE_HIDDEN_UNTIL_MEANINGFUL: readonly string[] = [
  'revealConnector',
  'revealService',
  'applyDiagnosisFix',
  'fixDiagnosis',
  'stopTailingApplicationLog',
  'linkService',
  'useSandbox',
];
