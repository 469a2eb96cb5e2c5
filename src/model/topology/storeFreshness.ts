// When the snapshot may be reused and when polling is worth it: pure rules the state store follows.
import type { Topology } from './topology';

export const DEFAULT_CACHE_SECONDS = 60;

export function isFresh(loadedAtMs: number | undefined, nowMs: number, cacheSeconds: number): boolean {
  return loadedAtMs !== undefined && nowMs - loadedAtMs < cacheSeconds * 1000;
}

/** Polling is only worth its calls while AWS is still changing something the user can see. */
export function hasOperationInProgress(topology: Topology | undefined): boolean {
  return !!topology?.services.some(
    (s) =>
      s.status === 'OPERATION_IN_PROGRESS' ||
      s.lastOperation?.status === 'IN_PROGRESS' ||
      s.lastOperation?.status === 'PENDING',
  );
}
