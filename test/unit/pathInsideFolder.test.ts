import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeStaysInFolder } from '../../src/vscode/setup/pathInsideFolder';

describe('Add a db-health Endpoint: writes never follow a symbolic link out of the workspace', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'db-health-link-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a dangling link at the file, a linked folder on the way, and a path outside', async () => {
    const ws = path.join(dir, 'ws');
    mkdirSync(path.join(ws, 'backend', 'app'), { recursive: true });
    symlinkSync(path.join(dir, 'outside', 'owned.py'), path.join(ws, 'backend', 'app', 'health.py'));
    assert.equal(await writeStaysInFolder(ws, path.join(ws, 'backend', 'app', 'health.py')), false);
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(ws, 'routers'));
    assert.equal(await writeStaysInFolder(ws, path.join(ws, 'routers', 'health.go')), false);
    assert.equal(await writeStaysInFolder(ws, path.join(ws, '..', 'escape.py')), false);
  });

  it('allows a new file in plain folders, existing or not yet', async () => {
    const ws = path.join(dir, 'ws');
    mkdirSync(path.join(ws, 'backend'), { recursive: true });
    assert.equal(await writeStaysInFolder(ws, path.join(ws, 'backend', 'app', 'routers', 'health.py')), true);
    assert.equal(await writeStaysInFolder(ws, path.join(ws, 'health.js')), true);
  });
});
