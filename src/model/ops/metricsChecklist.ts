// The checklist's "Performance metrics reviewed" (runbook 9) evaluated from App Runner's metrics instead of
// left manual: pass, fail or unknown (no requests in the window), with the figures and their source.
import type { ChecklistItem } from '../checklist';
import type { PerformanceVerdict } from './metrics';
import { msg } from '../l10n/text';

export function performanceItem(verdict: PerformanceVerdict): ChecklistItem {
  return {
    id: 'performance-metrics',
    section: 'periodic',
    title: msg('Performance metrics reviewed'),
    state: verdict.state,
    detail: verdict.detail,
  };
}
