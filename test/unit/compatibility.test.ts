// The minimum VS Code and the SDK pin (docs/compatibility.md): tsc checks every API use against @types/vscode,
// so the typings must be the minimum's; the SDK must stay below the releases that need Node 22.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const json = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe('VS Code and Node.js compatibility', () => {
  const pkg = json('package.json') as {
    engines: { vscode: string; node: string };
    devDependencies: Record<string, string>;
  };

  it('compiles against the @types/vscode of the engines.vscode minimum', () => {
    const minimum = /^\^(\d+)\.(\d+)\.\d+$/.exec(pkg.engines.vscode);
    assert.ok(minimum, `engines.vscode is a caret range: ${pkg.engines.vscode}`);
    const typesRange = pkg.devDependencies['@types/vscode'];
    assert.equal(typesRange, `~${minimum[1]}.${minimum[2]}.0`, 'the declared typings are the minimum');
    const installed = (json('node_modules/@types/vscode/package.json') as { version: string }).version;
    assert.match(installed, new RegExp(`^${minimum[1]}\\.${minimum[2]}\\.`), 'the installed typings are the minimum');
  });

  it('pins the AWS SDK to exact versions while the minimum runs Node 20, and installs exactly those', () => {
    const sdk = Object.entries(pkg.devDependencies).filter(([name]) => /^@(aws-sdk|smithy)\//.test(name));
    assert.ok(sdk.length >= 10, 'the SDK clients are dependencies');
    if (pkg.engines.node !== '>=20') return; // the minimum moved to Node 22: the pin may go (docs/compatibility.md)
    for (const [name, range] of sdk) {
      assert.match(range, /^\d+\.\d+\.\d+$/, `${name} is pinned, not ${range}`);
      const installed = (json(`node_modules/${name}/package.json`) as { version: string }).version;
      assert.equal(installed, range, `${name}: installed ${installed}, pinned ${range} (npm ci)`);
    }
  });
});
