// `apprunner-vpc migrate --to ecs-express`: the plan, the apply, the database path on the Express endpoint,
// the App Runner service unchanged (read through the API before and after), a re-run that writes nothing, and
// faults that converge on re-run with no duplicate role, group or service. On the runbook seed after Set Up
// (a connector), on its DEFAULT-egress start, and on the dual-stack and cdk-default seeds (a DB group CloudFormation owns).
import assert from 'node:assert/strict';
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import { AuthorizeSecurityGroupIngressCommand, DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import { DescribeExpressGatewayServiceCommand, ECSClient } from '@aws-sdk/client-ecs';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { applyRunbookSetupAt } from '../support/runbookSetup';
import { cli, useTestCredentials } from './engineSupport';
import { assertConnected, dbHealth } from './seedSupport';
import { admin, getSandbox, sandboxClients, seed, TEST_CREDENTIALS, TEST_REGION, waitFor } from './support';

const ARN = (name: string) => `arn:aws:ecs:${TEST_REGION}:123456789012:service/default/${name}`;

function clients(): { ecs: ECSClient; iam: IAMClient } {
  const config = {
    region: TEST_REGION,
    endpoint: getSandbox().endpoint,
    credentials: TEST_CREDENTIALS,
    maxAttempts: 1,
  };
  return { ecs: new ECSClient(config), iam: new IAMClient(config) };
}

/** DescribeService as a user would compare it: everything App Runner says about the service. */
async function appRunnerService(name = 'kyudai-api'): Promise<unknown> {
  const arn = name === 'kyudai-api' ? seed().serviceArn : name;
  const out = await sandboxClients().appRunner.send(new DescribeServiceCommand({ ServiceArn: arn }));
  return out.Service;
}

async function writeEvents(): Promise<number> {
  return (await admin<{ events: unknown[] }>('GET', 'events')).events.length;
}

/** The Express app's db-health, as a client inside the service's VPC (its endpoint is PRIVATE). */
async function expressDbHealth(name = 'kyudai-api') {
  const out = await clients().ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: ARN(name) }));
  const endpoint = out.service?.activeConfigurations?.[0]?.ingressPaths?.[0]?.endpoint ?? '';
  const id = /\/_apps\/([0-9a-f]{32})$/.exec(endpoint)?.[1] ?? '';
  await waitFor(
    'express serving',
    async () => ((await dbHealth(getSandbox(), id, seed().vpcId)).status === 200 ? true : undefined),
    10_000,
    100,
  );
  return dbHealth(getSandbox(), id, seed().vpcId);
}

async function countOf(): Promise<{ roles: string[]; taskGroups: number }> {
  const roles = (await clients().iam.send(new ListRolesCommand({}))).Roles ?? [];
  const groups = await sandboxClients().ec2.send(
    new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['kyudai-api-ecs-tasks'] }] }),
  );
  return {
    roles: roles
      .map((r) => r.RoleName ?? '')
      .filter((n) => /ecs/i.test(n))
      .sort(),
    taskGroups: (groups.SecurityGroups ?? []).length,
  };
}

/** Plan (exit 2), apply (exit 0), db-health connected, App Runner unchanged, re-run plans nothing and writes nothing. */
async function migrateAndCheck(why: string): Promise<void> {
  const before = await appRunnerService();
  const planned = await cli(['migrate', '--service', 'kyudai-api']);
  assert.equal(planned.code, 2, `${why}: ${planned.stderr}`);
  assert.match(planned.stdout, /create-express-service/);
  const applied = await cli(['migrate', '--to', 'ecs-express', '--service', 'kyudai-api', '--yes']);
  assert.equal(applied.code, 0, `${why}: ${applied.stdout}\n${applied.stderr}`);
  assert.match(applied.stdout, /Cut-over checklist/);
  assertConnected(await expressDbHealth(), why);
  assert.deepEqual(await appRunnerService(), before, `${why}: the App Runner service is unchanged`);
  const writes = await writeEvents();
  const again = await cli(['migrate', '--service', 'kyudai-api']);
  assert.equal(again.code, 0, `${why}: a re-run plans nothing\n${again.stdout}`);
  const reapplied = await cli(['migrate', '--service', 'kyudai-api', '--yes']);
  assert.equal(reapplied.code, 0, reapplied.stderr);
  assert.equal(await writeEvents(), writes, `${why}: re-applying made no write`);
}

describe('migrate --to ecs-express', function () {
  this.timeout(120_000);
  before(() => useTestCredentials());

  describe('the runbook seed after Set Up (a VPC connector)', () => {
    before(async () => {
      await getSandbox().reset('runbook');
      await applyRunbookSetupAt(getSandbox().endpoint);
    });

    it("keeps the connector's subnets and group: no rule change, db-health connected, App Runner unchanged", async () => {
      const json = await cli(['migrate', '--json']);
      const plan = JSON.parse(json.stdout).plan;
      assert.deepEqual(plan.network.steps, [], 'no network change');
      await migrateAndCheck('runbook after setup');
      assert.deepEqual(await countOf(), {
        roles: ['ecsInfrastructureRoleForExpressServices', 'kyudai-api-ecs-task-execution'],
        taskGroups: 0,
      });
    });
  });

  describe('the runbook seed before Set Up (DEFAULT egress)', () => {
    before(async () => getSandbox().reset('runbook'));
    after(async () => getSandbox().clearFaults());

    it('converges after faults on the way, with no duplicate role, group or service', async () => {
      await getSandbox().setFaults({
        // Refusals the SDK does not retry (a throttle or a 5xx would be retried and pass).
        failNth: [
          { operation: 'AttachRolePolicy', nth: 1, error: { code: 'AccessDenied', status: 403, message: 'denied' } },
          {
            operation: 'CreateExpressGatewayService',
            nth: 1,
            service: 'ecs',
            error: { code: 'AccessDeniedException', status: 400, message: 'denied' },
          },
        ],
      });
      const first = await cli(['migrate', '--yes']);
      assert.equal(first.code, 1, 'the injected AttachRolePolicy failure stops the run');
      const second = await cli(['migrate', '--yes']);
      assert.equal(second.code, 1, 'the injected CreateExpressGatewayService failure stops the second run');
      await getSandbox().clearFaults();
      const plan = await cli(['migrate']);
      assert.equal(plan.code, 2);
      assert.doesNotMatch(plan.stdout, /create-security-group|iam:CreateRole/, 'group and roles were made already');
      const third = await cli(['migrate', '--yes']);
      assert.equal(third.code, 0, third.stdout + third.stderr);
      assertConnected(await expressDbHealth(), 'after the faults');
      assert.deepEqual(await countOf(), {
        roles: ['ecsInfrastructureRoleForExpressServices', 'kyudai-api-ecs-task-execution'],
        taskGroups: 1,
      });
    });

    it('says the internet now goes through NAT, and the tasks reach it through the private subnets', async () => {
      const plan = await cli(['migrate']);
      assert.equal(plan.code, 0, 'converged already');
      const out = await clients().ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: ARN('kyudai-api') }));
      const endpoint = out.service?.activeConfigurations?.[0]?.ingressPaths?.[0]?.endpoint ?? '';
      const res = await fetch(`http://${endpoint}/api/v1/egress-health`, {
        headers: { 'x-sandbox-source-vpc': seed().vpcId ?? '' },
      });
      assert.equal(((await res.json()) as { internet: boolean }).internet, true);
    });
  });

  describe('the cdk-default seed (DEFAULT egress, the DB group owned by CloudFormation)', () => {
    before(async function () {
      this.timeout(120_000);
      await getSandbox().reset('cdk-default');
    });
    after(async function () {
      this.timeout(120_000);
      await getSandbox().reset('runbook');
    });

    it("leaves the stack's DB group alone and says so; once the stack allows the task group, db-health connects", async () => {
      const before = await appRunnerService();
      const json = JSON.parse((await cli(['migrate', '--json'])).stdout);
      const request = json.plan.steps.find((s: { kind: string }) => s.kind === 'create-express-service').request;
      const isolated = seed().isolatedSubnetIds ?? [];
      assert.ok(
        request.networkConfiguration.subnets.every((s: string) => !isolated.includes(s)),
        'never the isolated subnets (no internet)',
      );
      assert.ok(json.plan.warnings.some((w: { code: string }) => w.code === 'iac-owned-resource'));
      assert.ok(!json.plan.network.steps.some((s: { kind: string }) => s.kind === 'authorize-ingress'));
      const applied = await cli(['migrate', '--yes']);
      assert.equal(applied.code, 0, applied.stderr);
      const h = await expressDbHealth();
      assert.equal(h.body.status, 'unhealthy', 'the rule is the stack’s to add');
      // What the stack's owner adds (a template change), done here with EC2 directly.
      const groups = await sandboxClients().ec2.send(
        new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['kyudai-api-ecs-tasks'] }] }),
      );
      await sandboxClients().ec2.send(
        new AuthorizeSecurityGroupIngressCommand({
          GroupId: seed().sgRdsId,
          IpPermissions: [
            {
              IpProtocol: 'tcp',
              FromPort: 5432,
              ToPort: 5432,
              UserIdGroupPairs: [{ GroupId: groups.SecurityGroups?.[0]?.GroupId }],
            },
          ],
        }),
      );
      assertConnected(await expressDbHealth(), 'after the stack allows the task group');
      assert.deepEqual(await appRunnerService(), before);
    });
  });

  describe('the secrets seed (DATABASE_URL from Secrets Manager)', () => {
    before(async function () {
      this.timeout(120_000);
      await getSandbox().reset('secrets');
    });
    after(async function () {
      this.timeout(120_000);
      await getSandbox().reset('runbook');
    });

    it('carries the secret reference, lets the execution role read exactly that secret, and connects', async () => {
      const json = JSON.parse((await cli(['migrate', '--json'])).stdout);
      const put = json.plan.steps.find((s: { kind: string }) => s.kind === 'put-role-policy');
      assert.deepEqual(JSON.parse(put.document).Statement[0].Resource, [seed().secretArn]);
      const applied = await cli(['migrate', '--yes']);
      assert.equal(applied.code, 0, applied.stderr);
      assertConnected(await expressDbHealth(), 'DATABASE_URL resolved from the secret by the Express task');
      const again = await cli(['migrate']);
      assert.equal(again.code, 0, again.stdout);
    });
  });

  for (const name of ['dual-stack'] as const) {
    describe(`the ${name} seed (DEFAULT egress)`, () => {
      before(async function () {
        this.timeout(120_000);
        await getSandbox().reset(name);
      });
      after(async function () {
        this.timeout(120_000);
        await getSandbox().reset('runbook');
      });

      it('plans a task group in subnets with a way out, applies, db-health connected, App Runner unchanged', async () => {
        const json = JSON.parse((await cli(['migrate', '--json'])).stdout);
        const request = json.plan.steps.find((s: { kind: string }) => s.kind === 'create-express-service').request;
        assert.ok(
          request.networkConfiguration.subnets.every((s: string) => seed().privateSubnetIds.includes(s)),
          'the private subnets routed to a NAT',
        );
        assert.ok(json.plan.warnings.some((w: { code: string }) => w.code === 'default-egress-moves-into-vpc'));
        await migrateAndCheck(name);
      });
    });
  }
});
