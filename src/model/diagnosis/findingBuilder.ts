// One place that builds findings, so every check states id, severity, path, both languages and evidence alike.
import { findGroupByName } from '../topology/groupNames';
import type { Evidence, Finding, Fix, LocalizedText, Severity } from './diagnosis';
import type { CatalogFix, CatalogPath, FindingId, FixStep } from './findingIds';

/** The fixes the catalog allows for an id: its plan steps, and a link when it lists one. */
type CatalogedFix<I extends FindingId> =
  | (Extract<Fix, { kind: 'plan-step' }> & { step: Extract<CatalogFix<I>, FixStep> })
  | ('link' extends CatalogFix<I> ? Extract<Fix, { kind: 'link' }> : never);

/** Typed by the catalog (findingIds.ts): the path and the fix must be the ones catalogued for the id. */
export function finding<I extends FindingId>(
  id: I,
  severity: Severity,
  path: CatalogPath<I>,
  message: LocalizedText,
  evidence: Evidence[],
  fix?: CatalogedFix<I>,
): Finding {
  return fix ? { id, severity, path, message, evidence, fix } : { id, severity, path, message, evidence };
}

/** Prefers the group called `preferredName` (GroupName, or Name tag such as the runbook's sg-rds), else the first. */
export function preferredGroupId(
  groups: readonly { id: string; name: string; tags: Record<string, string> }[],
  preferredName?: string,
): string | undefined {
  return (findGroupByName(groups, preferredName) ?? groups[0])?.id;
}
