// AWS's configuration rules against the sandbox, for the extension's client factory and for the CLI: the
// region from AWS_REGION over the profile's, EC2 at AWS_ENDPOINT_URL_EC2, every other client at the profile's
// endpoint_url. Two counting relays in front of the sandbox stand for the two endpoints, so each request is
// seen where it went, with the service and region it was signed for.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import { DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { ListServicesCommand } from '@aws-sdk/client-apprunner';
import { FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { resolveAwsTarget } from '../../src/aws/awsTarget';
import { getClients, resetClients } from '../../src/aws/clients';
import { useTestCredentials } from './engineSupport';
import { getSandbox, TEST_CREDENTIALS } from './support';

interface Relay {
  url: string;
  /** `service@region` of every request, from the SigV4 credential scope. */
  seen: string[];
  close(): Promise<void>;
}

/** Forwards everything to the sandbox and remembers what it was signed for. */
async function startRelay(target: string): Promise<Relay> {
  const seen: string[] = [];
  const to = new URL(target);
  const server = http.createServer((req, res) => {
    const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
      String(req.headers.authorization ?? ''),
    );
    if (scope) seen.push(`${scope[2]}@${scope[1]}`);
    const upstream = http.request(
      {
        host: to.hostname,
        port: to.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: to.host },
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const services = (relay: Relay): string[] => [...new Set(relay.seen)].sort();

describe('AWS configuration: which endpoint and region each client uses', function () {
  this.timeout(120_000);
  let profileRelay: Relay;
  let ec2Relay: Relay;
  let env: NodeJS.ProcessEnv;
  const saved = { ...process.env };

  before(async () => {
    useTestCredentials();
    await getSandbox().reset();
    profileRelay = await startRelay(getSandbox().endpoint);
    ec2Relay = await startRelay(getSandbox().endpoint);
    const dir = mkdtempSync(path.join(tmpdir(), 'apprunner-vpc-awsconfig-'));
    const config = path.join(dir, 'config');
    // The profile's region loses to AWS_REGION; its endpoint_url serves every client without its own variable.
    writeFileSync(config, `[profile citizen]\nregion = eu-west-1\nendpoint_url = ${profileRelay.url}\n`);
    // With a profile chosen, the SDK signs with the profile's credentials (not the environment's).
    const credentials = path.join(dir, 'credentials');
    writeFileSync(
      credentials,
      `[citizen]\naws_access_key_id = ${TEST_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${TEST_CREDENTIALS.secretAccessKey}\n`,
    );
    env = {
      ...process.env,
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_REGION: 'ap-northeast-1',
      AWS_DEFAULT_REGION: 'us-west-2',
      AWS_ENDPOINT_URL_EC2: ec2Relay.url,
      AWS_ENDPOINT_URL: undefined,
      AWS_PROFILE: 'citizen',
      // As a user's shell has it: the CLI itself keeps the SDK's Node-version reminder out of its output.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: undefined,
      LANG: 'C',
    };
  });

  afterEach(() => {
    profileRelay.seen.length = 0;
    ec2Relay.seen.length = 0;
  });

  after(async () => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    resetClients();
    await profileRelay?.close();
    await ec2Relay?.close();
  });

  it("the extension's client factory: EC2 at AWS_ENDPOINT_URL_EC2, the rest at the profile's endpoint_url, region from AWS_REGION", async () => {
    // The credential chain and the profile check read the files named in the process environment.
    Object.assign(process.env, {
      AWS_CONFIG_FILE: env.AWS_CONFIG_FILE,
      AWS_SHARED_CREDENTIALS_FILE: env.AWS_SHARED_CREDENTIALS_FILE,
    });
    const target = await resolveAwsTarget({ region: '', profile: '', endpointUrl: '' }, env);
    assert.equal(target.region, 'ap-northeast-1');
    assert.equal(target.profile, 'citizen');
    assert.equal(target.endpoints?.ec2, ec2Relay.url);
    assert.equal(target.endpoints?.sts, profileRelay.url);
    const clients = getClients(target, { maxAttempts: 1 });
    await clients.sts.send(new GetCallerIdentityCommand({}));
    await clients.ec2.send(new DescribeVpcsCommand({}));
    await clients.appRunner.send(new ListServicesCommand({}));
    await clients.rds.send(new DescribeDBInstancesCommand({}));
    // A call the tool itself makes (the application-log scan); the group need not exist, the answer's origin counts.
    await clients.logs
      .send(new FilterLogEventsCommand({ logGroupName: '/aws/apprunner/none/0/application', limit: 1 }))
      .catch(() => undefined);
    assert.deepEqual(services(ec2Relay), ['ec2@ap-northeast-1']);
    assert.deepEqual(services(profileRelay), [
      'apprunner@ap-northeast-1',
      'logs@ap-northeast-1',
      'rds@ap-northeast-1',
      'sts@ap-northeast-1',
    ]);
  });

  it('an explicit endpoint (the setting) wins over both, for every client', async () => {
    Object.assign(process.env, {
      AWS_CONFIG_FILE: env.AWS_CONFIG_FILE,
      AWS_SHARED_CREDENTIALS_FILE: env.AWS_SHARED_CREDENTIALS_FILE,
    });
    const target = await resolveAwsTarget({ endpointUrl: getSandbox().endpoint }, env);
    const clients = getClients(target, { maxAttempts: 1 });
    await clients.sts.send(new GetCallerIdentityCommand({}));
    await clients.ec2.send(new DescribeVpcsCommand({}));
    assert.deepEqual([...profileRelay.seen, ...ec2Relay.seen], []);
  });

  it('the CLI as a process: the same endpoints and region (plan --json names them)', async () => {
    const entry = path.join(__dirname, '..', '..', 'src', 'cli', 'index.js');
    const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const childEnv = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
      execFile(process.execPath, [entry, 'plan', '--json'], { env: childEnv }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
    assert.equal(run.code, 2, run.stderr);
    const doc = JSON.parse(run.stdout) as {
      target: { region: string; profile: string; endpoints: Record<string, string> };
    };
    assert.equal(doc.target.region, 'ap-northeast-1');
    assert.equal(doc.target.profile, 'citizen');
    assert.equal(doc.target.endpoints.ec2, ec2Relay.url);
    assert.equal(doc.target.endpoints.appRunner, profileRelay.url);
    assert.match(run.stderr, new RegExp(`endpoint from the AWS configuration: .*${profileRelay.url}`));
    assert.doesNotMatch(run.stderr, /NodeVersionSupportWarning/);
    assert.deepEqual(services(ec2Relay), ['ec2@ap-northeast-1']);
    assert.ok(services(profileRelay).includes('apprunner@ap-northeast-1'), services(profileRelay).join(','));
    assert.ok(!services(profileRelay).some((s) => s.startsWith('ec2@')), 'no EC2 call went to the profile endpoint');
  });
});
