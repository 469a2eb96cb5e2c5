import assert from 'node:assert/strict';
import { parseSandboxSeeds, sandboxEndpoint } from '../../src/model/common/sandboxSeeds';

describe('sandbox seeds for the "Use the Local Sandbox" quick pick', () => {
  it('reads the seeds and the current one from GET /_sandbox/seeds', () => {
    const body = {
      current: 'cdk-default',
      seeds: [
        { name: 'runbook', summary: 'The runbook' },
        { name: 'cdk-default', summary: 'CDK' },
      ],
    };
    assert.deepEqual(parseSandboxSeeds(body), { current: 'cdk-default', seeds: body.seeds });
  });

  it('drops entries that are not seed names, and a current seed it does not list', () => {
    const body = { current: 'gone', seeds: [{ name: 'runbook' }, { name: '../../etc' }, 'x', { name: 42 }] };
    assert.deepEqual(parseSandboxSeeds(body), { current: undefined, seeds: [{ name: 'runbook', summary: '' }] });
  });

  it('gives undefined for anything else answering on the port', () => {
    for (const body of [undefined, null, 'ok', {}, { seeds: 'runbook' }, { seeds: [] }, { status: 'ok' }])
      assert.equal(parseSandboxSeeds(body), undefined);
  });

  it('keeps a loopback endpoint (npm start may pick another port) and falls back for anything else', () => {
    assert.equal(sandboxEndpoint('http://127.0.0.1:4711/', 'http://127.0.0.1:4566'), 'http://127.0.0.1:4711');
    assert.equal(sandboxEndpoint('http://localhost:4566', 'http://127.0.0.1:4566'), 'http://localhost:4566');
    for (const other of ['', 'https://ec2.ap-northeast-1.amazonaws.com', 'not a url', 'file:///127.0.0.1']) {
      assert.equal(sandboxEndpoint(other, 'http://127.0.0.1:4566'), 'http://127.0.0.1:4566');
    }
  });
});
