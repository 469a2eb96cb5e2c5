import * as vscode from 'vscode';
import {
  awsErrorLogText,
  classifyAwsError,
  insecureEndpoint,
  type Localized,
  type NormalizedAwsError,
} from '../model/common/awsError';
import { customEndpoints, type AwsTarget } from '../model/common/awsTarget';
import { endpointUrlProblem } from '../model/common/endpointPolicy';
import { regionNotListedWarning } from '../model/common/regions';
import { loadAwsSdk } from './backend';
import { log } from './log';
import { readSettings } from './settings';

export type ConnectionStatus = 'loading' | 'connected' | 'noCredentials' | 'error';

export interface ConnectionState {
  status: ConnectionStatus;
  target?: AwsTarget;
  account?: string;
  arn?: string;
  error?: NormalizedAwsError;
  /** Something to know that does not stop us (a region missing from our list of App Runner regions). */
  warning?: Localized;
}

// Who we are talking to: resolves profile, region and endpoint from the settings, asks STS who the
// credentials belong to, and publishes the result to the status bar, the welcome views and the tree.
export class Connection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private current: ConnectionState = { status: 'loading' };
  private generation = 0;
  private woken = false;

  get state(): ConnectionState {
    return this.current;
  }

  /**
   * False until something asks for AWS: the view shown, an apprunner.yaml open, one of our commands. Until
   * then the extension makes no AWS call (no credential_process, no SSO prompt) and shows no status bar item.
   */
  get started(): boolean {
    return this.woken;
  }

  /** Connects on the first demand; later calls return the current state without asking AWS again. */
  async start(): Promise<ConnectionState> {
    if (this.woken) return this.pending ?? this.current;
    return this.refresh();
  }

  private pending: Promise<ConnectionState> | undefined;

  /** The settings first, then AWS's own configuration (AWS_REGION, AWS_PROFILE, AWS_ENDPOINT_URL_*, the profile). */
  async resolveTarget(): Promise<AwsTarget> {
    const settings = readSettings();
    return loadAwsSdk().resolveAwsTarget({
      region: settings.region,
      profile: settings.profile,
      endpointUrl: settings.endpointUrl,
    });
  }

  /** Asks STS again (an explicit refresh is a demand too, so it also starts the connection). */
  refresh(): Promise<ConnectionState> {
    this.woken = true;
    const run = this.connect();
    this.pending = run;
    void run.finally(() => {
      if (this.pending === run) this.pending = undefined;
    });
    return run;
  }

  private async connect(): Promise<ConnectionState> {
    const generation = ++this.generation;
    this.publish({ status: 'loading', target: this.current.target });
    let target: AwsTarget | undefined;
    try {
      target = await this.resolveTarget();
      const endpoints = customEndpoints(target);
      const endpointProblem = endpoints.map((url) => endpointUrlProblem(url)).find((p) => p !== undefined);
      if (endpointProblem) {
        if (generation === this.generation)
          this.publish({ status: 'error', target, error: insecureEndpoint(endpointProblem) });
        return this.current;
      }
      // A region missing from our list only warns: App Runner's own answer decides (new regions work).
      const warning = regionNotListedWarning(target.region);
      if (warning) log.warn(warning.en);
      if (endpoints.length) log.info(`AWS endpoint (not AWS's own): ${endpoints.join(', ')}`);
      const backend = loadAwsSdk();
      const identity = await backend.getCallerIdentity(backend.getClients(target));
      if (generation === this.generation)
        this.publish({ status: 'connected', target, account: identity.account, arn: identity.arn, warning });
    } catch (error) {
      const normalized = classifyAwsError(error);
      log.warn(`Could not connect: ${awsErrorLogText(normalized)}`);
      const status = normalized.kind === 'no-credentials' ? 'noCredentials' : 'error';
      if (generation === this.generation) this.publish({ status, target, error: normalized });
    }
    return this.current;
  }

  private publish(state: ConnectionState): void {
    this.current = state;
    void vscode.commands.executeCommand('setContext', 'apprunnerVpc.connection', state.status);
    this.changed.fire(state);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
