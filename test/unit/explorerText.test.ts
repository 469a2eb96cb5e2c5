import assert from 'node:assert/strict';
import {
  connectorContextValue,
  consoleUrl,
  egressOf,
  ruleLine,
  ruleLines,
  serviceContextValue,
  sortedConnectors,
  usersOf,
} from '../../src/model/explorer/treeText';
import { connectorStatusPresentation, serviceStatusPresentation } from '../../src/model/explorer/statusPresentation';
import type { ServiceStatus } from '../../src/model/topology/topology';
import { afterSetup, beforeSetup, IDS, sgRule } from './fixtures/topologyBuilder';

describe('explorer: status presentation (the one mapping)', () => {
  it('gives every service status an icon, and a spinner with the operation type while in progress', () => {
    const all: ServiceStatus[] = [
      'RUNNING',
      'PAUSED',
      'OPERATION_IN_PROGRESS',
      'CREATE_FAILED',
      'DELETE_FAILED',
      'DELETED',
    ];
    const icons = all.map((s) => serviceStatusPresentation(s).icon);
    assert.equal(new Set(icons).size, all.length, 'distinct icons');
    const busy = serviceStatusPresentation('OPERATION_IN_PROGRESS', {
      id: 'op',
      type: 'UPDATE_SERVICE',
      status: 'IN_PROGRESS',
    });
    assert.equal(busy.icon, 'loading~spin');
    assert.equal(busy.description, 'OPERATION_IN_PROGRESS (UPDATE_SERVICE)');
    assert.equal(
      serviceStatusPresentation('RUNNING', { id: 'op', type: 'UPDATE_SERVICE', status: 'SUCCEEDED' }).description,
      'RUNNING',
    );
    assert.equal(serviceStatusPresentation('CREATE_FAILED').tone, 'error');
    assert.equal(serviceStatusPresentation('DELETE_FAILED').color, 'list.warningForeground');
  });

  it('shows a connector with its revision and ACTIVE/INACTIVE', () => {
    assert.deepEqual(connectorStatusPresentation('ACTIVE', 1), {
      tone: 'ok',
      icon: 'plug',
      color: 'testing.iconPassed',
      description: 'rev 1 · ACTIVE',
    });
    assert.equal(connectorStatusPresentation('INACTIVE', 2).description, 'rev 2 · INACTIVE');
  });
});

describe('explorer: tree texts', () => {
  it('writes rules one per line with group names: egress tcp 5432 -> sg-rds', () => {
    const world = afterSetup();
    const app = world.securityGroups.find((g) => g.id === IDS.sgApp);
    assert.ok(app);
    const lines = ruleLines(app.rules, world);
    assert.ok(lines.includes('egress tcp 5432 -> sg-rds'), lines.join(' | '));
    assert.ok(lines.includes('egress tcp 443 -> 0.0.0.0/0'), lines.join(' | '));
    assert.ok(lines.includes('egress udp 53 -> 0.0.0.0/0'), lines.join(' | '));
    assert.equal(
      ruleLine(sgRule('r', 'g', false, 'tcp', 5432, 5432, { referencedGroupId: IDS.sgApp }), world),
      'ingress tcp 5432 <- sg-apprunner',
    );
    assert.equal(ruleLine(sgRule('r', 'g', true, '-1', -1, -1, { cidrIpv4: '0.0.0.0/0' })), 'egress all -> 0.0.0.0/0');
    assert.equal(
      ruleLine(sgRule('r', 'g', true, 'tcp', 1000, 2000, { referencedGroupId: 'sg-unknown' })),
      'egress tcp 1000-2000 -> sg-unknown',
    );
  });

  it('names the egress: DEFAULT before, the connector after; unknown until details load', () => {
    const before = beforeSetup();
    const after = afterSetup();
    assert.deepEqual(egressOf(before, before.services[0]), { kind: 'default' });
    const vpc = egressOf(after, after.services[0]);
    assert.equal(vpc.kind, 'vpc');
    assert.equal(vpc.kind === 'vpc' && vpc.connector?.name, 'campus-sns-vpc-connector');
    assert.deepEqual(egressOf(before, { ...before.services[0], detailsLoaded: false }), { kind: 'unknown' });
  });

  it('gives menus context values by kind and state', () => {
    const after = afterSetup();
    const before = beforeSetup();
    assert.equal(serviceContextValue(after.services[0]), 'service.running.vpc');
    assert.equal(serviceContextValue(before.services[0]), 'service.running.default');
    assert.equal(
      serviceContextValue({ ...before.services[0], status: 'OPERATION_IN_PROGRESS' }),
      'service.busy.default',
    );
    assert.equal(serviceContextValue({ ...before.services[0], detailsLoaded: false }), 'service.running.unknown');
    const connector = after.connectors[0];
    assert.equal(connectorContextValue(after, connector), 'connector.inUse');
    assert.deepEqual(
      usersOf(after, connector).map((s) => s.name),
      ['kyudai-api'],
    );
    const detached = {
      ...after,
      services: after.services.map((s) => ({ ...s, egressType: 'DEFAULT' as const, vpcConnectorArn: undefined })),
    };
    assert.equal(connectorContextValue(detached, connector), 'connector.unused');
    assert.equal(connectorContextValue(after, { ...connector, status: 'INACTIVE' }), 'connector.inactive');
  });

  it('orders connectors active first, and builds console links', () => {
    const c = afterSetup().connectors[0];
    const sorted = sortedConnectors([
      { ...c, name: 'a', status: 'INACTIVE' },
      { ...c, name: 'b' },
    ]);
    assert.deepEqual(
      sorted.map((x) => x.name),
      ['b', 'a'],
    );
    assert.match(
      consoleUrl('ap-northeast-1', { kind: 'service', arn: IDS.service }),
      /^https:\/\/ap-northeast-1\.console\.aws\.amazon\.com\/apprunner\/home\?region=ap-northeast-1#\/services\/dashboard\?service_arn=arn%3Aaws/,
    );
  });
});
