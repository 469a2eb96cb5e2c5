import assert from 'node:assert/strict';
import {
  cidrContains,
  cidrCovers,
  cidrOverlaps,
  coversText,
  formatCidr,
  isWorld,
  parseCidr,
} from '../../src/model/topology/cidr';

function cidr(text: string) {
  const c = parseCidr(text);
  assert.ok(c, `parses ${text}`);
  return c;
}

describe('cidr', () => {
  it('parses IPv4 CIDRs and clears host bits', () => {
    const c = cidr('10.0.1.77/24');
    assert.equal(c.family, 4);
    assert.equal(c.prefix, 24);
    assert.equal(formatCidr(c), '10.0.1.0/24');
  });

  it('treats a bare address as a full-length range', () => {
    assert.equal(cidr('10.0.1.5').prefix, 32);
    assert.equal(cidr('2001:db8::1').prefix, 128);
  });

  it('rejects junk', () => {
    for (const bad of [
      '',
      '10.0.0/8',
      '10.0.0.256/8',
      '10.0.0.0/33',
      '10.0.0.0/8/1',
      'abc',
      '2001:db8:::1/64',
      '1:2:3:4:5:6:7:8:9/64',
      '::/129',
    ]) {
      assert.equal(parseCidr(bad), undefined, bad);
    }
    assert.equal(parseCidr(undefined), undefined);
  });

  it('parses IPv6 with compression and an embedded IPv4 tail', () => {
    assert.equal(formatCidr(cidr('2001:db8::/32')), '2001:db8:0:0:0:0:0:0/32');
    assert.ok(cidrContains(cidr('::ffff:0:0/96'), '::ffff:10.0.0.1'));
    assert.ok(cidrCovers(cidr('::/0'), cidr('2406:da14::/56')));
  });

  it('answers covers, overlaps and contains', () => {
    assert.ok(cidrCovers(cidr('10.0.0.0/16'), cidr('10.0.1.0/24')));
    assert.ok(!cidrCovers(cidr('10.0.1.0/24'), cidr('10.0.0.0/16')));
    assert.ok(cidrOverlaps(cidr('10.0.1.0/24'), cidr('10.0.0.0/16')));
    assert.ok(!cidrOverlaps(cidr('10.0.1.0/24'), cidr('10.0.2.0/24')));
    assert.ok(cidrContains(cidr('10.0.1.0/24'), '10.0.1.255'));
    assert.ok(!cidrContains(cidr('10.0.1.0/24'), '10.0.2.0'));
    assert.ok(!cidrContains(cidr('10.0.1.0/24'), '10.0.1.0/25'), 'a range is not an address');
  });

  it('never mixes families', () => {
    assert.ok(!cidrCovers(cidr('::/0'), cidr('10.0.0.0/8')));
    assert.ok(!cidrCovers(cidr('0.0.0.0/0'), cidr('2001:db8::/32')));
    assert.ok(!coversText('0.0.0.0/0', '::1'));
  });

  it('recognises the whole internet in either family', () => {
    assert.ok(isWorld('0.0.0.0/0'));
    assert.ok(isWorld('::/0'));
    assert.ok(!isWorld('10.0.0.0/8'));
    assert.ok(!isWorld(undefined));
  });
});
