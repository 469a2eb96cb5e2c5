import assert from 'node:assert/strict';
import { formatCidr, parseCidr } from '../../src/model/topology/cidr';
import { boxesFor, protocolKey, rulePorts, subtractFromBox } from '../../src/model/topology/trafficSpace';

const c = (text: string) => parseCidr(text) ?? assert.fail(text);

describe('trafficSpace', () => {
  it('subtracting a /26 from a /24 leaves its two siblings, with the ports untouched', () => {
    const [box] = boxesFor(['10.0.1.0/24'], { from: 5432, to: 5432 });
    const rest = subtractFromBox(box, c('10.0.1.64/26'), { from: 0, to: 65535 });
    assert.deepEqual(rest.map((b) => formatCidr(b.cidr)).sort(), ['10.0.1.0/26', '10.0.1.128/25']);
  });

  it('subtracting part of the ports leaves the ports on either side', () => {
    const [box] = boxesFor(['10.0.1.0/24'], { from: 1024, to: 65535 });
    const rest = subtractFromBox(box, c('0.0.0.0/0'), { from: 2000, to: 3000 });
    assert.deepEqual(
      rest.map((b) => [formatCidr(b.cidr), b.ports.from, b.ports.to]),
      [
        ['10.0.1.0/24', 1024, 1999],
        ['10.0.1.0/24', 3001, 65535],
      ],
    );
  });

  it('subtracting the pieces again leaves nothing (IPv6 too)', () => {
    const ports = { from: 443, to: 443 };
    let boxes = boxesFor(['2406:da14::/56'], ports);
    boxes = boxes.flatMap((b) => subtractFromBox(b, c('2406:da14:0:1::/64'), ports));
    assert.equal(boxes.length, 8);
    const again = boxes
      .flatMap((b) => subtractFromBox(b, c('2406:da14::/57'), ports))
      .flatMap((b) => subtractFromBox(b, c('2406:da14:0:80::/57'), ports));
    assert.deepEqual(again, []);
  });

  it('leaves a disjoint box alone', () => {
    const [box] = boxesFor(['10.0.1.0/24'], { from: 5432, to: 5432 });
    assert.deepEqual(subtractFromBox(box, c('10.0.2.0/24'), { from: 0, to: 65535 }), [box]);
  });

  it('normalises protocols and rule ports', () => {
    assert.deepEqual(['6', 'TCP', '17', 'udp', '-1', 'all', '1'].map(protocolKey), [
      'tcp',
      'tcp',
      'udp',
      'udp',
      'all',
      'all',
      '1',
    ]);
    assert.deepEqual(rulePorts('-1', 22, 22), { from: 0, to: 65535 });
    assert.deepEqual(rulePorts('tcp', -1, -1), { from: 0, to: 65535 });
    assert.deepEqual(rulePorts('6', 5432, undefined), { from: 5432, to: 5432 });
  });
});
