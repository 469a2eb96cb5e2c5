// The iac-managed seed: "no write call on a tagged resource (the sandbox's call log shows none)". Every
// resource tagged by CloudFormation (aws:cloudformation:*) or Terraform (ManagedBy=terraform) is listed before
// Set Up; `apply --yes` runs; then no write call the sandbox recorded (its CloudTrail-shaped record, which sees
// every AWS call the tool makes) names one of them. The seed has no unused connector, so the unused-connector
// fix has nothing to do here (diagnose is checked not to propose it).
import assert from 'node:assert/strict';
import { ListTagsForResourceCommand, ListServicesCommand, ListVpcConnectorsCommand } from '@aws-sdk/client-apprunner';
import { DescribeTagsCommand } from '@aws-sdk/client-ec2';
import { cli, useTestCredentials } from './engineSupport';
import { admin, getSandbox, sandboxClients, seed } from './support';

interface RecordedEvent {
  EventName: string;
  Resources: { ResourceType: string; ResourceName: string }[];
  CloudTrailEvent: string;
}

function isIacTag(key: string, value: string): boolean {
  return (
    key.startsWith('aws:cloudformation:') || (/^managed[-_]?by$/i.test(key) && /terraform|pulumi|cdk/i.test(value))
  );
}

/** Ids and ARNs of every EC2 and App Runner resource an IaC tool owns. */
async function iacOwned(): Promise<Set<string>> {
  const { ec2, appRunner } = sandboxClients();
  const owned = new Set<string>();
  let token: string | undefined;
  do {
    const page = await ec2.send(new DescribeTagsCommand({ MaxResults: 1000, NextToken: token }));
    for (const t of page.Tags ?? []) if (isIacTag(t.Key ?? '', t.Value ?? '')) owned.add(t.ResourceId ?? '');
    token = page.NextToken;
  } while (token);
  const connectors = (await appRunner.send(new ListVpcConnectorsCommand({ MaxResults: 100 }))).VpcConnectors ?? [];
  const services = (await appRunner.send(new ListServicesCommand({ MaxResults: 20 }))).ServiceSummaryList ?? [];
  for (const arn of [...connectors.map((c) => c.VpcConnectorArn), ...services.map((s) => s.ServiceArn)]) {
    const tags = (await appRunner.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags ?? [];
    if (tags.some((t) => isIacTag(t.Key ?? '', t.Value ?? ''))) owned.add(arn ?? '');
  }
  return owned;
}

describe('iac-managed: the call record shows no write call on an IaC-tagged resource', function () {
  this.timeout(240_000);
  before(async () => {
    useTestCredentials();
    await getSandbox().reset('iac-managed');
  });
  after(async () => {
    await getSandbox().reset('runbook');
  });

  it('apply --yes writes, and none of its recorded writes names a resource CloudFormation or Terraform owns', async () => {
    const owned = await iacOwned();
    assert.ok(
      owned.has(seed().appRunnerGroupId ?? '') && owned.has(seed().connectorArn ?? ''),
      `the seed's stack resources are tagged: ${[...owned].join(', ')}`,
    );
    const apply = await cli(['apply', '--yes', '--service', 'kyudai-api']);
    assert.equal(apply.code, 0, `${apply.stdout}\n${apply.stderr}`);
    const events = (await admin<{ events: RecordedEvent[] }>('GET', 'events')).events;
    // Not vacuous: Set Up did write (at least the DB side the stack left out).
    assert.ok(
      events.some(
        (e) =>
          e.EventName === 'AuthorizeSecurityGroupIngress' && e.Resources.some((r) => r.ResourceName === seed().sgRdsId),
      ),
      events.map((e) => e.EventName).join(),
    );
    const offending = events.filter((e) => e.Resources.some((r) => owned.has(r.ResourceName)));
    assert.deepEqual(
      offending.map((e) => `${e.EventName} ${e.Resources.map((r) => r.ResourceName).join()}`),
      [],
    );
    // The same with the request parameters: no write names an owned id anywhere in what it sent.
    const mentions = events.filter((e) =>
      [...owned].some(
        (id) =>
          JSON.stringify(JSON.parse(e.CloudTrailEvent).requestParameters).includes(`"${id}"`) &&
          !/Ingress$|Egress$/.test(e.EventName),
      ),
    );
    assert.deepEqual(
      mentions.map((e) => e.EventName),
      [],
    );
    const diagnosis = await cli(['diagnose', '--json', '--service', 'kyudai-api']);
    assert.doesNotMatch(diagnosis.stdout, /"unused-connector"/);
  });
});
