// Codemod: inline `{ en: ..., ja: ... }` pairs -> `msg('English {0}', arg)` + an entry in l10n/bundle.l10n.ja.json.
//
//   node scripts/codemods/l10n.mjs            convert every pair under src/ and add the Japanese to the bundle
//   node scripts/codemods/l10n.mjs --check    change nothing; exit 1 when a pair is left (prints where)
//   node scripts/codemods/l10n.mjs --helper [file:]name:i
//                                             also convert calls `name(..., EN, JA, ...)` whose arguments i and
//                                             i+1 are the two languages (a helper taking `en, ja` parameters) into
//                                             `name(..., msg(...), ...)`; `file` limits it to one source file.
//                                             The helper's own signature is then changed by hand.
//
// Idempotent: a converted file has no pair left, so a second run changes nothing; bundle entries are merged,
// never rewritten. It converts a pair whose two values are string literals or template literals whose
// `${...}` parts name the same expressions (`${x.en}` in English and `${x.ja}` in Japanese count as one
// localized argument `x`). Everything else is left as it was and reported, with the reason, for a person:
// values that are not literals, a Japanese part using an expression the English does not, an English key
// already translated differently elsewhere, or literal `{0}`-like text that would read as a placeholder.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TEXT_MODULE = path.join(root, 'src', 'model', 'l10n', 'text.ts');
const JA_BUNDLE = path.join(root, 'l10n', 'bundle.l10n.ja.json');
const check = process.argv.includes('--check');
/** `--helper [file:]name:index` specs: calls whose arguments index and index+1 are an English/Japanese pair. */
const helpers = process.argv
  .flatMap((a, i) => (process.argv[i - 1] === '--helper' ? [a] : []))
  .map((spec) => {
    const parts = spec.split(':');
    const index = Number(parts.pop());
    const name = parts.pop();
    return { file: parts.length ? path.resolve(root, parts.join(':')) : undefined, name, index };
  });

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const propName = (p) =>
  ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;

/** The pair's two values when `node` is exactly `{ en: X, ja: Y }` (either order), else undefined. */
function pairOf(node) {
  if (!ts.isObjectLiteralExpression(node) || node.properties.length !== 2) return undefined;
  const byName = Object.fromEntries(node.properties.map((p) => [propName(p), p]));
  if (!byName.en || !byName.ja) return undefined;
  return { en: byName.en.initializer, ja: byName.ja.initializer };
}

/** For a call to a `--helper`: the pair in its arguments and the range the two arguments span, else undefined. */
function helperPairOf(node, file) {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const h = helpers.find((x) => x.name === node.expression.text && (!x.file || x.file === file));
  const [en, ja] = h ? [node.arguments[h.index], node.arguments[h.index + 1]] : [];
  if (!en || !ja) return undefined;
  return { pair: { en, ja }, start: en, end: ja.end };
}

/** A literal as parts: text pieces and expressions, or a reason it is not one. */
function partsOf(expr, sf) {
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return { texts: [expr.text], exprs: [] };
  if (ts.isTemplateExpression(expr)) {
    const texts = [expr.head.text];
    const exprs = [];
    for (const span of expr.templateSpans) {
      exprs.push(span.expression.getText(sf));
      texts.push(span.literal.text);
    }
    return { texts, exprs };
  }
  return { reason: `value is not a string or template literal: ${expr.getText(sf).slice(0, 60)}` };
}

const PLACEHOLDER_LIKE = /\{\d+\}/;

/** { key, ja, args } for a pair, or { reason }. */
function convertPair(pair, sf) {
  const en = partsOf(pair.en, sf);
  const ja = partsOf(pair.ja, sf);
  if (en.reason) return { reason: `en ${en.reason}` };
  if (ja.reason) return { reason: `ja ${ja.reason}` };
  if ([...en.texts, ...ja.texts].some((t) => PLACEHOLDER_LIKE.test(t)))
    return { reason: 'literal text looks like a {n} placeholder' };
  const args = []; // { expr, localized }
  const indexOf = (expr, lang) => {
    const m = new RegExp(`^([\\s\\S]+)\\.${lang}$`).exec(expr);
    const base = m ? m[1] : expr;
    const localized = Boolean(m);
    const found = args.findIndex((a) => a.expr === base);
    if (found >= 0) return args[found].localized === localized ? found : -2;
    if (lang === 'ja') return -1;
    if (/\.(en|ja)\b/.test(base)) return -3;
    args.push({ expr: base, localized });
    return args.length - 1;
  };
  const build = (parts, lang) => {
    let out = parts.texts[0];
    for (let i = 0; i < parts.exprs.length; i++) {
      const at = indexOf(parts.exprs[i], lang);
      if (at === -1) return { reason: `ja uses \${${parts.exprs[i]}} which the English does not` };
      if (at === -2) return { reason: `\${${parts.exprs[i]}} is localized on one side only` };
      if (at === -3) return { reason: `\${${parts.exprs[i]}} picks a language inside an expression` };
      out += `{${at}}${parts.texts[i + 1]}`;
    }
    return { text: out };
  };
  const key = build(en, 'en');
  if (key.reason) return key;
  const jaText = build(ja, 'ja');
  if (jaText.reason) return jaText;
  return { key: key.text, ja: jaText.text, args: args.map((a) => a.expr) };
}

const quote = (s) => `'${JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;

function importPath(file) {
  let rel = path.relative(path.dirname(file), TEXT_MODULE).replace(/\\/g, '/').replace(/\.ts$/, '');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return rel;
}

/** Adds `msg` to the file's imports from the text module (or a new import after the last one). */
function withImport(source, sf, file) {
  if (file === TEXT_MODULE) return source;
  const spec = importPath(file);
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || st.moduleSpecifier.text !== spec) continue;
    const named = st.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      if (named.elements.some((e) => e.name.text === 'msg')) return source;
      if (st.importClause.isTypeOnly) continue;
      const last = named.elements[named.elements.length - 1];
      return source.slice(0, last.end) + ', msg' + source.slice(last.end);
    }
  }
  const imports = sf.statements.filter((s) => ts.isImportDeclaration(s));
  const at = imports.length ? imports[imports.length - 1].end : 0;
  const line = `import { msg } from '${spec}';`;
  return imports.length ? `${source.slice(0, at)}\n${line}${source.slice(at)}` : `${line}\n${source}`;
}

function loadJson(file) {
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

export { convertPair, pairOf };

function main() {
  const ja = loadJson(JA_BUNDLE);
  const files = walk(path.join(root, 'src'));
  const skipped = [];
  let converted = 0;
  let changedFiles = 0;
  let newKeys = 0;
  for (const file of files) {
    const source = readFileSync(file, 'utf8');
    if (!/\ben\s*:/.test(source) && !helpers.length) continue;
    const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const edits = [];
    const visit = (node) => {
      const call = helperPairOf(node, file);
      const pair = call ? call.pair : pairOf(node);
      if (pair) {
        const where = `${path.relative(root, file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
        const r = convertPair(pair, sf);
        if (!r.reason && ja[r.key] !== undefined && ja[r.key] !== r.ja)
          r.reason = `"${r.key}" is already translated as "${ja[r.key]}", here as "${r.ja}"`;
        if (r.reason) {
          skipped.push(`${where}  ${r.reason}`);
        } else {
          if (ja[r.key] === undefined) {
            ja[r.key] = r.ja;
            newKeys++;
          }
          const start = call ? call.start.getStart(sf) : node.getStart(sf);
          const end = call ? call.end : node.end;
          edits.push({ start, end, text: `msg(${[quote(r.key), ...r.args].join(', ')})` });
          if (!call) return; // nested pairs inside a converted pair's arguments cannot exist (the values are literals)
          for (const a of node.arguments) if (a.end <= start || a.getStart(sf) >= end) visit(a);
          return;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    if (!edits.length) continue;
    converted += edits.length;
    changedFiles++;
    if (check) continue;
    let out = source;
    for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    out = withImport(out, ts.createSourceFile(file, out, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS), file);
    writeFileSync(file, out);
  }
  if (!check && newKeys) writeFileSync(JA_BUNDLE, `${JSON.stringify(ja, null, 2)}\n`);
  console.log(
    `l10n: ${check ? 'would convert' : 'converted'} ${converted} pair(s) in ${changedFiles} file(s); ${newKeys} new bundle entr${newKeys === 1 ? 'y' : 'ies'}`,
  );
  if (skipped.length) {
    console.log(`l10n: left ${skipped.length} pair(s) for a person:`);
    for (const s of skipped) console.log(`  ${s}`);
  }
  if (check && (converted || skipped.length)) process.exitCode = 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
