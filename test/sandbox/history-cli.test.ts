// After `apply`, `apprunner-vpc history` lists the setup's calls with the caller
// identity (as STS names it); a rule revoked with the `aws` CLI shows up, newest, with its time.
import assert from 'node:assert/strict';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { awsCli, cli, useTestCredentials } from './engineSupport';
import { getSandbox, sandboxClients, seed } from './support';

interface HistoryJson {
  resources: { name: string; kind: string }[];
  events: {
    eventName: string;
    who: string;
    time: string;
    what: { en: string };
    from: { en: string };
    consoleUrl: string;
    resources: string[];
  }[];
}

describe('apprunner-vpc history (runbook 8.2)', function () {
  this.timeout(240_000);
  before(async () => {
    useTestCredentials();
    await getSandbox().reset('runbook');
  });

  it("lists Set Up's calls with the caller's ARN, then a rule revoked with the aws CLI, newest first with its time", async () => {
    const me = (await sandboxClients().sts.send(new GetCallerIdentityCommand({}))).Arn;
    const apply = await cli(['apply', '--yes']);
    assert.equal(apply.code, 0, apply.stderr);
    const first = await cli(['history', '--json']);
    assert.equal(first.code, 0, first.stderr);
    const history = JSON.parse(first.stdout) as HistoryJson;
    assert.deepEqual(history.resources.map((r) => r.kind).slice(0, 2), ['service', 'connector']);
    const names = history.events.map((e) => e.eventName);
    for (const op of [
      'CreateSecurityGroup',
      'AuthorizeSecurityGroupEgress',
      'RevokeSecurityGroupEgress',
      'AuthorizeSecurityGroupIngress',
      'CreateVpcConnector',
      'UpdateService',
    ]) {
      assert.ok(names.includes(op), `${op} in ${names.join()}`);
    }
    for (const e of history.events) assert.equal(e.who, me);
    assert.ok(
      history.events.some((e) => e.what.en === 'egress set to VPC through connector campus-sns-vpc-connector'),
      history.events.map((e) => e.what.en).join(' | '),
    );
    assert.ok(history.events.some((e) => /^ingress tcp 5432 from sg-[0-9a-f]+ authorized$/.test(e.what.en)));

    const ingress = history.events.find((e) => e.eventName === 'AuthorizeSecurityGroupIngress');
    const appGroup = /from (sg-[0-9a-f]+)/.exec(ingress?.what.en ?? '')?.[1] ?? '';
    const before = Date.now();
    await awsCli([
      'ec2',
      'revoke-security-group-ingress',
      '--group-id',
      seed().sgRdsId ?? '',
      '--protocol',
      'tcp',
      '--port',
      '5432',
      '--source-group',
      appGroup,
    ]);
    const after = Date.now();
    const second = JSON.parse(
      (await cli(['history', '--json', '--resource', seed().sgRdsId ?? ''])).stdout,
    ) as HistoryJson;
    const [latest] = second.events;
    assert.equal(latest?.eventName, 'RevokeSecurityGroupIngress');
    assert.equal(latest?.what.en, `ingress tcp 5432 from ${appGroup} revoked`);
    assert.equal(latest?.who, me);
    assert.equal(latest?.from.en, '127.0.0.1');
    const at = Date.parse(latest?.time ?? '');
    assert.ok(at >= before - 1000 && at <= after, `${latest?.time} between the call's start and end`);
    const text = await cli(['history', '--resource', seed().sgRdsId ?? '']);
    assert.match(text.stdout, /ingress tcp 5432 from sg-[0-9a-f]+ revoked/);
    assert.match(text.stdout, /cloudtrailv2\/home\?region=ap-northeast-1#\/events\//);
  });
});
