// Comments cite the repository's docs by file and heading (docs/design.md, 'Code style'), never a numbered
// section of notes or an issue tracker entry a reader of a clone cannot open. This test keeps it so: no such
// citation in the code, and every "docs/<file>.md, '<heading>'" names a heading that exists, so a renamed
// heading fails here instead of leaving its citations pointing at nothing.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { SOURCE_ROOT } from '../support/sourceFiles';

const FOLDERS = ['src', 'sandbox', 'test', 'scripts'];
const CODE_FILE = /\.(?:ts|mts|cts|mjs|cjs|js)$/;

/** Citations a clone cannot follow: the old notes' numbered sections and tracker numbers. */
const UNREACHABLE = [/\bDESIGN(?:\.md)?\s+section\b/i, /\bissues?\s+#?\d/i];

/** "docs/x.md, 'Heading'", the heading possibly on the next comment line. */
const CITATION = /docs\/([\w.-]+\.md),\s*(?:(?:\/\/|\*|#)\s*)?'([^'\n]+)'/g;

interface Problem {
  file: string;
  line: number;
  text: string;
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

export function unreachableCitations(files: readonly { file: string; text: string }[]): Problem[] {
  const out: Problem[] = [];
  for (const { file, text } of files) {
    text.split('\n').forEach((line, i) => {
      if (UNREACHABLE.some((re) => re.test(line))) out.push({ file, line: i + 1, text: line.trim() });
    });
  }
  return out;
}

/** The headings of a Markdown text, without their #s (fenced code blocks skipped). */
export function markdownHeadings(markdown: string): Set<string> {
  const headings = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced) {
      const m = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
      if (m) headings.add(m[1]);
    }
  }
  return headings;
}

export function brokenDocCitations(
  files: readonly { file: string; text: string }[],
  readDoc: (name: string) => string | undefined,
): Problem[] {
  const out: Problem[] = [];
  const headingsOf = new Map<string, Set<string> | undefined>();
  for (const { file, text } of files) {
    for (const m of text.matchAll(CITATION)) {
      const [, doc, heading] = m;
      if (!headingsOf.has(doc)) {
        const markdown = readDoc(doc);
        headingsOf.set(doc, markdown === undefined ? undefined : markdownHeadings(markdown));
      }
      const headings = headingsOf.get(doc);
      if (!headings?.has(heading)) out.push({ file, line: lineOf(text, m.index), text: `docs/${doc}, '${heading}'` });
    }
  }
  return out;
}

function codeFiles(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules') continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (CODE_FILE.test(name))
        out.push({ file: path.relative(SOURCE_ROOT, full), text: readFileSync(full, 'utf8') });
    }
  };
  for (const folder of FOLDERS) walk(path.join(SOURCE_ROOT, folder));
  return out;
}

function readDoc(name: string): string | undefined {
  const file = path.join(SOURCE_ROOT, 'docs', name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

const show = (problems: Problem[]): string => problems.map((p) => `${p.file}:${p.line}: ${p.text}`).join('\n');

describe('citations in code comments', () => {
  const files = codeFiles();

  it('reads the code of src, sandbox, test and scripts', () => {
    for (const folder of FOLDERS)
      assert.ok(
        files.some((f) => f.file.startsWith(`${folder}/`)),
        folder,
      );
  });

  it('cite no numbered section of the old notes and no issue number', () => {
    const problems = unreachableCitations(files);
    assert.equal(problems.length, 0, `cite docs/<file>.md, '<heading>' instead:\n${show(problems)}`);
  });

  it('name a heading that exists when they cite docs/<file>.md', () => {
    // This file's control below cites missing headings on purpose.
    const others = files.filter((f) => f.file !== path.join('test', 'unit', 'docCitations.test.ts'));
    const problems = brokenDocCitations(others, readDoc);
    assert.equal(problems.length, 0, `no such heading:\n${show(problems)}`);
    const cited = files.reduce((n, f) => n + [...f.text.matchAll(CITATION)].length, 0);
    assert.ok(cited >= 20, `docs/design.md is cited by heading (found ${cited} citations)`);
  });

  it('catches each kind of bad citation (control)', () => {
    const bad = [
      // \x20 is a space: written so, this file does not cite what it tests for.
      { file: 'a.ts', text: '// see DESIGN\x20section 4\nconst a = 1;' },
      { file: 'b.ts', text: 'const b = 2; // the fix for Issue\x20#16, finding 2' },
      { file: 'c.ts', text: "// docs/design.md,\n// 'No such heading'" },
      { file: 'd.ts', text: "// docs/missing.md, 'Anything'" },
    ];
    assert.deepEqual(
      unreachableCitations(bad).map((p) => `${p.file}:${p.line}`),
      ['a.ts:1', 'b.ts:1'],
    );
    assert.deepEqual(
      brokenDocCitations(bad, readDoc).map((p) => `${p.file}:${p.line}: ${p.text}`),
      ["c.ts:1: docs/design.md, 'No such heading'", "d.ts:1: docs/missing.md, 'Anything'"],
    );
    assert.deepEqual(
      brokenDocCitations([{ file: 'e.ts', text: "/**\n * (docs/design.md,\n * 'The snapshot store') */" }], readDoc),
      [],
    );
  });
});
