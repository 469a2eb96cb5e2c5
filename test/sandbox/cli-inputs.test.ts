import assert from 'node:assert/strict';
import { CreateSubnetCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { createServer } from 'node:net';
import { cli, useTestCredentials, writeCallCount, type CliRun } from './engineSupport';
import { getSandbox, resetCallCounts, sandboxClients, seed } from './support';

/** A loopback port with nothing listening (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function assertOneLineError(run: CliRun, pattern: RegExp): void {
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got: ${run.stderr}`);
  assert.match(lines[0], /^apprunner-vpc: /);
  assert.match(lines[0], pattern);
}

describe('apprunner-vpc refuses bad input with one line and creates nothing', function () {
  let sameAzSubnet = '';
  let otherVpcSubnets: string[] = [];

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
    const { ec2 } = sandboxClients();
    // A second private subnet in ap-northeast-1a (main route table: no internet gateway route).
    const made = await ec2.send(
      new CreateSubnetCommand({ VpcId: seed().vpcId, CidrBlock: '10.0.77.0/24', AvailabilityZone: 'ap-northeast-1a' }),
    );
    sameAzSubnet = made.Subnet?.SubnetId ?? '';
    const defaults = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
    );
    otherVpcSubnets = (defaults.Subnets ?? []).slice(0, 2).map((s) => s.SubnetId ?? '');
    assert.equal(otherVpcSubnets.length, 2, 'moto has a default VPC with subnets');
  });
  beforeEach(() => resetCallCounts());
  afterEach(async () => {
    await getSandbox().clearFaults();
    assert.equal(await writeCallCount(), 0, 'no write call was made');
  });

  const [a, c] = [(): string => seed().privateSubnetIds[0], (): string => seed().privateSubnetIds[1]];

  it('unknown service', async () =>
    assertOneLineError(
      await cli(['apply', '--yes', '--service', 'nope-api']),
      /service "nope-api" was not found in ap-northeast-1/,
    ));
  it('unknown DB instance', async () =>
    assertOneLineError(
      await cli(['apply', '--yes', '--db-instance', 'nope-db']),
      /No DB instance, DB cluster or RDS Proxy "nope-db" was found/,
    ));
  it('invalid connector name', async () =>
    assertOneLineError(
      await cli(['apply', '--yes', '--connector-name', 'bad name!']),
      /Invalid connector name "bad name!"/,
    ));
  it('one subnet', async () =>
    assertOneLineError(
      await cli(['apply', '--yes', '--subnets', a()]),
      /at least two subnets in different Availability Zones/,
    ));
  it('two subnets in one AZ', async () =>
    assertOneLineError(
      await cli(['apply', '--yes', '--subnets', `${a()},${sameAzSubnet}`]),
      /distinct Availability Zones; ap-northeast-1a is used more than once/,
    ));
  it('subnets of another VPC', async () => {
    assertOneLineError(
      await cli(['apply', '--yes', '--subnets', otherVpcSubnets.join(',')]),
      /is in vpc-\w+, not in the database's VPC/,
    );
  });
  it('a public subnet, with the reason', async () => {
    assertOneLineError(
      await cli(['apply', '--yes', '--subnets', `${seed().publicSubnetId ?? ''},${c()}`]),
      /is public .* no public IP/,
    );
  });
  it('a subnet id that does not exist', async () =>
    assertOneLineError(
      await cli(['apply', '--yes', '--subnets', `${a()},subnet-0000000000000000f`]),
      /subnet-0000000000000000f was not found/,
    ));
  it('expired credentials', async () => {
    const expired = {
      code: 'ExpiredTokenException',
      status: 403,
      message: 'The security token included in the request is expired',
    };
    await getSandbox().setFaults({
      failNth: ['ListServices', 'ListVpcConnectors', 'GetCallerIdentity', 'DescribeDBInstances'].map((operation) => ({
        operation,
        nth: 1,
        error: expired,
      })),
    });
    assertOneLineError(await cli(['apply', '--yes']), /credentials have expired\. Run "aws sso login"/);
  });
  it('an unreachable endpoint', async () => {
    const started = Date.now();
    assertOneLineError(
      await cli(['plan'], { endpoint: `http://127.0.0.1:${await closedPort()}` }),
      /endpoint could not be reached/,
    );
    assert.ok(Date.now() - started < 15_000, 'fails within seconds');
  });
  it('apply without a terminal and without --yes', async () =>
    assertOneLineError(await cli(['apply']), /Pass --yes to apply non-interactively/));
  it('apply answered "n" at the prompt', async () => {
    const run = await cli(['apply'], { tty: true, stdin: 'n\n' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Apply these 8 changes\? \[y\/N\] apprunner-vpc: Cancelled: nothing was changed\.\n$/);
  });
  it('an unknown option', async () => {
    const run = await cli(['plan', '--bogus']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^apprunner-vpc: unknown option "--bogus"/);
  });
});
