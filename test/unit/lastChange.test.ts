// The diagram's "Last change" (runbook 8.2): which resource an element's history is read for, and the line the
// details pane shows for the lookup's outcome, a denied lookup included.
import assert from 'node:assert/strict';
import { historySubject, wantsHistory } from '../../src/model/diagram/historySubject';
import type { DiagramEdge, DiagramModel, DiagramNode } from '../../src/model/diagram/types';
import { changeHistory } from '../../src/model/ops/changeHistory';
import { lastChangeText } from '../../src/model/ops/lastChange';

const ok = { state: 'ok' as const, reason: { en: '', ja: '' }, notes: [] };
const node = (id: string, kind: DiagramNode['kind'], resourceId?: string): DiagramNode => ({
  id,
  kind,
  label: id,
  details: [],
  ...ok,
  ...(resourceId ? { resourceId } : {}),
});
const edge = (id: string, kind: DiagramEdge['kind'], from: string, to: string, broken = false): DiagramEdge => ({
  id,
  kind,
  from,
  to,
  ...ok,
  ...(broken ? { state: 'broken' as const } : {}),
});

const SERVICE = 'arn:aws:apprunner:ap-northeast-1:123456789012:service/kyudai-api/abc';
const CONNECTOR = 'arn:aws:apprunner:ap-northeast-1:123456789012:vpcconnector/campus-sns-vpc-connector/1/def';
const MODEL: DiagramModel = {
  serviceName: 'kyudai-api',
  services: ['kyudai-api'],
  loadedAt: '2026-11-30T12:00:00Z',
  nodes: [
    node('internet', 'internet'),
    node('service:kyudai-api', 'service', SERVICE),
    node('connector', 'connector', CONNECTOR),
    node('sg-app', 'sg-app', 'sg-app1'),
    node('sg-db', 'sg-db', 'sg-db1'),
    node('db', 'db', 'kyudai-db'),
  ],
  edges: [
    edge('db-ingress', 'db-ingress', 'sg-db', 'db', true),
    edge('db-egress', 'db-egress', 'sg-app', 'sg-db'),
    edge('attach:kyudai-api', 'attach', 'service:kyudai-api', 'connector'),
    edge('uses-group', 'uses-group', 'connector', 'sg-app'),
    edge('route:subnet:a->nat:n', 'route', 'subnet:a', 'nat:n', true),
  ],
};

describe("the diagram's last change (runbook 8.2)", () => {
  it("reads a line's history on the resource that holds its rule, a box's on itself; routes and the internet ask nothing", () => {
    assert.deepEqual(
      [
        'db-ingress',
        'db-egress',
        'attach:kyudai-api',
        'uses-group',
        'sg-db',
        'db',
        'internet',
        'route:subnet:a->nat:n',
        'nope',
      ].map((id) => historySubject(MODEL, id)),
      ['sg-db1', 'sg-app1', SERVICE, CONNECTOR, 'sg-db1', 'kyudai-db', undefined, undefined, undefined],
    );
  });

  it('only elements that show a problem ask CloudTrail', () => {
    assert.equal(wantsHistory(MODEL, 'db-ingress'), true);
    assert.equal(wantsHistory(MODEL, 'db-egress'), false);
    assert.equal(wantsHistory(MODEL, 'missing'), false);
  });

  it('names the revocation, the caller and when; a denied lookup names the permission; no event says so', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    const rows = changeHistory(
      [
        {
          eventId: 'e1',
          eventName: 'RevokeSecurityGroupIngress',
          eventTime: now - 3 * 3_600_000,
          resources: [{ type: 'AWS::EC2::SecurityGroup', name: 'sg-db1' }],
          cloudTrailEvent: JSON.stringify({
            userIdentity: { arn: 'arn:aws:iam::123456789012:user/alice' },
            requestParameters: {
              groupId: 'sg-db1',
              ipPermissions: {
                items: [
                  { ipProtocol: 'tcp', fromPort: 5432, toPort: 5432, groups: { items: [{ groupId: 'sg-app1' }] } },
                ],
              },
            },
          }),
        },
      ],
      'ap-northeast-1',
      now,
    );
    assert.equal(
      lastChangeText({ rows }, 'sg-db1').en,
      'ingress tcp 5432 from sg-app1 revoked by arn:aws:iam::123456789012:user/alice 3 hours ago',
    );
    const denied = Object.assign(new Error('User is not authorized to perform: cloudtrail:LookupEvents'), {
      name: 'AccessDeniedException',
    });
    assert.equal(lastChangeText({ error: denied }, 'sg-db1').en, 'no cloudtrail:LookupEvents permission');
    assert.match(lastChangeText({ error: denied }, 'sg-db1').ja, /cloudtrail:LookupEvents の権限がありません/);
    assert.equal(
      lastChangeText({ rows: [] }, 'sg-db1').en,
      "no change to sg-db1 in CloudTrail's event history (90 days)",
    );
    const failed = Object.assign(new Error('password=hunter2secret is wrong'), { name: 'InternalFailure' });
    assert.doesNotMatch(lastChangeText({ error: failed }, 'sg-db1').en, /hunter2secret/);
  });
});
