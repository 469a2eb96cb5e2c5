// The order the tree lists services in (by name). The loader reads details in the same order, so the rows a
// person sees first, at the top of the list, are the first to be filled in (docs/performance.md, "The tree at
// scale").
import type { AppRunnerService } from './topology';

export function compareServiceNames(a: Pick<AppRunnerService, 'name'>, b: Pick<AppRunnerService, 'name'>): number {
  return a.name.localeCompare(b.name);
}

/** The indices of `services` in the order the tree shows them. */
export function treeOrder(services: readonly Pick<AppRunnerService, 'name'>[]): number[] {
  return services.map((_, i) => i).sort((a, b) => compareServiceNames(services[a], services[b]) || a - b);
}
