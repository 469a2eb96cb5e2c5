// The plain answers of a setup command (from its prompts or the tree node it ran on): all the planning needs
// besides the snapshot and the settings, with nothing of VS Code or the engine. The wizard's context
// (src/vscode/setup/setupContext.ts) extends it with the prompts' state, the plan and the apply result.
import type { SecretUrlResolution } from '../topology/secretUrls';

/** The setup commands that plan (their CommandId without the prefix). */
export type SetupCommand =
  | 'setupConnector'
  | 'createSecurityGroups'
  | 'createConnector'
  | 'attachConnector'
  | 'detachConnector'
  | 'deleteConnector'
  | 'checkHealth';

/** The `database` answer for a database that is not RDS: the security group and port are asked instead. */
export const MANUAL_DATABASE = '__manual__';

export interface WizardAnswers {
  command: SetupCommand;
  serviceName?: string;
  /** A DB instance id, or MANUAL_DATABASE for a database that is not RDS (security group and port asked instead). */
  database?: string;
  manualGroupId?: string;
  manualPort?: number;
  /**
   * Host and port of the service's database URLs held in secrets, when the user allowed reading them for this
   * command (asked once, only when they decide between several databases); dropped with the context.
   */
  secretUrls?: SecretUrlResolution;
  subnetIds?: string[];
  connectorName: string;
  connectorArn?: string;
  appRunnerSecurityGroupName: string;
}
