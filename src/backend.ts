// Everything that needs the AWS SDK (clients, the loader, the engine that applies a plan), in one lazily
// required bundle (dist/backend.js, through loadAwsSdk() in src/vscode/backend.ts): the extension's main bundle
// only imports types from here and loads it on the first AWS call (docs/design.md, 'Bundles and budgets'). The pure analyses have
// their own bundle (src/analysis.ts).
import type { CliIo } from './cli/io';
export { resolveAwsTarget, type TargetInput } from './aws/awsTarget';
export { FAN_OUT_CLIENT_OPTIONS, getClients, resetClients, type AwsClients } from './aws/clients';
export { getCallerIdentity, type CallerIdentity } from './aws/identity';
export { listProfiles, profileRegion, type ProfileInfo } from './aws/profiles';
export { onAwsRequest, type RequestSummary } from './aws/requestLog';
export { loadTopology, type LoadOptions } from './aws/topologyLoader';
// The commands and views about one service read only what its answer depends on (docs/performance.md,
// "Read set per command"), and ask who else uses a connector only when a deletion depends on it.
export { loadServiceTopology, type ServiceLoadOptions } from './aws/serviceTopology';
export { planAnsweringConnectorUsers } from './engine/connectorUsersQuestion';
export { applyPlan } from './engine/applyPlan';
export { runLiveChecks, type LiveCheckOptions } from './aws/liveChecks';
export { readSecretDatabaseUrls } from './aws/secretUrls';
export { historyOf, resourceEvents } from './aws/changeHistory';
export { pollLogTail } from './aws/logTail';
export { readMetricsForService, type ServiceMetricsRead } from './aws/metrics';

/**
 * The `apprunner-vpc` command line, run by the small dist/cli.js (src/cli/index.ts) over this bundle so the
 * .vsix carries the AWS SDK once (docs/performance.md, "Benchmark"). Required on call, so the extension, which
 * loads this bundle too, never evaluates the CLI's modules.
 */
export function runCli(argv: string[], io: CliIo): Promise<number> {
  return (require('./cli/main') as typeof import('./cli/main')).main(argv, io);
}
