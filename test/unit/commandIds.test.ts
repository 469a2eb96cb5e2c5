import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CommandId } from '../../src/model/common/commandIds';

const root = path.resolve(__dirname, '..', '..', '..');

describe('command ids', () => {
  it('CommandId lists exactly the commands package.json contributes', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { commands: { command: string }[] };
    };
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    assert.deepEqual(Object.values(CommandId).sort(), contributed);
    for (const [name, id] of Object.entries(CommandId))
      assert.equal(id, `apprunnerVpc.${name}`, 'the key is the id without its prefix');
  });
});
