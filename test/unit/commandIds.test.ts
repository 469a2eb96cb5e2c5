import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as ts from 'typescript';
import { CommandId, ViewCommandId } from '../../src/model/common/commandIds';

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

  it('no command id is written as a string literal in src outside commandIds.ts', function () {
    this.timeout(30000); // parses every file of src
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const p = path.join(dir, name);
        return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
      });
    const ids = new Set<string>([...Object.values(CommandId), ...Object.values(ViewCommandId)]);
    // String literals only (the parser's view), so a comment may still name a command.
    const literals = files(path.join(root, 'src'))
      .filter((f) => !f.endsWith(path.join('common', 'commandIds.ts')))
      .flatMap((f) => {
        const found: string[] = [];
        const visit = (node: ts.Node): void => {
          if (ts.isStringLiteralLike(node) && (ids.has(node.text) || /^apprunnerVpc\..*\.focus$/.test(node.text)))
            found.push(`${path.relative(root, f)}: ${node.text}`);
          ts.forEachChild(node, visit);
        };
        visit(ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true));
        return found;
      });
    assert.deepEqual(literals, []);
  });

  it('the views whose focus command we run are contributed', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      contributes: { views: Record<string, { id: string }[]> };
    };
    const views = Object.values(manifest.contributes.views).flatMap((list) => list.map((v) => v.id));
    for (const id of Object.values(ViewCommandId)) assert.ok(views.includes(id.replace(/\.focus$/, '')), id);
  });
});
