// Return traffic and AWS's documented practice of denying single ports inside the ephemeral range: a deny
// of 5432 before the allow (the sandbox case "add an ACL deny") names only the 5432 block, while a block of
// the ports Linux clients use still breaks the replies.
import assert from 'node:assert/strict';
import { analyze, ids, only } from './fixtures/analyze';
import { aclEntry, afterSetup, IDS, openAclEntries, setAcl } from './fixtures/topologyBuilder';

describe('reachability: deny entries inside the ephemeral range', () => {
  it('an inbound deny of 5432 on one shared ACL is reported as the DB port block only', () => {
    const t = afterSetup();
    const all = [IDS.appA, IDS.appC, IDS.dbA, IDS.dbC];
    setAcl(t, 'acl-shared', all, [aclEntry(50, false, 'deny', '6', '10.0.0.0/16', [5432, 5432]), ...openAclEntries()]);
    const d = analyze(t);
    assert.deepEqual(ids(d), ['nacl-denies-db-port']);
    assert.ok(only(d, 'nacl-denies-db-port').evidence.every((e) => e.id === 'acl-shared#50'));
    assert.equal(d.verdicts.internet, 'reachable');
  });

  it('a deny of the Linux client port range breaks database replies and HTTPS replies', () => {
    const t = afterSetup();
    setAcl(
      t,
      'acl-app',
      [IDS.appA, IDS.appC],
      [aclEntry(50, false, 'deny', '6', '0.0.0.0/0', [40000, 40010]), ...openAclEntries()],
    );
    const d = analyze(t);
    assert.deepEqual(ids(d).sort(), ['nacl-missing-ephemeral-return', 'nacl-missing-https-return']);
    assert.match(only(d, 'nacl-missing-ephemeral-return').evidence[0].detail, /32768-60999/);
  });
});
