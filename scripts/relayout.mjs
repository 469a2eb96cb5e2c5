// The model's layout by concern (docs/architecture.md), as a move table plus an import fixer that
// can be run again after other branches are merged:
//   1. each file of MOVES still at its old path is moved (`git mv`) to its new one;
//   2. every relative import/export/import()/require specifier in src/, test/, scripts/ and sandbox/ that points
//      at a moved file is rewritten (resolved against the importing file; `.js`-less TS specifiers, `.js`
//      specifiers and folder indexes alike; a file moved in this run is read against its old folder);
//   3. repo-relative mentions of a moved file (`src/model/x.ts`, `out/src/model/x.js`: tsconfig includes,
//      scripts, comments, docs) are rewritten;
//   4. relative specifiers that resolve to nothing are reported.
// Idempotent: a second run moves and rewrites nothing. Files it has never seen (added by another branch) that
// import an old path are fixed too.
// Usage: node scripts/relayout.mjs [--dry-run] [--check]   (--check: exit 1 if anything would move or change)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dryRun = process.argv.includes('--dry-run') || process.argv.includes('--check');
const check = process.argv.includes('--check');

/** Model groups, lowest first: see docs/architecture.md and test/unit/importRules.test.ts. */
const GROUPS = {
  common: [
    'awsError',
    'userError',
    'secretMask',
    'regions',
    'awsTarget',
    'endpointConfig',
    'endpointPolicy',
    'terminalQuote',
    'settingScope',
    'sandboxSeeds',
    'commandIds',
  ],
  topology: [
    'topology',
    'unsupportedAzs',
    'storeFreshness',
    'databaseUrl',
    'cidr',
    'trafficSpace',
    'securityGroupRules',
    'networkAcl',
    'routeTables',
    'groupNames',
    'databaseTargets',
    'secretUrls',
    'secretValues',
    'proxyHop',
  ],
  plan: [
    'desired',
    'setupSettings',
    'subnetChoice',
    'connectorChoice',
    'validators',
    'plan',
    'planSteps',
    'stepBuilders',
    'planParts',
    'planWarnings',
    'planOwnershipWarnings',
    'planSafety',
    'teardownPlans',
    'ruleMatch',
    'planText',
    'planMarkdown',
    'setupFromService',
    'setupScript',
    'appRunnerGroupChoice',
    'resourceOwnership',
    'setupPlanFor',
    'dbGroupChoice',
    'dnsEgress',
  ],
  diagnosis: [
    'diagnosis',
    'findingBuilder',
    'reachability',
    'reachabilityContext',
    'diagnosisChecks',
    'diagnosisReport',
    'diagnoseOutcome',
    'diagnosisPlacement',
    'liveChecks',
    'logScan',
    'checklist',
    'checklistMarkdown',
    'fixText',
    'findingIds',
  ],
  'diagnosis/checks': [
    'aclFlowChecks',
    'availabilityChecks',
    'connectorChecks',
    'databaseChecks',
    'databaseRuleChecks',
    'dnsChecks',
    'internetChecks',
    'securityChecks',
    'serviceStateChecks',
    'secretUrlChecks',
  ],
  fix: ['diagnoseFix', 'diagramFix'],
  codeLens: ['serviceLink'],
  explorer: ['statusPresentation'],
};

/** old path -> new path, relative to the repository root. */
export const MOVES = [
  ...Object.entries(GROUPS).flatMap(([group, names]) =>
    names.map((n) => [`src/model/${n}.ts`, `src/model/${group}/${n}.ts`]),
  ),
  ['src/model/diagram/fixStep.ts', 'src/model/fix/fixStep.ts'],
  // The webview protocol and page are shared by the extension side and the webview bundle, not model code.
  ['src/model/diagram/protocol.ts', 'src/webviewProtocol/protocol.ts'],
  ['src/model/diagram/webviewPage.ts', 'src/webviewProtocol/webviewPage.ts'],
  // A build-time scanner of source text (scripts/iam-policy.mjs and the IAM tests use it), not model code.
  ['src/model/iamActions.ts', 'test/support/iamActions.ts'],
  // Operations: the NAT figures feed the plan and the diagram, so they sit with the topology; the
  // metrics verdict feeds the checklist; the rest (history, snippets) stays in ops/ above the diagnosis.
  ['src/model/ops/natCost.ts', 'src/model/topology/natCost.ts'],
  ['src/model/ops/natPrices.ts', 'src/model/topology/natPrices.ts'],
  ['src/model/ops/natCostChecks.ts', 'src/model/diagnosis/checks/natCostChecks.ts'],
  ['src/model/ops/metrics.ts', 'src/model/diagnosis/metrics.ts'],
  ['src/model/ops/metricsChecklist.ts', 'src/model/diagnosis/metricsChecklist.ts'],
];

const SCAN_DIRS = ['src', 'test', 'scripts', 'sandbox'];
const CODE_EXT = /\.(ts|tsx|mts|cts|js|mjs|cjs)$/;
const MENTION_FILES = () => [
  ...SCAN_DIRS.flatMap((d) => walk(d, /\.(ts|tsx|mts|cts|js|mjs|cjs|json|md)$/)),
  ...walk('docs', /\.md$/),
  ...['README.md', 'tsconfig.json', 'tsconfig.webview.json', 'package.json'].filter((f) => existsSync(abs(f))),
];

const abs = (rel) => path.join(root, rel);
const rel = (p) => path.relative(root, p).split(path.sep).join('/');

function walk(dir, pattern) {
  const out = [];
  const visit = (d) => {
    if (!existsSync(abs(d))) return;
    for (const entry of readdirSync(abs(d), { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const p = `${d}/${entry.name}`;
      if (entry.isDirectory()) visit(p);
      else if (pattern.test(entry.name)) out.push(p);
    }
  };
  visit(dir);
  return out.sort();
}

const oldToNew = new Map(MOVES.map(([o, n]) => [o, n]));
const newToOld = new Map(MOVES.map(([o, n]) => [n, o]));

// ---- 1. moves
const movedNow = new Map(); // new rel -> old rel, for files moved in this run
const conflicts = [];
for (const [from, to] of MOVES) {
  if (!existsSync(abs(from))) continue;
  if (existsSync(abs(to))) {
    conflicts.push(`${from} and ${to} both exist: merge them by hand, then run again`);
    continue;
  }
  movedNow.set(to, from);
  if (dryRun) continue;
  mkdirSync(path.dirname(abs(to)), { recursive: true });
  try {
    execFileSync('git', ['mv', from, to], { cwd: root, stdio: 'pipe' });
  } catch {
    renameSync(abs(from), abs(to)); // not tracked yet
  }
}

// ---- 2. imports
const isFile = (p) => existsSync(p) && statSync(p).isFile();
/** The file a resolved specifier names today, or undefined: `x` -> x.ts, x.tsx, x.d.ts, x.js, x/index.ts; `x.js` -> x.ts. */
function existing(p) {
  if (isFile(p)) return { file: p, index: false };
  if (/\.(js|mjs|cjs)$/.test(p)) {
    const ts = p.replace(/\.(m|c)?js$/, (_m, k) => `.${k ?? ''}ts`);
    if (isFile(ts)) return { file: ts, index: false };
  }
  for (const ext of ['.ts', '.tsx', '.d.ts', '.js', '.mjs'])
    if (isFile(p + ext)) return { file: p + ext, index: false };
  for (const ext of ['/index.ts', '/index.js']) if (isFile(p + ext)) return { file: p + ext, index: true };
  return undefined;
}
/** The new file for a resolved specifier that names an old (moved) path. */
function moved(p) {
  const r = rel(p);
  const base = r.replace(/\.(m|c)?js$/, (_m, k) => `.${k ?? ''}ts`);
  for (const cand of [r, base, `${r}.ts`, `${r}/index.ts`]) {
    const to = oldToNew.get(cand);
    if (to) return { file: abs(to), index: cand.endsWith('/index.ts') };
  }
  return undefined;
}
/** A build output path (out/...js) stands for its source: map the source, keep the out/ form. */
function resolveOut(p) {
  const r = rel(p);
  if (!r.startsWith('out/')) return undefined;
  const src = abs(r.slice(4));
  const m = moved(src);
  if (m) return { file: abs(`out/${rel(m.file).replace(/\.ts$/, '.js')}`), out: true };
  return existing(src) ? { keep: true } : undefined;
}

function specifierFor(fromFile, target, original) {
  let s = path
    .relative(path.dirname(fromFile), target.index ? path.dirname(target.file) : target.file)
    .split(path.sep)
    .join('/');
  if (!target.index && !target.out) {
    if (/\.(m|c)?js$/.test(original)) s = s.replace(/\.(m|c)?ts$/, (_m, k) => `.${k ?? ''}js`);
    else if (!/\.(m|c)?tsx?$/.test(original)) s = s.replace(/(\.d)?\.(m|c)?tsx?$|\.(m|c)?js$/, '');
  }
  return s.startsWith('.') ? s : `./${s}`;
}

/** What a specifier names when read from `dir`: a moved file's new home first, else the file that exists. */
function resolveFrom(dir, spec) {
  const p = path.resolve(dir, spec);
  const out = resolveOut(p);
  if (out) return out;
  return moved(p) ?? existing(p);
}

const SPEC = /(\bfrom\s*|\bimport\s*\(\s*|\brequire(?:\.resolve)?\s*\(\s*|\bimport\s+)(['"])(\.\.?(?:\/[^'"\n]*)?)\2/g;
const changed = [];
const unresolved = [];
const filesNow = SCAN_DIRS.flatMap((d) => walk(d, CODE_EXT));
// In a dry run the moves did not happen: see the files at their future paths all the same.
const seen = dryRun
  ? [...filesNow.filter((f) => !oldToNew.has(f) || !movedNow.has(oldToNew.get(f))), ...movedNow.keys()]
  : filesNow;
for (const file of [...new Set(seen)].sort()) {
  const readAt = dryRun && movedNow.has(file) ? movedNow.get(file) : file;
  const home = abs(file);
  const oldHome = movedNow.get(file) ?? newToOld.get(file);
  const text = readFileSync(abs(readAt), 'utf8');
  let edits = 0;
  const next = text.replace(SPEC, (whole, lead, quote, spec, offset) => {
    const line = text.slice(text.lastIndexOf('\n', offset) + 1, offset).trimStart();
    if (line.startsWith('//') || line.startsWith('*') || line.startsWith('/*')) return whole; // prose in a comment
    let target;
    if (movedNow.has(file))
      target = resolveFrom(path.dirname(abs(oldHome)), spec) ?? resolveFrom(path.dirname(home), spec);
    else
      target =
        resolveFrom(path.dirname(home), spec) ?? (oldHome ? resolveFrom(path.dirname(abs(oldHome)), spec) : undefined);
    if (!target) {
      unresolved.push(`${file}: '${spec}'`);
      return whole;
    }
    if (target.keep) return whole;
    const s = specifierFor(home, target, spec);
    if (s === spec) return whole;
    edits++;
    return `${lead}${quote}${s}${quote}`;
  });
  if (edits > 0) {
    changed.push(`${file}: ${edits} import(s)`);
    if (!dryRun) writeFileSync(home, next);
  }
}

// ---- 3. mentions of moved files by repo path
const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const mentionRules = MOVES.map(([from, to]) => ({
  re: new RegExp(`(?<![\\w.-])(out/)?${esc(from.replace(/\.ts$/, ''))}\\.(ts|js)\\b`, 'g'),
  to: to.replace(/\.ts$/, ''),
}));
const self = rel(fileURLToPath(import.meta.url));
for (const file of MENTION_FILES().filter((f) => f !== self)) {
  const where = dryRun && movedNow.has(file) ? movedNow.get(file) : file;
  if (!existsSync(abs(where))) continue;
  const text = readFileSync(abs(where), 'utf8');
  let n = 0;
  let out = text;
  for (const r of mentionRules)
    out = out.replace(r.re, (_m, o, ext) => {
      n++;
      return `${o ?? ''}${r.to}.${ext}`;
    });
  if (n > 0 && out !== text) {
    changed.push(`${file}: ${n} path mention(s)`);
    if (!dryRun) writeFileSync(abs(file), out);
  }
}

const say = (title, lines) => {
  if (lines.length) console.log(`${title}:\n  ${lines.join('\n  ')}`);
};
say(
  dryRun ? 'would move' : 'moved',
  [...movedNow].map(([to, from]) => `${from} -> ${to}`),
);
say(dryRun ? 'would rewrite' : 'rewrote', changed);
say('conflicts', conflicts);
say('unresolved relative imports', unresolved);
if (!movedNow.size && !changed.length) console.log('relayout: nothing to move or rewrite');
// Unresolved lines are warnings: the text matcher also sees require('./x') inside template strings (generated
// snippets); tsc reports a real broken import.
if (check && (movedNow.size || changed.length || conflicts.length)) process.exitCode = 1;
if (conflicts.length) process.exitCode = 1;
