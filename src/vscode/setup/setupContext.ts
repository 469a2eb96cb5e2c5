import type { ApplyResult } from '../../engine/applyTypes';
import type { PlanPart } from '../../model/plan/planParts';
import type { Plan } from '../../model/plan/planSteps';
import type { SecretUrlResolution } from '../../model/topology/secretUrls';
import type { Topology } from '../../model/topology/topology';
import type { ExtensionServices } from '../services';
import type { Settings } from '../settings';
import type { Ui } from '../ui/ui';

export type CommandName =
  | 'setupConnector'
  | 'createSecurityGroups'
  | 'createConnector'
  | 'attachConnector'
  | 'detachConnector'
  | 'deleteConnector'
  | 'checkHealth';

export type RunStatus = 'succeeded' | 'failed' | 'cancelled' | 'nothing-to-do';

/** The wizard's context: inputs from prompts (or the tree node), then the plan and the apply result. */
export interface SetupContext {
  command: CommandName;
  title: string;
  services: ExtensionServices;
  ui: Ui;
  snapshot: Topology;
  settings: Settings;
  part?: PlanPart;
  /** Answers the tree node gave, so their prompts are skipped (kept apart from answers, which Back may revisit). */
  given: { service?: boolean; connector?: boolean };
  serviceName?: string;
  /** A DB instance id, or MANUAL for a database that is not RDS (security group and port asked instead). */
  database?: string;
  manualGroupId?: string;
  manualPort?: number;
  /**
   * Host and port of the service's database URLs held in secrets, when the user allowed reading them for this
   * command (asked once, only when they decide between several databases); dropped with the context.
   */
  secretUrls?: SecretUrlResolution;
  secretReadAsked?: boolean;
  subnetIds?: string[];
  connectorName: string;
  connectorArn?: string;
  appRunnerSecurityGroupName: string;
  plan?: Plan;
  planMarkdown?: string;
  /** Ask for a modal confirmation before applying (false only for the read-only health check). */
  confirm: boolean;
  confirmText?: { message: string; detail: string };
  result?: ApplyResult;
  status?: RunStatus;
  message?: string;
  /** Progress lines shown during apply, in order. */
  progress: string[];
}

export const MANUAL = '__manual__';

/** What the last setup command did, for tests and for other features. */
export interface SetupRun {
  command: CommandName;
  status: RunStatus;
  plan?: Plan;
  planMarkdown?: string;
  result?: ApplyResult;
  message?: string;
  progress: string[];
}
