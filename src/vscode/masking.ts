// The extension's side of the one masking function: maskSecrets with the values this window knows are
// secret (the session's credentials from the environment, and the secret-looking variables of every service
// the store has loaded). Every text that leaves the extension (log, notifications, files, webview, CodeLens,
// hovers) goes through `masked` or `maskedDeep`.
import { maskSecrets, maskSecretsDeep } from '../model/common/secretMask';
import { processSecretValues, snapshotSecretValues } from '../model/topology/secretValues';
import type { Topology } from '../model/topology/topology';

const fromSnapshots = new Set<string>();
// The same array while nothing new is learnt, so maskSecrets reuses its compiled matcher (secretMask.ts).
let known: string[] | undefined;

/** Learns the secrets of a loaded snapshot's services (kept for the session: an old value stays masked). */
export function rememberSnapshotSecrets(snapshot: Topology | undefined): void {
  rememberSecretValues(snapshotSecretValues(snapshot));
}

/**
 * Learns values read from AWS that are secret (a RuntimeEnvironmentSecrets value the user allowed to read):
 * masked by value in every text the window shows from now on.
 */
export function rememberSecretValues(values: readonly string[]): void {
  for (const value of values) {
    if (fromSnapshots.has(value)) continue;
    fromSnapshots.add(value);
    known = undefined;
  }
}

function knownSecrets(): string[] {
  known ??= [...processSecretValues(process.env), ...fromSnapshots];
  return known;
}

export function masked(text: string): string {
  return maskSecrets(text, knownSecrets());
}

export function maskedDeep<T>(value: T): T {
  return maskSecretsDeep(value, knownSecrets());
}
