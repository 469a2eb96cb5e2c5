// The README is a landing page: short, and every link in it and in docs/ leads somewhere. Relative links must
// name a file that exists, and a #fragment a heading of that file (GitHub's heading ids).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** GitHub's id of a heading: lower case, punctuation dropped (but - and _), each space a hyphen. */
export function headingId(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function headingIds(markdown: string): Set<string> {
  const ids = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const match of withoutCode.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const id = headingId(match[1]);
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    ids.add(n === 0 ? id : `${id}-${n}`);
  }
  return ids;
}

/** The link targets of a Markdown text outside code blocks and code spans. */
function links(markdown: string): string[] {
  const text = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)].map((m) => m[1]);
}

const DOCS = [
  'README.md',
  ...readdirSync(path.join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('README and docs links', () => {
  it('the README is a landing page of at most about 200 lines, with the two commands first', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.split('\n').length <= 210, `README has ${readme.split('\n').length} lines`);
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    assert.match(firstBlock, /^npm install && npm start\b/m);
    assert.match(firstBlock, /^npm install && npm test\b/m);
  });

  it('computes GitHub heading ids', () => {
    assert.equal(
      headingId("DNS egress: the runbook's rule and the narrower one"),
      'dns-egress-the-runbooks-rule-and-the-narrower-one',
    );
    assert.equal(headingId('Export formats (`export --format`)'), 'export-formats-export---format');
  });

  for (const doc of DOCS) {
    it(`every relative link and #anchor in ${doc} resolves`, () => {
      const text = readFileSync(path.join(ROOT, doc), 'utf8');
      const broken: string[] = [];
      for (const target of links(text)) {
        if (/^[a-z]+:/i.test(target)) continue; // https:, mailto:, command: links leave the repository
        const [file, fragment] = target.split('#') as [string, string | undefined];
        const full = file
          ? path.resolve(path.dirname(path.join(ROOT, doc)), decodeURIComponent(file))
          : path.join(ROOT, doc);
        if (!existsSync(full)) {
          broken.push(`${target} (no such file)`);
          continue;
        }
        if (fragment && full.endsWith('.md') && !headingIds(readFileSync(full, 'utf8')).has(fragment))
          broken.push(`${target} (no such heading)`);
      }
      assert.deepEqual(broken, []);
    });
  }
});
