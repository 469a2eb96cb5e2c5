import * as vscode from 'vscode';
import { classifyAwsError, insecureEndpoint, regionWithoutAppRunner, type NormalizedAwsError } from '../model/awsError';
import { endpointUrlProblem } from '../model/endpointPolicy';
import { offersAppRunner } from '../model/regions';
import { resolveRegion, type AwsTarget } from '../model/awsTarget';
import { loadBackend } from './backend';
import { log } from './log';
import { readSettings } from './settings';

export type ConnectionStatus = 'loading' | 'connected' | 'noCredentials' | 'error';

export interface ConnectionState {
  status: ConnectionStatus;
  target?: AwsTarget;
  account?: string;
  arn?: string;
  error?: NormalizedAwsError;
}

// Who we are talking to: resolves profile, region and endpoint from the settings, asks STS who the
// credentials belong to, and publishes the result to the status bar, the welcome views and the tree.
export class Connection implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private current: ConnectionState = { status: 'loading' };
  private generation = 0;

  get state(): ConnectionState {
    return this.current;
  }

  async resolveTarget(): Promise<AwsTarget> {
    const settings = readSettings();
    const profile = settings.profile || undefined;
    const profileRegion = settings.region ? undefined : await loadBackend().profileRegion(profile).catch(() => undefined);
    return { profile, region: resolveRegion(settings.region, profileRegion), endpointUrl: settings.endpointUrl || undefined };
  }

  async refresh(): Promise<ConnectionState> {
    const generation = ++this.generation;
    this.publish({ status: 'loading', target: this.current.target });
    let target: AwsTarget | undefined;
    try {
      target = await this.resolveTarget();
      const endpointProblem = endpointUrlProblem(target.endpointUrl);
      if (endpointProblem) {
        if (generation === this.generation) this.publish({ status: 'error', target, error: insecureEndpoint(endpointProblem) });
        return this.current;
      }
      if (!offersAppRunner(target.region)) {
        if (generation === this.generation) this.publish({ status: 'error', target, error: regionWithoutAppRunner(target.region) });
        return this.current;
      }
      const backend = loadBackend();
      const identity = await backend.getCallerIdentity(backend.getClients(target));
      if (generation === this.generation) this.publish({ status: 'connected', target, account: identity.account, arn: identity.arn });
    } catch (error) {
      const normalized = classifyAwsError(error);
      log.warn(`Could not connect (${normalized.kind}${normalized.code ? `, ${normalized.code}` : ''}): ${normalized.detail ?? ''}`);
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
