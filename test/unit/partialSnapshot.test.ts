import assert from 'node:assert/strict';
import { overlayPartial } from '../../src/model/explorer/partialSnapshot';
import { emptyTopology } from '../../src/model/topology/topology';
import { afterSetup } from './fixtures/topologyBuilder';

describe('explorer: partial snapshots while a refresh streams in', () => {
  it('keeps the last details and connectors until they are read again, with the fresh summary status', () => {
    const full = afterSetup();
    const summary = {
      ...full.services[0],
      detailsLoaded: false,
      egressType: undefined,
      vpcConnectorArn: undefined,
      status: 'OPERATION_IN_PROGRESS' as const,
    };
    const partial = { ...emptyTopology(full.region), accountId: full.accountId, services: [summary] };
    const shown = overlayPartial(partial, full);
    assert.equal(shown.services[0].status, 'OPERATION_IN_PROGRESS');
    assert.equal(shown.services[0].egressType, 'VPC');
    assert.equal(shown.services[0].vpcConnectorArn, full.services[0].vpcConnectorArn);
    assert.deepEqual(shown.connectors, full.connectors);
    assert.deepEqual(shown.securityGroups, full.securityGroups);
  });

  it('takes freshly read parts as they are, and ignores a snapshot of another region', () => {
    const full = afterSetup();
    const partial = {
      ...full,
      connectors: [] as typeof full.connectors,
      services: full.services.map((s) => ({ ...s, egressType: 'DEFAULT' as const, vpcConnectorArn: undefined })),
    };
    assert.equal(overlayPartial(partial, full).services[0].egressType, 'DEFAULT', 'details already re-read win');
    const other = { ...emptyTopology('us-east-1'), services: [] };
    assert.equal(overlayPartial(other, full), other);
  });
});
