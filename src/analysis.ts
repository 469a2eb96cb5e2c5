// The pure analyses the views run over a snapshot (diagram, CodeLens, diagnosis, checklist, fixes), bundled
// into the lazily required dist/backend.js: they are needed only once a snapshot exists, which means the
// backend is loaded already, and keeping them out keeps the main bundle small (DESIGN section 8).
export { buildDiagram, layoutDiagram, toMermaid } from './model/diagram';
export { fixActionFor, fixableFindings } from './model/diagnoseFix';
export { fixText } from './model/fixText';
export { buildLenses, egressText, LENS_COMMANDS } from './model/codeLens';
export { analyzeService } from './model/reachability';
export { findService } from './model/reachabilityContext';
export { diagnoseExitCode } from './model/diagnoseOutcome';
export { evaluateChecklist } from './model/checklist';
export { checklistToMarkdown } from './model/checklistMarkdown';
export { placeFindings } from './model/diagnosisPlacement';
export { setupFromService } from './model/setupFromService';
export { setupScriptFor } from './model/setupScript';
// Planning from the wizard's answers (src/vscode/setup/setupPlan.ts): only after a snapshot exists.
export { planPart, healthCheckPlan } from './model/planParts';
export { plan, detachPlan, deleteConnectorPlan } from './model/plan';
export { setupPlanFor } from './model/setupPlanFor';
export { attachStep, healthStep, waitStep } from './model/stepBuilders';
