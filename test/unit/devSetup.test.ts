// F5 from a fresh clone: the launch configurations build first (a preLaunchTask that runs the build), the
// sandbox one also starts the sandbox, and every test layer has a configuration. package.json says where the
// repository and its issues are.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const json = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;

interface Task {
  label: string;
  command?: string;
  dependsOn?: string[];
}
interface LaunchConfig {
  name: string;
  type: string;
  program?: string;
  args?: string[];
  preLaunchTask?: string;
  env?: Record<string, string>;
}

const tasks = json<{ tasks: Task[] }>('.vscode/tasks.json').tasks;
const configurations = json<{ configurations: LaunchConfig[] }>('.vscode/launch.json').configurations;

/** Every command a task runs, its dependencies' first, in order. */
function commandsOf(label: string | undefined): string[] {
  const task = tasks.find((t) => t.label === label);
  if (!task) return [];
  return [...(task.dependsOn ?? []).flatMap(commandsOf), ...(task.command ? [task.command] : [])];
}

describe('Developing in VS Code: launch and tasks', () => {
  it('every extension launch builds first, and the sandbox one then starts the sandbox it points at', () => {
    const hosts = configurations.filter((c) => c.type === 'extensionHost');
    assert.ok(hosts.length >= 1);
    for (const host of hosts) {
      const commands = commandsOf(host.preLaunchTask);
      assert.match(commands[0] ?? '', /node scripts\/build\.mjs/, `${host.name} builds first`);
      assert.ok(host.args?.includes('--extensionDevelopmentPath=${workspaceFolder}'), host.name);
    }
    const sandbox = hosts.find((c) => /sandbox/i.test(c.name));
    assert.ok(sandbox, 'a launch against the local sandbox');
    assert.ok(
      commandsOf(sandbox.preLaunchTask).some((c) => c.startsWith('npm run sandbox')),
      'it starts the sandbox',
    );
    assert.equal(sandbox.env?.AWS_ENDPOINT_URL, 'http://127.0.0.1:4566', 'the sandbox default port');
    assert.equal(sandbox.env?.AWS_ACCESS_KEY_ID, 'testing', 'never your own credentials');
  });

  it('has a debug configuration for every test layer', () => {
    const configs = readdirSync(ROOT).filter((f) => /^\.mocharc\.\w+\.json$/.test(f));
    assert.ok(configs.length >= 5);
    for (const config of configs)
      assert.ok(
        configurations.some((c) => c.args?.includes(config)),
        `a launch configuration runs mocha --config ${config}`,
      );
    assert.ok(
      configurations.some((c) => c.program?.endsWith('scripts/run-host-tests.mjs')),
      'the host layer',
    );
  });

  it('names the repository, its issues and its home page in package.json', () => {
    const pkg = json<{ publisher: string; repository: { url: string }; bugs: { url: string }; homepage: string }>(
      'package.json',
    );
    const repo = `https://github.com/${pkg.publisher}/apprunner-vpc`;
    assert.equal(pkg.repository.url, `${repo}.git`);
    assert.equal(pkg.bugs.url, `${repo}/issues`);
    assert.equal(pkg.homepage, `${repo}#readme`);
  });
});
