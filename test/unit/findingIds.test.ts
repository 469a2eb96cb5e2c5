import assert from 'node:assert/strict';
import { CHECKS } from '../../src/model/diagnosis/diagnosisChecks';
import { FINDING_CATALOG, isFindingId, type FindingId } from '../../src/model/diagnosis/findingIds';
import { EDGE_FINDINGS, EDGE_FINDING_IDS, FINDING_EDGES } from '../../src/model/diagram/findingMap';

/**
 * Findings that stop the analysis before any path is looked at: the service's own check lists them, but they
 * carry the database path, where the checklist and the database lens look for what blocks the connection.
 */
const BEFORE_ANY_PATH: readonly FindingId[] = ['service-not-found', 'service-details-missing'];

describe('finding ids', () => {
  it('every catalogued finding belongs to exactly one check, on the path the catalog gives it', () => {
    for (const id of Object.keys(FINDING_CATALOG) as FindingId[]) {
      const owners = CHECKS.filter((c) => c.findingIds.includes(id));
      assert.equal(owners.length, 1, `${id} is listed by ${owners.length} checks`);
      const expected = BEFORE_ANY_PATH.includes(id) ? 'availability' : FINDING_CATALOG[id].path;
      assert.equal(owners[0].path, expected, id);
    }
  });

  it('the diagram draws only catalogued findings, and isFindingId refuses anything else', () => {
    for (const id of EDGE_FINDING_IDS) assert.ok(isFindingId(id), id);
    assert.equal(isFindingId('sg-egress-missing-db-prot'), false);
    assert.equal(isFindingId('toString'), false);
  });

  it('places every finding once: on its edges, or on a node', () => {
    assert.deepEqual(Object.keys(FINDING_EDGES).sort(), Object.keys(FINDING_CATALOG).sort());
    assert.deepEqual(EDGE_FINDINGS.attach, [
      'egress-not-vpc',
      'connector-missing',
      'connector-inactive',
      'connector-other-vpc',
    ]);
    assert.ok(EDGE_FINDINGS['db-egress']?.includes('dns-support-off'));
    assert.ok(EDGE_FINDINGS.internet?.includes('dns-support-off'));
    assert.equal(EDGE_FINDING_IDS.has('single-az'), false);
  });
});
