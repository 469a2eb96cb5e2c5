import type { ApplyResult } from '../../engine/applyTypes';
import type { PlanPart } from '../../model/plan/planParts';
import type { Plan } from '../../model/plan/planSteps';
import { MANUAL_DATABASE, type SetupCommand, type WizardAnswers } from '../../model/plan/wizardAnswers';
import type { Topology } from '../../model/topology/topology';
import type { ExtensionServices } from '../services';
import type { Settings } from '../settings';
import type { Ui } from '../ui/ui';

export type CommandName = SetupCommand;

export type RunStatus = 'succeeded' | 'failed' | 'cancelled' | 'nothing-to-do';

/** The wizard's context: the answers from prompts (or the tree node), then the plan and the apply result. */
export interface SetupContext extends WizardAnswers {
  command: CommandName;
  title: string;
  services: ExtensionServices;
  ui: Ui;
  snapshot: Topology;
  settings: Settings;
  part?: PlanPart;
  /** Answers the tree node gave, so their prompts are skipped (kept apart from answers, which Back may revisit). */
  given: { service?: boolean; connector?: boolean };
  /** The plain answers (serviceName, database, subnetIds, connectorName...) are WizardAnswers' fields. */
  secretReadAsked?: boolean;
  plan?: Plan;
  planMarkdown?: string;
  /** Ask for a modal confirmation before applying (false only for the read-only health check). */
  confirm: boolean;
  confirmText?: { message: string; detail: string };
  /** The user chose "Apply Anyway" in the modal that named the plan's blockers. */
  ignoreBlockers?: boolean;
  result?: ApplyResult;
  status?: RunStatus;
  message?: string;
  /** Progress lines shown during apply, in order. */
  progress: string[];
}

/** The `database` answer for a database that is not RDS. */
export const MANUAL = MANUAL_DATABASE;

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
