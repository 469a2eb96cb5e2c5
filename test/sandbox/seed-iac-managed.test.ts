// iac-managed: kyudai-api's connector and App Runner group carry CloudFormation's aws:cloudformation:* tags;
// kyudai-worker's pair carries Terraform's. Only the DB side (hand-made) misses the runbook's rule.
import assert from 'node:assert/strict';
import {
  DescribeServiceCommand,
  DescribeVpcConnectorCommand,
  ListTagsForResourceCommand,
} from '@aws-sdk/client-apprunner';
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { assertTruth, runbookIngress, tagMap, useSeed } from './seedWorld';
import { sandboxClients, seed } from './support';

const STACK_ID = /^arn:aws:cloudformation:ap-northeast-1:123456789012:stack\/campus-sns-apprunner\/[0-9a-f-]{36}$/;

describe('seed iac-managed', function () {
  this.timeout(300_000);
  useSeed('iac-managed');

  it("kyudai-api's connector and group carry CloudFormation's tags; the group has the runbook's three egress rules", async () => {
    const { appRunner, ec2 } = sandboxClients();
    const service = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().serviceArn }))).Service;
    const arn = service?.NetworkConfiguration?.EgressConfiguration?.VpcConnectorArn ?? '';
    const connectorTags = tagMap((await appRunner.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags);
    assert.equal(connectorTags['aws:cloudformation:stack-name'], 'campus-sns-apprunner');
    assert.equal(connectorTags['aws:cloudformation:logical-id'], 'VpcConnector');
    assert.match(connectorTags['aws:cloudformation:stack-id'] ?? '', STACK_ID);
    const groupId = (await appRunner.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: arn }))).VpcConnector
      ?.SecurityGroups?.[0];
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId ?? ''] })))
      .SecurityGroups?.[0];
    const tags = tagMap(group?.Tags);
    assert.equal(tags.Name, 'sg-apprunner');
    assert.equal(tags['aws:cloudformation:logical-id'], 'AppRunnerSecurityGroup');
    assert.match(tags['aws:cloudformation:stack-id'] ?? '', STACK_ID);
    assert.doesNotMatch(group?.GroupName ?? '', /^sg-/i);
    const rules = (group?.IpPermissionsEgress ?? []).map(
      (p) =>
        `${p.IpProtocol} ${p.FromPort} ${[...(p.UserIdGroupPairs ?? []).map((g) => g.GroupId), ...(p.IpRanges ?? []).map((r) => r.CidrIp)].join()}`,
    );
    assert.deepEqual(rules.sort(), [`tcp 443 0.0.0.0/0`, `tcp 5432 ${seed().sgRdsId}`, `udp 53 0.0.0.0/0`].sort());
  });

  it("kyudai-worker's connector and group carry ManagedBy=terraform", async () => {
    const { appRunner, ec2 } = sandboxClients();
    const worker = (await appRunner.send(new DescribeServiceCommand({ ServiceArn: seed().extraServiceArns?.[0] })))
      .Service;
    const arn = worker?.NetworkConfiguration?.EgressConfiguration?.VpcConnectorArn ?? '';
    assert.equal(
      tagMap((await appRunner.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags).ManagedBy,
      'terraform',
    );
    const groupId = (await appRunner.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: arn }))).VpcConnector
      ?.SecurityGroups?.[0];
    const group = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [groupId ?? ''] })))
      .SecurityGroups?.[0];
    assert.equal(tagMap(group?.Tags).ManagedBy, 'terraform');
  });

  it("ground truth: the DB's missing ingress is the only gap for kyudai-api; the worker's group has no 5432 rule", async () => {
    const api = seed().serviceArn ?? '';
    const worker = seed().extraServiceArns?.[0] ?? '';
    await assertTruth(api, { database: false, internet: true }, 'before the DB accepts 5432');
    await assertTruth(worker, { database: false, internet: true }, 'worker before');
    const { appRunner } = sandboxClients();
    const connector = (await appRunner.send(new DescribeVpcConnectorCommand({ VpcConnectorArn: seed().connectorArn })))
      .VpcConnector;
    await runbookIngress(seed().sgRdsId ?? '', connector?.SecurityGroups?.[0] ?? '');
    await assertTruth(api, { database: true, internet: true }, "after the runbook's ingress rule");
    await assertTruth(worker, { database: false, internet: true }, 'worker: its group allows only 443 out');
  });
});
