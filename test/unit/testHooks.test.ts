// The test setters stay off the public API outside ExtensionMode.Test. The real bundle's activate() runs here
// against a stand-in `vscode` module (every namespace, class and enum of @types/vscode, each a recording
// no-op), once per ExtensionMode; the API it returns is what another extension would get.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import type { ExtensionApi } from '../../src/vscode/api';
import { testHooksFor } from '../../src/vscode/ui/testHooks';

const root = path.resolve(__dirname, '..', '..', '..');
const bundle = path.join(root, 'dist', 'extension.js');

/** A no-op that answers any property, call or `new` with another no-op and keeps what is assigned to it. */
function noop(name: string): unknown {
  const children = new Map<PropertyKey, unknown>();
  const assigned = new Map<PropertyKey, unknown>();
  return new Proxy(function () {}, {
    get(_target, prop) {
      if (prop === Symbol.toPrimitive) return () => name;
      if (prop === 'then') return undefined; // not a promise
      if (assigned.has(prop)) return assigned.get(prop);
      if (!children.has(prop)) children.set(prop, noop(`${name}.${String(prop)}`));
      return children.get(prop);
    },
    set(_target, prop, value) {
      assigned.set(prop, value);
      return true;
    },
    apply: () => noop(`${name}()`),
    construct: () => noop(`new ${name}`) as object,
  });
}

/** The `vscode` module's top-level names, from the API's type declarations. */
function standInVscode(): Record<string, unknown> {
  const declarations = readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = [...declarations.matchAll(/^\s*export (?:namespace|class|enum|const|function|let) (\w+)/gm)];
  return Object.fromEntries(names.map(([, name]) => [name, noop(`vscode.${name}`)]));
}

type Loader = (request: string, ...rest: unknown[]) => unknown;

function activateIn(vscode: Record<string, unknown>, extensionMode: unknown): ExtensionApi {
  const loader = Module as unknown as { _load: Loader };
  const original = loader._load;
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : original.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve(bundle)];
    const extension = require(bundle) as { activate(context: unknown): ExtensionApi };
    const known: Record<string, unknown> = { subscriptions: [], extensionMode };
    const context = new Proxy(known, {
      get: (target, prop) => (prop in target ? target[prop as string] : noop(`context.${String(prop)}`)),
    });
    return extension.activate(context);
  } finally {
    loader._load = original;
    delete require.cache[require.resolve(bundle)];
  }
}

/** Names of the API and of its features' members that set something for tests. */
function setters(api: ExtensionApi): string[] {
  const top = Object.keys(api);
  const nested = top.flatMap((key) => {
    const value = (api as unknown as Record<string, unknown>)[key];
    return typeof value === 'object' && value !== null ? Object.keys(value).map((k) => `${key}.${k}`) : [];
  });
  return [...top, ...nested].filter((name) => /(^|\.)(testHooks|set\w*Ui)$/.test(name));
}

describe('test hooks on the public API', () => {
  before(function () {
    if (existsSync(bundle)) return;
    this.timeout(120_000);
    execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'ignore' });
  });

  it('activate() returns no UI setter in production or in a development window, and testHooks.setUi in test mode', function () {
    this.timeout(30_000);
    const vscode = standInVscode();
    const modes = vscode.ExtensionMode as Record<string, unknown>;
    assert.deepEqual(setters(activateIn(vscode, modes.Production)), []);
    assert.deepEqual(setters(activateIn(vscode, modes.Development)), []);
    const inTest = activateIn(vscode, modes.Test);
    assert.deepEqual(setters(inTest), ['testHooks', 'testHooks.setUi']);
    assert.equal(typeof inTest.testHooks?.setUi, 'function');
  });

  it('the gate compares the mode it is given with the test mode', () => {
    const replaced: unknown[] = [];
    assert.equal(
      testHooksFor(1, 3, (ui) => replaced.push(ui)),
      undefined,
    );
    assert.equal(
      testHooksFor(2, 3, (ui) => replaced.push(ui)),
      undefined,
    );
    testHooksFor(3, 3, (ui) => replaced.push(ui))?.setUi(undefined);
    assert.deepEqual(replaced, [undefined]);
  });
});
