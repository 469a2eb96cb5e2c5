// NextToken pagination at the API maxima: 45 services come in pages of 20, 20 and 5; ListVpcConnectors
// honours MaxResults.
import assert from 'node:assert/strict';
import * as ar from '@aws-sdk/client-apprunner';
import { CreateSecurityGroupCommand } from '@aws-sdk/client-ec2';
import { getSandbox, sandboxClients, seed, TEST_IMAGE } from './support';

describe('sandbox pagination', function () {
  this.timeout(30_000);
  let appRunner: ar.AppRunnerClient;

  before(async () => {
    await getSandbox().reset();
    ({ appRunner } = sandboxClients());
  });

  it('lists 45 services in three pages of 20, 20 and 5', async () => {
    const creations = [];
    for (let i = 1; i <= 44; i++) {
      creations.push(
        appRunner.send(
          new ar.CreateServiceCommand({
            ServiceName: `page-svc-${String(i).padStart(2, '0')}`,
            SourceConfiguration: {
              ImageRepository: { ImageIdentifier: TEST_IMAGE, ImageRepositoryType: 'ECR_PUBLIC' },
              AutoDeploymentsEnabled: false,
            },
          }),
        ),
      );
    }
    await Promise.all(creations);
    const sizes: number[] = [];
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await appRunner.send(new ar.ListServicesCommand({ MaxResults: 20, NextToken: token }));
      sizes.push(page.ServiceSummaryList?.length ?? 0);
      names.push(...(page.ServiceSummaryList ?? []).map((s) => s.ServiceName ?? ''));
      token = page.NextToken;
    } while (token);
    assert.deepEqual(sizes, [20, 20, 5]);
    assert.equal(new Set(names).size, 45);
    assert.ok(names.includes('kyudai-api'));
  });

  it('returns everything in one response without MaxResults, as the model documents', async () => {
    const all = await appRunner.send(new ar.ListServicesCommand({}));
    assert.equal(all.ServiceSummaryList?.length, 45);
    assert.equal(all.NextToken, undefined);
    const pages: number[] = [];
    for await (const page of ar.paginateListServices({ client: appRunner, pageSize: 20 }, {}))
      pages.push(page.ServiceSummaryList?.length ?? 0);
    assert.deepEqual(pages, [20, 20, 5]);
  });

  it('ListVpcConnectors honours MaxResults', async () => {
    const { ec2 } = sandboxClients();
    const sg = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'pages-test', Description: 'pages', VpcId: seed().vpcId }),
    );
    for (let i = 1; i <= 5; i++) {
      await appRunner.send(
        new ar.CreateVpcConnectorCommand({
          VpcConnectorName: `page-conn-${i}`,
          Subnets: seed().privateSubnetIds,
          SecurityGroups: [sg.GroupId ?? ''],
        }),
      );
    }
    const first = await appRunner.send(new ar.ListVpcConnectorsCommand({ MaxResults: 2 }));
    const second = await appRunner.send(new ar.ListVpcConnectorsCommand({ MaxResults: 2, NextToken: first.NextToken }));
    const third = await appRunner.send(new ar.ListVpcConnectorsCommand({ MaxResults: 2, NextToken: second.NextToken }));
    assert.deepEqual(
      [first, second, third].map((p) => p.VpcConnectors?.length),
      [2, 2, 1],
    );
    assert.equal(third.NextToken, undefined);
    const all = await appRunner.send(new ar.ListVpcConnectorsCommand({ MaxResults: 100 }));
    assert.equal(all.VpcConnectors?.length, 5);
    assert.equal(all.NextToken, undefined);
  });
});
