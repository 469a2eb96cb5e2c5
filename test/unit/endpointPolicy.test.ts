// Signed requests never cross the network in clear text. http:// only to loopback.
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';
import { endpointUrlProblem } from '../../src/model/common/endpointPolicy';

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string }> {
  let out = '';
  const io = {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (out += t) },
    stdin: Object.assign(new PassThrough(), { isTTY: false }),
  };
  const code = await main(argv, io, {
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    AWS_CONFIG_FILE: '/dev/null',
    ...env,
  });
  return { code, out };
}

describe('endpoint policy: plain http only to loopback', () => {
  it('allows https anywhere and http to 127.0.0.0/8, ::1 and localhost', () => {
    for (const url of [
      undefined,
      '',
      'https://ec2.ap-northeast-1.amazonaws.com',
      'https://10.0.0.5:4566',
      'http://127.0.0.1:4566',
      'http://127.8.9.10',
      'http://localhost:4566/',
      'http://LOCALHOST',
      'http://[::1]:4566',
      'http://127.1:5000',
      'http://0x7f.0.0.1',
    ]) {
      assert.equal(endpointUrlProblem(url), undefined, String(url));
    }
  });

  it('refuses http to any other host, other schemes, and what is not a URL, with a message that says why', () => {
    for (const url of [
      'http://10.0.0.5:4566',
      'http://localstack.internal:4566',
      'http://example.com',
      'http://128.0.0.1',
      'http://[::2]',
      'http://localhost.evil.com',
      'http://127.0.0.1.nip.io',
      'ftp://127.0.0.1',
      'localhost:4566',
      'not a url',
      'http://0.0.0.0:4566',
    ]) {
      const problem = endpointUrlProblem(url);
      assert.ok(problem, url);
    }
    assert.match(
      endpointUrlProblem('http://10.0.0.5:4566')?.en ?? '',
      /plain http to 10\.0\.0\.5 .*clear text.*https.*loopback/,
    );
    assert.match(endpointUrlProblem('http://10.0.0.5:4566')?.ja ?? '', /https/);
  });

  it('the CLI refuses --endpoint-url and AWS_ENDPOINT_URL over plain http to another host before any call', async () => {
    const flag = await cli(['plan', '--endpoint-url', 'http://192.0.2.10:4566', '--region', 'ap-northeast-1']);
    assert.equal(flag.code, 1);
    assert.match(flag.out, /plain http to 192\.0\.2\.10/);
    const env = await cli(['plan', '--region', 'ap-northeast-1'], { AWS_ENDPOINT_URL: 'http://192.0.2.10:4566' });
    assert.equal(env.code, 1);
    assert.match(env.out, /plain http to 192\.0\.2\.10/);
    const json = await cli(['plan', '--json', '--endpoint-url', 'http://192.0.2.10', '--region', 'ap-northeast-1']);
    assert.equal(
      (JSON.parse(json.out.slice(0, json.out.lastIndexOf('}') + 1)) as { error: { code: string } }).error.code,
      'insecure-endpoint',
    );
  });
});
