import assert from 'node:assert/strict';
import { CreateSubnetCommand, DescribeSubnetsCommand } from '@aws-sdk/client-ec2';
import { CreateDBInstanceCommand, CreateDBSubnetGroupCommand } from '@aws-sdk/client-rds';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';
import { parseApprunnerYaml } from '../../src/model/apprunnerYaml';
import { awsCli, cli, useTestCredentials, writeCallCount, type CliRun } from '../sandbox/engineSupport';
import { freePort } from '../support/net';
import {
  getSandbox,
  resetCallCounts,
  sandboxClients,
  sandboxEnv,
  seed,
  TEST_OPERATION_DELAY_MS,
} from '../sandbox/support';
import { add } from './metrics';

/** The CLI in-process like cli(), but with a region of the test's choosing (cli() pins ap-northeast-1). */
async function cliInRegion(region: string, argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Object.assign(new PassThrough(), { isTTY: false }),
  };
  const code = await main([...argv, '--endpoint-url', getSandbox().endpoint, '--region', region], io, {
    ...sandboxEnv(),
    AWS_ENDPOINT_URL: undefined,
  });
  return { code, stdout, stderr };
}

interface World {
  sameAz: string;
  otherVpc: string[];
  otherDb: string;
}
interface Case {
  name: string;
  run: (w: World) => Promise<CliRun>;
  expect: RegExp;
  before?: () => Promise<void>;
}

const a = (): string => seed().privateSubnetIds[0];
const c = (): string => seed().privateSubnetIds[1];
const expired = {
  code: 'ExpiredTokenException',
  status: 403,
  message: 'The security token included in the request is expired',
};

// Each bad input must be answered with its own specific reason (checked text) and must create nothing.
const CLI_CASES: Case[] = [
  {
    name: 'unknown service',
    run: () => cli(['apply', '--yes', '--service', 'nope-api']),
    expect: /service "nope-api" was not found/,
  },
  {
    name: 'unknown DB instance',
    run: () => cli(['apply', '--yes', '--db-instance', 'nope-db']),
    expect: /No DB instance, DB cluster or RDS Proxy "nope-db" was found/,
  },
  {
    name: 'connector name with a space',
    run: () => cli(['apply', '--yes', '--connector-name', 'bad name']),
    expect: /Invalid connector name "bad name"/,
  },
  {
    name: 'connector name too long',
    run: () => cli(['apply', '--yes', '--connector-name', 'c'.repeat(41)]),
    expect: /Invalid connector name "c{41}".*4 to 40/,
  },
  {
    name: 'connector name too short',
    run: () => cli(['apply', '--yes', '--connector-name', 'abc']),
    expect: /Invalid connector name "abc"/,
  },
  {
    name: 'security group name shaped like an id',
    run: () => cli(['apply', '--yes', '--security-group-name', 'sg-0123abcd']),
    expect: /Invalid security group name "sg-0123abcd": EC2 refuses names starting with "sg-"/,
  },
  {
    name: 'security group name too long',
    run: () => cli(['apply', '--yes', '--security-group-name', 'g'.repeat(256)]),
    expect: /Invalid security group name "g{256}": 1 to 255 characters/,
  },
  {
    name: 'one subnet',
    run: () => cli(['apply', '--yes', '--subnets', a()]),
    expect: /at least two subnets in different Availability Zones/,
  },
  {
    name: 'empty subnet list',
    run: () => cli(['apply', '--yes', '--subnets', ',']),
    expect: /--subnets needs subnet ids/,
  },
  {
    name: 'two subnets in one AZ',
    run: (w) => cli(['apply', '--yes', '--subnets', `${a()},${w.sameAz}`]),
    expect: /ap-northeast-1a is used more than once/,
  },
  {
    name: 'subnets of another VPC',
    run: (w) => cli(['apply', '--yes', '--subnets', w.otherVpc.join(',')]),
    expect: /not in the database's VPC/,
  },
  {
    name: 'a public subnet',
    run: () => cli(['apply', '--yes', '--subnets', `${seed().publicSubnetId ?? ''},${c()}`]),
    expect: /is public .* no public IP/,
  },
  {
    name: 'a subnet id that does not exist',
    run: () => cli(['apply', '--yes', '--subnets', `${a()},subnet-0000000000000000f`]),
    expect: /subnet-0000000000000000f was not found/,
  },
  {
    name: 'a DB in another VPC than the subnets',
    run: (w) => cli(['apply', '--yes', '--db-instance', w.otherDb, '--subnets', `${a()},${c()}`]),
    expect: /not in the database's VPC/,
  },
  {
    name: 'port out of range',
    run: () => cli(['apply', '--yes', '--db-port', '70000']),
    expect: /Invalid port 70000: use a whole number from 1 to 65535/,
  },
  {
    name: 'port that is not a number',
    run: () => cli(['apply', '--yes', '--db-port', 'abc']),
    expect: /--db-port must be a whole number from 1 to 65535 \(got "abc"\)/,
  },
  {
    name: 'unknown profile',
    run: () => cli(['plan', '--profile', 'no-such-profile']),
    expect: /profile "no-such-profile" was not found/,
  },
  {
    name: 'region without App Runner',
    run: () => cliInRegion('sa-east-1', ['plan']),
    expect: /App Runner is not offered in sa-east-1/,
  },
  { name: 'unknown command', run: () => cli(['destroy']), expect: /unknown command "destroy"/ },
  { name: 'unknown option', run: () => cli(['plan', '--bogus']), expect: /unknown option "--bogus"/ },
  { name: 'option without its value', run: () => cli(['plan', '--service']), expect: /--service needs a value/ },
  { name: 'unsupported language', run: () => cli(['plan', '--lang', 'fr']), expect: /--lang must be one of en, ja: / },
  {
    name: 'apply without a terminal and without --yes',
    run: () => cli(['apply']),
    expect: /Pass --yes to apply non-interactively/,
  },
  {
    name: 'expired credentials',
    before: () =>
      getSandbox().setFaults({
        failNth: ['ListServices', 'ListVpcConnectors', 'GetCallerIdentity', 'DescribeDBInstances'].map((operation) => ({
          operation,
          nth: 1,
          error: expired,
        })),
      }),
    run: () => cli(['apply', '--yes']),
    expect: /credentials have expired\. Run "aws sso login"/,
  },
  {
    name: 'unreachable endpoint',
    run: async () => cli(['plan'], { endpoint: `http://127.0.0.1:${await freePort()}` }),
    expect: /endpoint could not be reached/,
  },
];

// Each problem must name what is wrong (the key, the value) in English and in Japanese.
const YAML_CASES: { name: string; text: string; code: string; en: RegExp; ja: RegExp }[] = [
  {
    name: 'malformed YAML',
    text: 'version: 1.0\nrun: [unclosed\n',
    code: 'yaml-syntax',
    en: /^YAML syntax error: Flow sequence .* end with a \]/,
    ja: /^YAML の構文エラー: .*閉じ括弧/,
  },
  {
    name: 'missing run.command',
    text: 'version: 1.0\nruntime: python311\nbuild:\n  commands:\n    build: [pip install -r requirements.txt]\nrun:\n  network:\n    port: 8080\n',
    code: 'missing-key',
    en: /^Required key "run\.command" is missing/,
    ja: /必須のキー「run\.command」がありません/,
  },
  {
    name: 'unknown runtime',
    text: 'version: 1.0\nruntime: cobol85\nbuild:\n  commands:\n    build: [make]\nrun:\n  command: ./app\n',
    code: 'unknown-runtime',
    en: /^Unknown runtime "cobol85" \(available: .*python311/,
    ja: /不明なランタイム「cobol85」/,
  },
  {
    name: 'port out of range in apprunner.yaml',
    text: 'version: 1.0\nruntime: nodejs18\nbuild:\n  commands:\n    build: [npm ci]\nrun:\n  command: node server.js\n  network:\n    port: 70000\n',
    code: 'invalid-port',
    en: /^Port "70000" is not a whole number from 1 to 65535/,
    ja: /ポート「70000」は 1〜65535 の整数ではありません/,
  },
  {
    name: 'bad secret reference',
    text: 'version: 1.0\nruntime: nodejs18\nbuild:\n  commands:\n    build: [npm ci]\nrun:\n  command: node server.js\n  secrets:\n    - name: DB_PASSWORD\n      value-from: "not an arn"\n',
    code: 'invalid-secret-reference',
    en: /^value-from "not an arn" is not a Secrets Manager secret ARN/,
    ja: /value-from「not an arn」は Secrets Manager/,
  },
  {
    name: 'env written as a string',
    text: 'version: 1.0\nruntime: nodejs18\nbuild:\n  commands:\n    build: [npm ci]\nrun:\n  command: node server.js\n  env: DATABASE_URL\n',
    code: 'wrong-type',
    en: /^"run\.env" must be a list, not a string/,
    ja: /「run\.env」はリストで指定してください/,
  },
];

describe('Reliability: bad input gets a specific message and creates nothing', function () {
  this.timeout(60_000);
  const world: World = { sameAz: '', otherVpc: [], otherDb: 'other-vpc-db' };

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
    const { ec2, rds } = sandboxClients();
    world.sameAz =
      (
        await ec2.send(
          new CreateSubnetCommand({
            VpcId: seed().vpcId,
            CidrBlock: '10.0.78.0/24',
            AvailabilityZone: 'ap-northeast-1a',
          }),
        )
      ).Subnet?.SubnetId ?? '';
    const defaults = await ec2.send(
      new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
    );
    world.otherVpc = (defaults.Subnets ?? []).slice(0, 2).map((s) => s.SubnetId ?? '');
    // A second database in moto's default VPC: the subnets of the runbook VPC do not belong to it.
    await rds.send(
      new CreateDBSubnetGroupCommand({
        DBSubnetGroupName: 'other-vpc',
        DBSubnetGroupDescription: 'default VPC',
        SubnetIds: world.otherVpc,
      }),
    );
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: world.otherDb,
        Engine: 'postgres',
        DBInstanceClass: 'db.t3.micro',
        AllocatedStorage: 20,
        MasterUsername: 'app',
        MasterUserPassword: 'placeholder-1',
        DBSubnetGroupName: 'other-vpc',
      }),
    );
  });
  afterEach(() => getSandbox().clearFaults());

  for (const badInput of CLI_CASES) {
    it(`CLI: ${badInput.name}`, async () => {
      await badInput.before?.();
      await resetCallCounts();
      const run = await badInput.run(world);
      // The reason is the line the CLI prefixes with its name (a usage text may follow a parse error).
      const reason = run.stderr.split('\n').find((line) => line.startsWith('apprunner-vpc: ')) ?? '';
      const clear = run.code === 1 && badInput.expect.test(reason) && !/\n\s+at /.test(run.stderr);
      const created = (await writeCallCount()) > 0;
      add('badInputsTried');
      add('badInputsClearError', clear ? 1 : 0);
      add('badInputsCreatedSomething', created ? 1 : 0);
      assert.ok(clear, `expected one clear line matching ${badInput.expect}, got: ${run.stderr}`);
      assert.ok(!created, 'no write call was made');
    });
  }

  it('CLI: a service with an operation in progress is reported, not changed', async () => {
    await getSandbox().reset();
    // Long enough that the deployment is still running when the CLI reads the service (the aws CLI alone takes
    // a second to start on a busy machine).
    await getSandbox().configure({ operationDelayMs: 10_000 });
    await awsCli(['apprunner', 'start-deployment', '--service-arn', seed().serviceArn ?? '']);
    await resetCallCounts();
    const run = await cli(['plan']).finally(() =>
      getSandbox().configure({ operationDelayMs: TEST_OPERATION_DELAY_MS }),
    );
    const created = (await writeCallCount()) > 0;
    const clear = run.code === 2 && /operation in progress/i.test(run.stdout + run.stderr);
    add('badInputsTried');
    add('badInputsClearError', clear ? 1 : 0);
    add('badInputsCreatedSomething', created ? 1 : 0);
    assert.ok(clear, run.stdout + run.stderr);
    assert.ok(!created);
  });

  it('CLI: deleting a connector that a service uses is refused, naming the service', async () => {
    await getSandbox().reset();
    assert.equal((await cli(['apply', '--yes'])).code, 0);
    await resetCallCounts();
    const run = await cli(['delete-connector', '--yes']);
    const lastLine = run.stderr.trim().split('\n').at(-1) ?? '';
    const clear = run.code === 1 && /is used by kyudai-api; detach it/.test(lastLine);
    const created = (await writeCallCount()) > 0;
    add('badInputsTried');
    add('badInputsClearError', clear ? 1 : 0);
    add('badInputsCreatedSomething', created ? 1 : 0);
    assert.ok(clear, run.stderr);
    assert.ok(!created);
  });

  for (const yamlCase of YAML_CASES) {
    it(`apprunner.yaml: ${yamlCase.name}`, () => {
      const { problems } = parseApprunnerYaml(yamlCase.text);
      const problem = problems.find((p) => p.code === yamlCase.code && p.severity === 'error');
      const clear = !!problem && yamlCase.en.test(problem.message.en) && yamlCase.ja.test(problem.message.ja);
      add('badInputsTried');
      add('badInputsClearError', clear ? 1 : 0);
      assert.ok(problem, `expected ${yamlCase.code}, got ${problems.map((p) => p.code).join(', ')}`);
      assert.ok(clear, `the message names the problem: ${problem.message.en} / ${problem.message.ja}`);
    });
  }
});
