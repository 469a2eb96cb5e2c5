// Plain descriptions of the CodeLens an apprunner.yaml shows; the editor side turns each into a
// vscode.CodeLens (title via pick(), range 1:1). Pure, so every text is unit-tested from plain snapshots.
import type { ApprunnerConfig, Localized, TextRange } from '../apprunnerYaml/types';
import type { LinkResolution } from './serviceLink';
import type { Topology } from '../topology/topology';
import { CommandId } from '../common/commandIds';

/** Commands a lens may run; the editor shows an action only when its command is registered. */
export const LENS_COMMANDS = {
  link: CommandId.linkService,
  attachConnector: CommandId.attachConnector,
  diagnose: CommandId.diagnose,
  showDiagram: CommandId.showDiagram,
  checkHealth: CommandId.checkHealth,
} as const;

export interface LensModel {
  /** Stable id for tests: `top`, `action:diagnose`, `db-host:run.env[1]`, `db-path:run.env[1]`, `port`. */
  id: string;
  range: TextRange;
  title: Localized;
  tooltip?: Localized;
  command?: string;
  args?: string[];
}

export interface LensInput {
  config: ApprunnerConfig;
  link: LinkResolution;
  snapshot?: Topology;
  /** The store is reading AWS right now. */
  loading: boolean;
  /** Why there is no snapshot (not connected, load failed), when that is known. */
  unavailable?: Localized;
  /** Names from the settings, used to find the groups and to describe the path. */
  appRunnerGroupName?: string;
  appRunnerGroupNameTag?: string;
  databaseGroupName?: string;
  databasePort?: number;
}

export { same } from '../l10n/text';
