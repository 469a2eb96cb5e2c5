import type { ServiceOperation } from '../../model/topology/topology';
import type { StoreState } from '../state/stateStore';

/** What every node reads: the store's current state (the snapshot may be partial while `loading`). */
export interface TreeContext {
  state(): StoreState;
  /**
   * The last operation seen for a service in this session: the loader reads operations only while one is in
   * progress (to keep refreshes cheap), so once it ends the snapshot no longer carries it.
   */
  seenOperation(serviceArn: string): ServiceOperation | undefined;
}

export const serviceNodeId = (arn: string): string => `service:${arn}`;
export const connectorNodeId = (arn: string): string => `connector:${arn}`;
