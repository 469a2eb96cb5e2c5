// The pure analyses the views run over a snapshot (diagram, CodeLens, diagnosis, checklist, fixes, plans), in
// their own lazily required bundle (dist/analysis.js, through src/vscode/analysisLoader.ts): no AWS SDK, so a
// view reads a snapshot without parsing the SDK, and the main bundle stays small (DESIGN section 8).
export { buildDiagram, layoutDiagram, toMermaid } from './model/diagram';
export { fixActionFor, fixableFindings } from './model/diagnoseFix';
export { fixText } from './model/fixText';
export { buildLenses, egressText, LENS_COMMANDS } from './model/codeLens';
export { analyzeService } from './model/reachability';
export { findService } from './model/reachabilityContext';
export { secretsToOffer } from './model/secretUrls';
export { diagnoseExitCode } from './model/diagnoseOutcome';
export { evaluateChecklist } from './model/checklist';
export { checklistToMarkdown } from './model/checklistMarkdown';
export { placeFindings } from './model/diagnosisPlacement';
export { setupFromService } from './model/setupFromService';
export { setupScriptFor } from './model/setupScript';
export { setupExport } from './model/iac/exportFormats';
export { diagnosisReportMarkdown } from './model/diagnosisReport';
export { changeHistory, lastChangeLine } from './model/ops/changeHistory';
export { changeHistoryMarkdown } from './model/ops/changeHistoryMarkdown';
export { historyTargets } from './model/ops/historyTargets';
// Planning from the wizard's answers (src/vscode/setup/setupPlan.ts).
export { resolveDesired } from './model/desired';
export { planPart, healthCheckPlan } from './model/planParts';
export { plan, detachPlan, deleteConnectorPlan } from './model/plan';
export { setupPlanFor } from './model/setupPlanFor';
export { attachStep, healthStep, waitStep } from './model/stepBuilders';
