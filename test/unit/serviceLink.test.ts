import assert from 'node:assert/strict';
import {
  matchServices,
  normalizeRepositoryUrl,
  normalizeSourceDirectory,
  parseGitRemotes,
  resolveLink,
} from '../../src/model/codeLens/serviceLink';
import type { AppRunnerService } from '../../src/model/topology/topology';

function codeService(
  name: string,
  repo: string,
  sourceDirectory?: string,
  configurationSource: 'REPOSITORY' | 'API' = 'REPOSITORY',
): AppRunnerService {
  return {
    arn: `arn:aws:apprunner:ap-northeast-1:123456789012:service/${name}/id-${name}`,
    name,
    id: `id-${name}`,
    status: 'RUNNING',
    detailsLoaded: true,
    egressType: 'DEFAULT',
    source: { kind: 'code', identifier: repo, configurationSource, sourceDirectory, environment: {} },
  };
}

const GIT_CONFIG = `[core]
\trepositoryformatversion = 0
[remote "origin"]
\turl = git@github.com:Campus-SNS/kyudai-api.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
[branch "main"]
\tremote = origin
[remote "upstream"]
\turl = https://gitlab.example.com/team/kyudai-api
`;

describe('service link: which App Runner service deploys this apprunner.yaml', () => {
  it('reads the remotes of a .git/config, ignoring branch sections and comments', () => {
    assert.deepEqual(parseGitRemotes(`# url = nope\n${GIT_CONFIG}`), [
      { name: 'origin', url: 'git@github.com:Campus-SNS/kyudai-api.git' },
      { name: 'upstream', url: 'https://gitlab.example.com/team/kyudai-api' },
    ]);
    assert.deepEqual(parseGitRemotes('not a git config at all\n[[[\nurl=x'), []);
  });

  it('reduces https, ssh and scp-like remote forms of one repository to the same key', () => {
    const forms = [
      'https://github.com/campus-sns/kyudai-api',
      'https://github.com/Campus-SNS/kyudai-api.git',
      'https://user@github.com/campus-sns/kyudai-api/',
      'git@github.com:campus-sns/kyudai-api.git',
      'ssh://git@github.com:22/campus-sns/kyudai-api.git',
      'git://github.com/campus-sns/kyudai-api',
    ];
    for (const form of forms) assert.equal(normalizeRepositoryUrl(form), 'github.com/campus-sns/kyudai-api', form);
    assert.equal(normalizeRepositoryUrl('/srv/git/kyudai-api.git'), undefined, 'a local path is not a remote');
    assert.notEqual(
      normalizeRepositoryUrl('https://github.com/campus-sns/kyudai-web'),
      normalizeRepositoryUrl(forms[0]),
    );
  });

  it('treats App Runner source directories "", "/", "./api/" like the repo-relative folder', () => {
    assert.equal(normalizeSourceDirectory(undefined), '');
    assert.equal(normalizeSourceDirectory('/'), '');
    assert.equal(normalizeSourceDirectory('./api/'), 'api');
    assert.equal(normalizeSourceDirectory('services\\api'), 'services/api');
  });

  it('matches only REPOSITORY-configured code services of the remote, in the file folder', () => {
    const services = [
      codeService('root-service', 'https://github.com/campus-sns/kyudai-api', '/'),
      codeService('api-service', 'https://github.com/campus-sns/kyudai-api', 'api'),
      codeService('api-configured', 'https://github.com/campus-sns/kyudai-api', 'api', 'API'),
      codeService('other-repo', 'https://github.com/campus-sns/kyudai-web', 'api'),
    ];
    const remotes = parseGitRemotes(GIT_CONFIG);
    assert.deepEqual(
      matchServices(services, remotes, '').map((c) => c.service.name),
      ['root-service'],
    );
    const api = matchServices(services, remotes, 'api');
    assert.deepEqual(
      api.map((c) => c.service.name),
      ['api-service'],
    );
    assert.equal(api[0].remote.name, 'origin');
    assert.deepEqual(matchServices(services, [], ''), [], 'no remote, no match');
  });

  it('resolves the setting first, then the remembered choice, then a single automatic match', () => {
    const services = [codeService('a', 'https://github.com/x/y'), codeService('b', 'https://github.com/x/y')];
    const one = [{ service: services[0], remote: { name: 'origin', url: 'git@github.com:x/y' } }];
    const two = [...one, { service: services[1], remote: one[0].remote }];
    assert.equal(resolveLink({ services, setting: 'b', remembered: 'a', candidates: one }).kind, 'setting');
    const remembered = resolveLink({ services, remembered: services[1].arn, candidates: one });
    assert.deepEqual(
      remembered.kind === 'remembered' && remembered.serviceName,
      'b',
      'an ARN resolves to the service name',
    );
    assert.deepEqual(resolveLink({ services, candidates: one }), {
      kind: 'auto',
      serviceName: 'a',
      service: services[0],
    });
    assert.deepEqual(resolveLink({ services, candidates: two }), { kind: 'ambiguous', candidates: ['a', 'b'] });
    assert.deepEqual(resolveLink({ services, candidates: [] }), { kind: 'none' });
    const gone = resolveLink({ services: [], setting: 'kyudai-api', candidates: [] });
    assert.deepEqual(
      gone,
      { kind: 'setting', serviceName: 'kyudai-api', service: undefined },
      'a set name stays linked while the snapshot lacks it',
    );
  });

  it('falls back to the service apprunnerVpc.serviceName names when nothing matches by repository, and only if it exists', () => {
    const services = [
      codeService('kyudai-api', 'https://github.com/x/y'),
      codeService('other', 'https://github.com/x/z'),
    ];
    const match = [{ service: services[1], remote: { name: 'origin', url: 'git@github.com:x/z' } }];
    assert.deepEqual(resolveLink({ services, candidates: [], serviceName: 'kyudai-api' }), {
      kind: 'serviceName',
      serviceName: 'kyudai-api',
      service: services[0],
    });
    assert.deepEqual(
      resolveLink({ services, candidates: [], serviceName: 'missing-api' }),
      { kind: 'none' },
      'a name the account lacks links nothing',
    );
    assert.equal(
      resolveLink({ services, candidates: match, serviceName: 'kyudai-api' }).kind,
      'auto',
      'a repository match wins',
    );
    assert.equal(
      resolveLink({ services, remembered: 'other', candidates: [], serviceName: 'kyudai-api' }).kind,
      'remembered',
    );
  });
});
