import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WRITE_COMMANDS } from '../../src/model/common/commandIds';
import { PALETTE_HIDDEN_UNTIL_MEANINGFUL } from '../support/paletteHidden';

// The menus' `when` clauses, evaluated the way VS Code does for the few operators they use, against the
// contextValue strings the tree really produces (see src/model/explorer/treeText.ts).
const root = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

interface MenuItem {
  command: string;
  when?: string;
  group?: string;
}

// A trusted window unless the context says otherwise (`isWorkspaceTrusted: ''` is Restricted Mode).
function evaluate(when: string | undefined, given: Record<string, string>): boolean {
  if (!when) return true;
  const context: Record<string, string> = { isWorkspaceTrusted: 'true', ...given };
  return when
    .split('&&')
    .map((s) => s.trim())
    .every((clause) => {
      let m = /^(\S+) =~ \/(.*)\/$/.exec(clause);
      if (m) return new RegExp(m[2]).test(context[m[1]] ?? '');
      m = /^(\S+) == (\S+)$/.exec(clause);
      if (m) return context[m[1]] === m[2];
      m = /^(\S+) != (\S+)$/.exec(clause);
      if (m) return context[m[1]] !== m[2];
      if (clause === 'false') return false;
      // A bare context key (apprunnerVpc.tailing): true when set.
      if (/^[\w.]+$/.test(clause)) return Boolean(context[clause]);
      throw new Error(`clause not understood by this test: ${clause}`);
    });
}

const itemMenu = pkg.contributes.menus['view/item/context'] as MenuItem[];
const commandsFor = (viewItem: string, keys: Record<string, string> = {}): string[] => [
  ...new Set(
    itemMenu
      .filter((m) => evaluate(m.when, { ...keys, view: 'apprunnerVpc.explorer', viewItem }))
      .map((m) => m.command),
  ),
];
const enabled = (command: string, viewItem: string): boolean => {
  const c = (pkg.contributes.commands as { command: string; enablement?: string }[]).find((x) => x.command === command);
  return evaluate(c?.enablement, { viewItem });
};

describe('explorer menus (package.json when clauses)', () => {
  it('offers service actions on services only', () => {
    const running = commandsFor('service.running.default');
    for (const c of ['attachConnector', 'checkHealth', 'copyUrl', 'copyArn', 'openInConsole'])
      assert.ok(running.includes(`apprunnerVpc.${c}`), c);
    assert.ok(!running.includes('apprunnerVpc.detachConnector'), 'nothing to detach on DEFAULT egress');
    assert.ok(!running.includes('apprunnerVpc.deleteConnector'));
    assert.ok(commandsFor('service.running.vpc').includes('apprunnerVpc.detachConnector'));
    assert.ok(running.includes('apprunnerVpc.setupConnector'), 'the guided setup from a service on DEFAULT egress');
    assert.ok(!commandsFor('service.running.vpc').includes('apprunnerVpc.setupConnector'));
    const busy = commandsFor('service.busy.vpc');
    assert.ok(
      !busy.includes('apprunnerVpc.attachConnector') && !busy.includes('apprunnerVpc.detachConnector'),
      'no changes while an operation runs',
    );
    for (const other of ['subnet', 'securityGroup', 'rule', 'egress.vpc', 'account', 'error', 'loading']) {
      const offered = commandsFor(other).filter((c) => /attach|detach|checkHealth|copyUrl|deleteConnector/.test(c));
      assert.deepEqual(offered, [], other);
    }
  });

  it('offers Tail Application Log on every service, and Stop Tailing only while a tail runs', () => {
    for (const service of ['service.running.default', 'service.running.vpc', 'service.busy.vpc'])
      assert.ok(commandsFor(service).includes('apprunnerVpc.tailApplicationLog'), service);
    assert.ok(!commandsFor('service.running.vpc').includes('apprunnerVpc.stopTailingApplicationLog'));
    assert.ok(
      commandsFor('service.running.vpc', { 'apprunnerVpc.tailing': 'true' }).includes(
        'apprunnerVpc.stopTailingApplicationLog',
      ),
    );
    for (const other of ['connector.inUse', 'subnet', 'securityGroup', 'account'])
      assert.ok(!commandsFor(other, { 'apprunnerVpc.tailing': 'true' }).some((c) => /ailing|ailApp/.test(c)), other);
  });

  it('offers connector actions on connectors; delete is shown but disabled while in use, hidden when inactive', () => {
    const inUse = commandsFor('connector.inUse');
    for (const c of ['copyArn', 'openInConsole', 'deleteConnector']) assert.ok(inUse.includes(`apprunnerVpc.${c}`), c);
    assert.ok(!inUse.includes('apprunnerVpc.attachConnector') && !inUse.includes('apprunnerVpc.copyUrl'));
    assert.equal(enabled('apprunnerVpc.deleteConnector', 'connector.inUse'), false);
    assert.equal(enabled('apprunnerVpc.deleteConnector', 'connector.unused'), true);
    assert.ok(!commandsFor('connector.inactive').includes('apprunnerVpc.deleteConnector'));
    const inline = itemMenu.filter(
      (m) =>
        m.group?.startsWith('inline') &&
        evaluate(m.when, { view: 'apprunnerVpc.explorer', viewItem: 'connector.inUse' }),
    );
    assert.ok(
      !inline.some((m) => m.command === 'apprunnerVpc.deleteConnector'),
      'no inline delete on a connector in use',
    );
  });

  it('puts Refresh, Set up and Select profile/region on the toolbar and hides tree-only commands from the palette', () => {
    const title = (pkg.contributes.menus['view/title'] as MenuItem[])
      .filter((m) => evaluate(m.when, { view: 'apprunnerVpc.explorer', 'apprunnerVpc.connection': 'connected' }))
      .map((m) => m.command);
    for (const c of ['refresh', 'setupConnector', 'selectProfile', 'selectRegion'])
      assert.ok(title.includes(`apprunnerVpc.${c}`), c);
    const palette = pkg.contributes.menus.commandPalette as MenuItem[];
    for (const c of ['revealConnector', 'revealService'])
      assert.equal(palette.find((m) => m.command === `apprunnerVpc.${c}`)?.when, 'false');
  });

  it('lists every command a person types in the palette before any connection (running one connects first)', () => {
    const palette = pkg.contributes.menus.commandPalette as MenuItem[];
    const hiddenUntilMeaningful = new Set(PALETTE_HIDDEN_UNTIL_MEANINGFUL);
    const commands = (pkg.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(commands.length > 20);
    for (const command of commands.filter((c) => !hiddenUntilMeaningful.has(c.replace('apprunnerVpc.', '')))) {
      const entry = palette.find((m) => m.command === command);
      const states: Record<string, string>[] = [
        {},
        ...['loading', 'noCredentials', 'error'].map((status) => ({ 'apprunnerVpc.connection': status })),
      ];
      for (const context of states)
        assert.ok(!entry || evaluate(entry.when, context), `${command} in ${JSON.stringify(context)}`);
    }
  });

  it('offers no command that changes AWS or writes files in Restricted Mode, and keeps the reading ones', () => {
    const restricted = { isWorkspaceTrusted: '' };
    const writes = WRITE_COMMANDS as readonly string[];
    const viewItems = [
      'service.running.default',
      'service.running.vpc',
      'service.failed.vpc',
      'connector.inUse',
      'connector.unused',
    ];
    for (const viewItem of viewItems) {
      assert.ok(
        commandsFor(viewItem).some((c) => writes.includes(c)),
        `${viewItem}: a write when trusted`,
      );
      const offered = commandsFor(viewItem, restricted);
      assert.deepEqual(
        offered.filter((c) => writes.includes(c)),
        [],
        viewItem,
      );
      assert.ok(offered.includes('apprunnerVpc.copyArn'), `${viewItem}: still copies its ARN`);
    }
    assert.ok(commandsFor('service.running.vpc', restricted).includes('apprunnerVpc.checkHealth'));
    const everywhere = { ...restricted, 'apprunnerVpc.connection': 'connected', 'apprunnerVpc.diagnosed': 'true' };
    for (const [menu, items] of Object.entries(pkg.contributes.menus as Record<string, MenuItem[]>)) {
      for (const view of ['apprunnerVpc.explorer', 'apprunnerVpc.checklist']) {
        const shown = items.filter((m) =>
          evaluate(m.when, { ...everywhere, view, viewItem: 'service.running.default' }),
        );
        assert.deepEqual(
          shown.filter((m) => writes.includes(m.command)).map((m) => m.command),
          [],
          `${menu} in ${view}`,
        );
      }
    }
    const palette = pkg.contributes.menus.commandPalette as MenuItem[];
    for (const c of ['diagnose', 'exportSetup', 'showDiagram', 'refresh'].map((c) => `apprunnerVpc.${c}`)) {
      const entry = palette.find((m) => m.command === c);
      assert.ok(!entry || evaluate(entry.when, everywhere), `${c} stays in the palette`);
    }
  });

  it('gives every command in a menu an icon', () => {
    const inMenus = new Set(
      Object.values(pkg.contributes.menus as Record<string, MenuItem[]>)
        .flat()
        .filter((m) => m.when !== 'false')
        .map((m) => m.command),
    );
    for (const c of pkg.contributes.commands as { command: string; icon?: string }[]) {
      if (inMenus.has(c.command) && /setup|create|attach|detach|delete|checkHealth|copy|openInConsole/.test(c.command))
        assert.ok(c.icon, c.command);
    }
  });
});
