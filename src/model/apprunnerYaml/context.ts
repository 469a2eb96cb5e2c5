// Shared state of one validation pass: turns yaml offsets into editor ranges and collects problems.
import { isNode, isPair, type Document, type Node, type Pair } from 'yaml';
import { LineIndex } from './lineIndex';
import type { Localized, Problem, ProblemCode, Severity, TextRange } from './types';

/** Anything a problem can point at: a yaml node, a pair (its key), or a ready range. */
export type Anchor = Node | Pair | TextRange | null | undefined;

export class ValidationContext {
  readonly problems: Problem[] = [];
  /** Set once parsed; aliases (`*name`) resolve against it. */
  doc?: Document;

  readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  rangeOfOffsets(start: number, end: number): TextRange {
    // Block nodes end after their line break; a squiggle should stop at the last visible character.
    while (end - 1 > start && /\s/.test(this.text.charAt(end - 1))) end--;
    const from = this.lines.position(start);
    const to = this.lines.position(Math.max(start, end));
    return { startLine: from.line, startCol: from.col, endLine: to.line, endCol: to.col };
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

  /**
   * Where problems about the whole file go (a missing top-level key): the first line with content, past
   * any header comments, so the squiggle is visible and on YAML the user wrote.
   */
  firstLineRange(): TextRange {
    for (let line = 0; line < this.lines.lineCount; line++) {
      const start = this.lines.lineStart(line) ?? 0;
      const end = this.lines.lineStart(line + 1) ?? this.text.length;
      const body = this.text.slice(start, end);
      const indent = body.search(/\S/);
      if (indent >= 0 && body[indent] !== '#') return this.rangeOfOffsets(start + indent, end);
    }
    return this.rangeOfOffsets(0, this.lines.lineStart(1) ?? this.text.length);
  }

  /** Problems in reading order, the way the Problems view lists them, without exact repeats. */
  sortedProblems(): Problem[] {
    const seen = new Set<string>();
    const unique = this.problems.filter((p) => {
      const key = JSON.stringify([p.code, p.range, p.message.en]);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return unique.sort((a, b) => a.range.startLine - b.range.startLine || a.range.startCol - b.range.startCol);
  }

  report(code: ProblemCode, severity: Severity, message: Localized, at: Anchor, path?: string): void {
    const problem: Problem = { code, severity, message, range: this.rangeOf(at) };
    if (path !== undefined) problem.path = path;
    this.problems.push(problem);
  }
}
