// Puts a set of findings on one node or edge: the worst severity is its state, the first error or warning
// its short reason, every message a note, and the first runnable fix (or documentation link) its action.
import type { Finding, LocalizedText } from '../diagnosis/diagnosis';
import { findingFix, severityState, shortReason, worst } from './findingMap';
import type { DiagramFix, DiagramState } from './types';

export interface ElementState {
  state: DiagramState;
  reason: LocalizedText;
  notes: LocalizedText[];
  fix?: DiagramFix;
  docUrl?: string;
}

/** The element's own state (from the snapshot) combined with the findings that name it. */
export function stateFrom(base: ElementState, findings: readonly Finding[]): ElementState {
  const serious = findings.filter((f) => f.severity !== 'info');
  const state = worst([base.state, ...serious.map(severityState)]);
  const first = serious.find((f) => severityState(f) === state);
  const fixes = serious.map(findingFix);
  const firstFix = fixes.find((x) => x.fix)?.fix ?? base.fix;
  const docUrl = fixes.find((x) => x.docUrl)?.docUrl ?? base.docUrl;
  return {
    state,
    reason: first ? shortReason(first) : base.reason,
    notes: [...base.notes, ...findings.map((f) => f.message)],
    ...(firstFix ? { fix: firstFix } : {}),
    ...(docUrl ? { docUrl } : {}),
  };
}

export function plain(state: DiagramState, reason: LocalizedText, extra: Partial<ElementState> = {}): ElementState {
  return { state, reason, notes: [], ...extra };
}

/** Shown while an operation runs on the element: the state is "in progress", the reason is kept in the notes. */
export function inProgress(base: ElementState, what: LocalizedText): ElementState {
  return { ...base, state: 'progress', reason: what, notes: [base.reason, ...base.notes] };
}
