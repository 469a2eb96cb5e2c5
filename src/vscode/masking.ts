// The extension's side of the one masking function: maskSecrets with the values this window knows are
// secret (the session's credentials from the environment, and the secret-looking variables of every service
// the store has loaded). Every text that leaves the extension (log, notifications, files, webview, CodeLens,
// hovers) goes through `masked` or `maskedDeep`, except generated code (exports), which is checked instead.
import { maskSecrets, maskSecretsDeep } from '../model/common/secretMask';
import { processSecretValues, snapshotSecretValues } from '../model/topology/secretValues';
import type { AppRunnerService, Topology } from '../model/topology/topology';

const fromSnapshots = new Set<string>();
// The same array while nothing new is learnt, so maskSecrets reuses its compiled matcher (secretMask.ts).
let known: string[] | undefined;
/**
 * The service records already read for secrets. A load publishes many partial snapshots that share them, so
 * each publish reads only the services it has not seen (the whole snapshot on every publish made a load
 * quadratic: docs/performance.md, "The tree at scale").
 */
const scanned = new WeakSet<AppRunnerService>();

/**
 * Learns the secrets of a loaded snapshot's services (kept for the session: an old value stays masked);
 * returns how many service records it read.
 */
export function rememberSnapshotSecrets(snapshot: Topology | undefined): number {
  const services = (snapshot?.services ?? []).filter((s) => !scanned.has(s));
  for (const service of services) scanned.add(service);
  rememberSecretValues(snapshotSecretValues({ services }));
  return services.length;
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

/** The values this window knows are secret: an export refuses when one would appear in it (secretOccurrences.ts). */
export function knownSecretValues(): readonly string[] {
  return knownSecrets();
}

export function masked(text: string): string {
  return maskSecrets(text, knownSecrets());
}

export function maskedDeep<T>(value: T): T {
  return maskSecretsDeep(value, knownSecrets());
}
