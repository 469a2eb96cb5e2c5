// Everything that needs the AWS SDK, in one lazily required bundle (dist/backend.js): the extension's main
// bundle only imports types from here and loads it on the first AWS call (DESIGN section 8).
export { resolveAwsTarget, type TargetInput } from './aws/awsTarget';
export { getClients, resetClients, type AwsClients } from './aws/clients';
export { getCallerIdentity, type CallerIdentity } from './aws/identity';
export { listProfiles, profileRegion, type ProfileInfo } from './aws/profiles';
export { onAwsRequest, type RequestSummary } from './aws/requestLog';
export { loadTopology, type LoadOptions } from './aws/topologyLoader';
export { applyPlan } from './engine/applyPlan';
export { runLiveChecks, type LiveCheckOptions } from './aws/liveChecks';
export { readSecretDatabaseUrls } from './aws/secretUrls';
export { diagnosisReportMarkdown } from './model/diagnosisReport';
export * from './analysis';
export { historyOf } from './aws/changeHistory';
export { changeHistory, lastChangeLine } from './model/ops/changeHistory';
export { changeHistoryMarkdown } from './model/ops/changeHistoryMarkdown';
export { historyTargets } from './model/ops/historyTargets';
