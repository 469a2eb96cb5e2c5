// The pure analyses the views run over a snapshot (diagram, CodeLens, diagnosis, checklist, fixes, plans), in
// their own lazily required bundle (dist/analysis.js, through src/vscode/analysisLoader.ts): no AWS SDK, so a
// view reads a snapshot without parsing the SDK, and the main bundle stays small (docs/design.md, 'Bundles and budgets').
export { buildDiagram, layoutDiagram, toMermaid } from './model/diagram';
export { fixActionFor, fixableFindings } from './model/fix/diagnoseFix';
export { fixText } from './model/diagnosis/fixText';
export { buildLenses, egressText, LENS_COMMANDS } from './model/codeLens';
export { matchServices, parseGitRemotes, resolveLink } from './model/codeLens/serviceLink';
export { analyzeService } from './model/diagnosis/reachability';
export { findService } from './model/diagnosis/reachabilityContext';
export { secretsToOffer } from './model/topology/secretUrls';
export { findDatabase } from './model/plan/databaseNaming';
export { diagnoseExitCode } from './model/diagnosis/diagnoseOutcome';
export { evaluateChecklist } from './model/diagnosis/checklist';
export { checklistToMarkdown } from './model/diagnosis/checklistMarkdown';
export { placeFindings } from './model/diagnosis/diagnosisPlacement';
export { setupFromService } from './model/plan/setupFromService';
export { setupScriptFor } from './model/plan/setupScript';
export { setupExport } from './model/iac/exportFormats';
export { exportSecretRefusal } from './model/common/secretOccurrences';
export { diagnosisReportMarkdown } from './model/diagnosis/diagnosisReport';
export { changeHistory, lastChangeLine } from './model/ops/changeHistory';
export { changeHistoryMarkdown } from './model/ops/changeHistoryMarkdown';
export { historyTargets } from './model/ops/historyTargets';
export {
  dbHealthOffer,
  dbHealthSnippet,
  runtimeOfApprunnerYaml,
  SNIPPET_FAMILIES,
  snippetFamilyForRuntime,
} from './model/ops/dbHealthSnippets';
export { lastChangeText } from './model/ops/lastChange';
export { historySubject, wantsHistory } from './model/diagram/historySubject';
// Planning from the wizard's answers (src/vscode/setup/setupPlan.ts).
export { commandPlan } from './model/plan/commandPlan';
export { formatTailLine, startCursor, tailDelayMs, tailErrorKind } from './model/ops/logTail';
export { applicationLogGroup } from './model/diagnosis/logScan';
// Service Metrics: the view's markup, the diagram's small chart, the checklist's verdict.
export { metricsBodyMarkup, metricsProblem } from './model/diagnosis/metricsView';
export { sparklineSvg, seriesTotal } from './model/diagnosis/metricsChart';
export { DEFAULT_THRESHOLDS, isMetricWindow, performanceVerdict } from './model/diagnosis/metrics';
export { metricsPageHtml, parseMetricsMessage } from './webviewProtocol/metricsPage';
export { diagramPageHtml } from './webviewProtocol/webviewPage';
export { planMarkdown } from './model/plan/planMarkdown';
// The setup prompts' checks and lists (src/vscode/setup/prompts.ts).
export {
  validateConnectorName,
  validatePort,
  validateSecurityGroupName,
  validateSubnets,
} from './model/plan/validators';
export { databaseTargets, targetByHost, targetById } from './model/topology/databaseTargets';
export { chooseSubnets } from './model/plan/subnetChoice';
