// One place that builds findings, so every check states id, severity, path, both languages and evidence alike.
import { findGroupByName } from '../topology/groupNames';
import { Evidence, Finding, FindingPath, Fix, LocalizedText, Severity } from './diagnosis';
import type { FindingId } from './findingIds';

export function finding(
  id: FindingId,
  severity: Severity,
  path: FindingPath,
  message: LocalizedText,
  evidence: Evidence[],
  fix?: Fix,
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
