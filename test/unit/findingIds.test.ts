import assert from 'node:assert/strict';
import { CHECKS } from '../../src/model/diagnosis/diagnosisChecks';
import { FINDING_CATALOG, isFindingId, type FindingId } from '../../src/model/diagnosis/findingIds';
import { EDGE_FINDING_IDS } from '../../src/model/diagram/findingMap';

describe('finding ids', () => {
  it('every catalogued finding belongs to exactly one check, on the path the catalog gives it', () => {
    for (const id of Object.keys(FINDING_CATALOG) as FindingId[]) {
      const owners = CHECKS.filter((c) => c.findingIds.includes(id));
      assert.equal(owners.length, 1, `${id} is listed by ${owners.length} checks`);
      assert.equal(owners[0].path, FINDING_CATALOG[id].path, id);
    }
  });

  it('the diagram draws only catalogued findings, and isFindingId refuses anything else', () => {
    for (const id of EDGE_FINDING_IDS) assert.ok(isFindingId(id), id);
    assert.equal(isFindingId('sg-egress-missing-db-prot'), false);
    assert.equal(isFindingId('toString'), false);
  });
});
