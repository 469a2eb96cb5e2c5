// What every App Runner handler gets: the state, the tunable settings, EC2 (moto) for checks, timers for
// asynchronous operations, and hooks the fake application listens to.
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ServiceRecord, Store } from './store';

export interface EmulatorSettings {
  /** How long an App Runner operation takes from PENDING to its end. */
  operationDelayMs: number;
  /** Active services per region (ServiceQuotaExceededException beyond). */
  serviceQuota: number;
  /** Active VPC connectors per region. */
  connectorQuota: number;
  /** AZ ids (e.g. apne1-az2) where App Runner cannot place a connector's ENIs: attaching one fails the deployment. */
  unsupportedAzIds: string[];
  /** host:port the front listens on; ServiceUrl is `<publicHost>/_apps/<service id>`. */
  publicHost: string;
}

export interface EmulatorHooks {
  /** A deployment finished and instances run with `service.deployed`. */
  deployed(service: ServiceRecord): Promise<void>;
  /** A line for the service's `/service` log group (App Runner's own event log). */
  serviceEvent(service: ServiceRecord, message: string): Promise<void>;
}

export interface EmulatorContext {
  store: Store;
  settings: EmulatorSettings;
  ec2(region: string): EC2Client;
  timers: Timers;
  hooks: EmulatorHooks;
}

/** Pending operation timers, so reset and stop can cancel them all. */
export class Timers {
  private readonly handles = new Set<NodeJS.Timeout>();

  after(ms: number, fn: () => void): void {
    const handle = setTimeout(() => {
      this.handles.delete(handle);
      fn();
    }, ms);
    this.handles.add(handle);
  }

  cancelAll(): void {
    for (const h of this.handles) clearTimeout(h);
    this.handles.clear();
  }
}
