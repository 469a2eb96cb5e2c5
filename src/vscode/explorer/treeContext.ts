import type { StoreState } from '../state/stateStore';

/** What every node reads: the store's current state (the snapshot may be partial while `loading`). */
export interface TreeContext {
  state(): StoreState;
}

export const serviceNodeId = (arn: string): string => `service:${arn}`;
export const connectorNodeId = (arn: string): string => `connector:${arn}`;
