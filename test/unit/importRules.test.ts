// The layers of docs/architecture.md, enforced: every import in src is read with the TypeScript parser
// (static imports and exports, `import()`, `require()`, `typeof import()`), resolved to a file, and held
// against the table below. A new model folder must be placed in MODEL_LAYERS before its first import passes.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..', '..');
const src = path.join(root, 'src');

/** src/model's groups, lowest first: a group imports only groups of a lower rank (and itself). */
export const MODEL_LAYERS: Record<string, number> = {
  common: 0,
  // One translation mechanism (msg over the l10n bundles): imports nothing of the model.
  l10n: -1,
  apprunnerYaml: 1,
  topology: 2,
  plan: 3,
  diagnosis: 4,
  fix: 5,
  // Infrastructure as code from a plan: reads plan, topology and common; nothing of the model reads it.
  iac: 5,
  // Operations: change history and the db-health snippets; read by the views and the CLI.
  ops: 5,
  codeLens: 6,
  explorer: 6,
  diagram: 7,
};

/**
 * Model code the webview bundle runs besides types: pure arithmetic shared on purpose, importing only types,
 * so the browser draws edges exactly where the tests measure them.
 */
const WEBVIEW_SHARED_MODEL = new Set(['src/model/diagram/geometry.ts']);

/** Node built-ins that do I/O (files, processes, network, terminal): never in src/model or src/webview. */
const IO_BUILTINS = new Set([
  'fs',
  'fs/promises',
  'child_process',
  'net',
  'http',
  'https',
  'http2',
  'dgram',
  'dns',
  'dns/promises',
  'tls',
  'os',
  'readline',
  'worker_threads',
  'cluster',
  'inspector',
  'vm',
  'process',
]);

export interface ImportEdge {
  from: string;
  /** The specifier as written. */
  spec: string;
  /** The repo-relative file a relative specifier names (undefined for packages and built-ins). */
  to?: string;
  typeOnly: boolean;
  line: number;
}

const rel = (p: string): string => path.relative(root, p).split(path.sep).join('/');

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesBelow(p) : /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolveRelative(fromFile: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(fromFile), spec);
  const candidates = [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return hit && rel(hit);
}

/** Every import of one file, with whether it is erased at run time (type-only). */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): ImportEdge[] {
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.ES2022,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: ImportEdge[] = [];
  const add = (node: ts.Node, specNode: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specNode || !ts.isStringLiteralLike(specNode)) return;
    const spec = specNode.text;
    out.push({
      from: rel(file),
      spec,
      to: spec.startsWith('.') ? (resolveRelative(file, spec) ?? `${spec} (unresolved)`) : undefined,
      typeOnly,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named =
        clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      add(node, node.moduleSpecifier, typeOnly);
    } else if (ts.isExportDeclaration(node)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(
        node,
        node.moduleSpecifier,
        node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)),
      );
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node, node.moduleReference.expression, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal as ts.Expression, true);
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      add(node, node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The top folder of src a file belongs to ('model', 'aws', 'vscode'...; files directly in src are 'root'). */
function area(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1] : 'root';
}
function modelGroup(file: string): string | undefined {
  const parts = file.split('/');
  return parts[1] === 'model' ? (parts.length > 3 ? parts[2] : '(top level)') : undefined;
}
const builtin = (spec: string): string | undefined => {
  const name = spec.replace(/^node:/, '');
  return IO_BUILTINS.has(name) ? name : undefined;
};
const isSdk = (spec: string) => /^@(aws-sdk|smithy)\//.test(spec);

/** Which imports of `edges` break the table; one readable line each. */
export function ruleViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  const at = (e: ImportEdge) => `${e.from}:${e.line} imports '${e.spec}'`;
  for (const e of edges) {
    const from = area(e.from);
    const toArea = e.to?.startsWith('src/') ? area(e.to) : undefined;
    if (e.to?.endsWith('(unresolved)')) out.push(`${at(e)}: no such file`);
    if (from === 'model') {
      const g = modelGroup(e.from) ?? '';
      if (!(g in MODEL_LAYERS))
        out.push(
          `${e.from}: the model group '${g}' has no place in MODEL_LAYERS (test/unit/importRules.test.ts, docs/architecture.md)`,
        );
      if (e.spec === 'vscode') out.push(`${at(e)}: src/model never imports vscode`);
      if (isSdk(e.spec)) out.push(`${at(e)}: src/model never imports the AWS SDK`);
      if (builtin(e.spec)) out.push(`${at(e)}: src/model does no I/O (${builtin(e.spec)})`);
      if (e.to && toArea !== 'model') out.push(`${at(e)}: src/model imports only src/model`);
      const h = e.to ? modelGroup(e.to) : undefined;
      if (h && h !== g && g in MODEL_LAYERS && h in MODEL_LAYERS && MODEL_LAYERS[h] >= MODEL_LAYERS[g]) {
        out.push(
          `${at(e)}: the model group '${g}' (rank ${MODEL_LAYERS[g]}) may not import '${h}' (rank ${MODEL_LAYERS[h]})`,
        );
      }
    }
    if (from === 'webview') {
      if (e.spec === 'vscode' || isSdk(e.spec) || builtin(e.spec))
        out.push(`${at(e)}: the webview runs in the browser`);
      if (
        e.to &&
        toArea !== 'webview' &&
        toArea !== 'webviewProtocol' &&
        !(toArea === 'model' && (e.typeOnly || WEBVIEW_SHARED_MODEL.has(e.to)))
      ) {
        out.push(`${at(e)}: src/webview imports only the webview protocol and (type-only) model types`);
      }
    }
    if (from === 'webviewProtocol') {
      if (e.spec === 'vscode' || isSdk(e.spec) || builtin(e.spec))
        out.push(`${at(e)}: the webview protocol is shared with the browser`);
      if (e.to && toArea !== 'webviewProtocol' && !(toArea === 'model' && e.typeOnly))
        out.push(`${at(e)}: the webview protocol imports only model types`);
    }
    if (isSdk(e.spec) && from !== 'aws') out.push(`${at(e)}: the AWS SDK is imported only in src/aws`);
    if (from === 'aws' && (toArea === 'vscode' || toArea === 'engine' || toArea === 'cli'))
      out.push(`${at(e)}: src/aws never imports src/${toArea}`);
    if (from === 'engine' && (toArea === 'vscode' || toArea === 'cli'))
      out.push(`${at(e)}: src/engine never imports src/${toArea}`);
    if (from === 'cli' && toArea === 'vscode') out.push(`${at(e)}: the CLI never imports src/vscode`);
    if (e.spec === 'vscode' && from !== 'vscode') out.push(`${at(e)}: only src/vscode imports vscode`);
  }
  const modelTop = [...new Set(edges.map((e) => e.from))].filter(
    (f) => modelGroup(f) === '(top level)' && !/\/index\.ts$/.test(f),
  );
  for (const f of modelTop) out.push(`${f}: src/model holds folders by concern only (an index.ts at most)`);
  return out;
}

/** Every cycle of the graph (strongly connected components of more than one file, or a file importing itself). */
export function cycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges)
    if (e.to && !e.to.endsWith('(unresolved)')) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const strong = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) strong(v);
  return found;
}

describe('import rules (docs/architecture.md)', () => {
  const edges = filesBelow(src).flatMap((f) => importsOf(f));

  it('reads the imports it enforces (static, type-only, import(), require)', () => {
    const q = "'"; // built, not written, so scripts/relayout.mjs does not read these as imports of this file
    const sample = importsOf(
      path.join(src, 'x.ts'),
      [
        `import { a } from ${q}./model/plan/plan${q};`,
        `import type { B } from ${q}./model/topology/topology${q};`,
        `export { c } from ${q}./model/common/awsError${q};`,
        `const m = require(${q}./model/common/regions${q});`,
        `type T = typeof import(${q}./backend${q});`,
        `void import(${q}./analysis${q});`,
      ].join('\n'),
    );
    assert.deepEqual(
      sample.map((e) => [e.to, e.typeOnly]),
      [
        ['src/model/plan/plan.ts', false],
        ['src/model/topology/topology.ts', true],
        ['src/model/common/awsError.ts', false],
        ['src/model/common/regions.ts', false],
        ['src/backend.ts', true],
        ['src/analysis.ts', false],
      ],
    );
    assert.ok(edges.length > 500, `only ${edges.length} imports read in src`);
  });

  it('finds a wrong import (the rules can fail)', () => {
    const wrong: ImportEdge[] = [
      {
        from: 'src/model/topology/topology.ts',
        spec: '../plan/plan',
        to: 'src/model/plan/plan.ts',
        typeOnly: false,
        line: 1,
      },
      { from: 'src/model/plan/plan.ts', spec: 'node:fs', typeOnly: false, line: 2 },
      { from: 'src/aws/clients.ts', spec: '../vscode/backend', to: 'src/vscode/backend.ts', typeOnly: false, line: 3 },
      {
        from: 'src/webview/main.ts',
        spec: '../model/plan/plan',
        to: 'src/model/plan/plan.ts',
        typeOnly: false,
        line: 4,
      },
    ];
    assert.equal(ruleViolations(wrong).length, 4, ruleViolations(wrong).join('\n'));
    assert.deepEqual(
      cycles([
        ...wrong,
        {
          from: 'src/model/plan/plan.ts',
          spec: '../topology/topology',
          to: 'src/model/topology/topology.ts',
          typeOnly: true,
          line: 5,
        },
      ]),
      [['src/model/plan/plan.ts', 'src/model/topology/topology.ts']],
    );
  });

  it('has no import cycle anywhere in src', () => {
    assert.deepEqual(cycles(edges), []);
  });

  it('keeps every import in src on the table (model groups downwards; model, webview, aws, engine, cli apart)', () => {
    assert.deepEqual(ruleViolations(edges), []);
  });
});
