// The seed registry through the admin endpoint: the list of seeds, switching seeds with POST /_sandbox/reset,
// and an unknown name refused without touching the world.
import assert from 'node:assert/strict';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { admin, getSandbox, sandboxClients, seed } from './support';

describe('sandbox seed registry', function () {
  this.timeout(120_000);

  after(async () => {
    await getSandbox().reset('runbook');
  });

  it('lists every seed with a summary, and the current one', async () => {
    await getSandbox().reset('runbook');
    const list = await admin<{ current: string; seeds: { name: string; summary: string }[] }>('GET', 'seeds');
    assert.equal(list.current, 'runbook');
    const names = list.seeds.map((s) => s.name);
    for (const name of [
      'runbook',
      'empty',
      'scale',
      'cdk-default',
      'tf-module',
      'dual-stack',
      'shared-default',
      'iac-managed',
      'brownfield',
    ]) {
      assert.ok(names.includes(name), name);
    }
    assert.ok(list.seeds.every((s) => s.summary.length > 10));
  });

  it('refuses an unknown seed with 400 and keeps the world as it was', async () => {
    const before = seed().vpcId;
    const res = await fetch(`${getSandbox().adminUrl}/reset`, {
      method: 'POST',
      body: JSON.stringify({ seed: 'no-such-seed' }),
    });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /unknown seed "no-such-seed".*cdk-default/);
    assert.equal(seed().seed, 'runbook');
    const vpcs = await sandboxClients().ec2.send(new DescribeVpcsCommand({ VpcIds: [before ?? ''] }));
    assert.equal(vpcs.Vpcs?.length, 1, 'the runbook VPC is still there');
  });

  it('switches seeds with POST /_sandbox/reset {"seed"} and keeps the new one for plain resets', async () => {
    const switched = await admin<{ seed: { seed: string } }>('POST', 'reset', { seed: 'empty' });
    assert.equal(switched.seed.seed, 'empty');
    await admin('POST', 'reset');
    assert.equal(seed().seed, 'empty');
    const vpcs = await sandboxClients().ec2.send(new DescribeVpcsCommand({}));
    assert.deepEqual(
      vpcs.Vpcs?.map((v) => v.IsDefault),
      [true],
      'only the default VPC',
    );
  });
});
