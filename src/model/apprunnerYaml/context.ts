// Shared state of one validation pass: turns yaml offsets into editor ranges and collects problems.
import { isNode, isPair, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Localized, Problem, ProblemCode, Severity, TextRange } from './types';

/** Anything a problem can point at: a yaml node, a pair (its key), or a ready range. */
export type Anchor = Node | Pair | TextRange | null | undefined;

export class ValidationContext {
  readonly problems: Problem[] = [];
  /** Set once parsed; aliases (`*name`) resolve against it. */
  doc?: Document;

  constructor(
    readonly text: string,
    readonly lineCounter: LineCounter,
  ) {}

  rangeOfOffsets(start: number, end: number): TextRange {
    // Block nodes end after their line break; a squiggle should stop at the last visible character.
    while (end - 1 > start && /\s/.test(this.text.charAt(end - 1))) end--;
    const from = this.lineCounter.linePos(Math.max(0, Math.min(start, this.text.length)));
    const to = this.lineCounter.linePos(Math.max(0, Math.min(Math.max(start, end), this.text.length)));
    return { startLine: from.line - 1, startCol: from.col - 1, endLine: to.line - 1, endCol: to.col - 1 };
  }

  /** The value part of a node (without trailing comments), or a pair's key. */
  rangeOf(anchor: Anchor): TextRange {
    if (!anchor) return this.firstLineRange();
    if (isPair(anchor)) return this.rangeOf(isNode(anchor.key) ? anchor.key : undefined);
    if (isNode(anchor)) {
      const range = anchor.range;
      return range ? this.rangeOfOffsets(range[0], range[1]) : this.firstLineRange();
    }
    return anchor;
  }

  /** Where problems about the whole file go: the first line, so the squiggle is visible. */
  firstLineRange(): TextRange {
    const end = this.text.search(/\r?\n|$/);
    return this.rangeOfOffsets(0, end);
  }

  /** Problems in reading order, the way the Problems view and the tests list them. */
  sortedProblems(): Problem[] {
    const key = (p: Problem): number[] => [p.range.startLine, p.range.startCol];
    return [...this.problems].sort((a, b) => key(a)[0] - key(b)[0] || key(a)[1] - key(b)[1]);
  }

  report(code: ProblemCode, severity: Severity, message: Localized, at: Anchor, path?: string): void {
    const problem: Problem = { code, severity, message, range: this.rangeOf(at) };
    if (path !== undefined) problem.path = path;
    this.problems.push(problem);
  }
}
