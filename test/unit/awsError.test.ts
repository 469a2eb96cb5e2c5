import assert from 'node:assert/strict';
import { awsErrorLogText, classifyAwsError } from '../../src/model/common/awsError';

const sdkError = (name: string, status?: number, message = 'x'): Error =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('classifyAwsError', () => {
  const cases: [string, unknown, string, string][] = [
    [
      'expired STS token',
      sdkError('ExpiredToken', 400, 'The security token included in the request is expired'),
      'expired-credentials',
      'sso-login',
    ],
    [
      'expired SSO session',
      new Error('The SSO session associated with this profile has expired'),
      'expired-credentials',
      'sso-login',
    ],
    [
      'no credentials',
      sdkError('CredentialsProviderError', undefined, 'Could not load credentials from any providers'),
      'no-credentials',
      'select-profile',
    ],
    ['access denied', sdkError('AccessDeniedException', 403), 'access-denied', 'open-log'],
    ['EC2 unauthorized', sdkError('UnauthorizedOperation', 403), 'access-denied', 'open-log'],
    ['throttled App Runner', sdkError('ThrottlingException', 429), 'throttled', 'retry'],
    ['throttled EC2', sdkError('RequestLimitExceeded', 503), 'throttled', 'retry'],
    [
      'connection refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
      'unreachable',
      'check-endpoint',
    ],
    [
      'DNS failure',
      Object.assign(new Error('getaddrinfo ENOTFOUND sts.example'), { code: 'ENOTFOUND' }),
      'unreachable',
      'check-endpoint',
    ],
    ['missing service', sdkError('ResourceNotFoundException', 400, 'Service not found'), 'not-found', 'retry'],
    ['operation in progress', sdkError('InvalidStateException', 400), 'in-progress', 'wait'],
    [
      'invalid request',
      sdkError('InvalidRequestException', 400, 'Subnets must be in 2 AZs'),
      'invalid-request',
      'open-log',
    ],
    ['server error', sdkError('InternalServiceErrorException', 500), 'server', 'retry'],
    ['a plain string', 'boom', 'unknown', 'open-log'],
  ];
  for (const [what, error, kind, next] of cases) {
    it(`classifies ${what} as ${kind} with next step ${next}`, () => {
      const result = classifyAwsError(error);
      assert.equal(result.kind, kind);
      assert.equal(result.nextStep, next);
      assert.ok(result.message.en.length > 10 && result.message.ja.length > 5);
    });
  }

  it('never repeats an access key id from the error text', () => {
    const result = classifyAwsError(
      sdkError('InvalidRequestException', 400, 'Credential=AKIAABCDEFGHIJKLMNOP/20261128 is bad'),
    );
    assert.doesNotMatch(JSON.stringify(result), /AKIAABCDEFGHIJKLMNOP/);
  });
});

describe("AWS's request id", () => {
  const denied = Object.assign(new Error('User: arn:aws:iam::123456789012:user/dev is not authorized'), {
    name: 'AccessDeniedException',
    $metadata: { httpStatusCode: 403, requestId: 'a1b2c3d4-5678-90ab-cdef-1234567890ab' },
  });

  it('is kept beside the message, and the log line carries it after AWS’s own text', () => {
    const n = classifyAwsError(denied);
    assert.equal(n.requestId, 'a1b2c3d4-5678-90ab-cdef-1234567890ab');
    assert.equal(n.kind, 'access-denied');
    assert.ok(!n.message.en.includes(n.requestId ?? '-'), 'the message is the explanation, not the id');
    assert.match(n.message.en, /denied/i);
    assert.equal(
      awsErrorLogText(n),
      'access-denied AccessDeniedException HTTP 403 User: arn:aws:iam::123456789012:user/dev is not authorized (request id a1b2c3d4-5678-90ab-cdef-1234567890ab)',
    );
  });

  it('is read from the cause too, and absent (not empty) when AWS gave none', () => {
    const wrapped = { name: 'Error', message: 'wrapped', cause: { $metadata: { requestId: 'REQ-1' } } };
    assert.equal(classifyAwsError(wrapped).requestId, 'REQ-1');
    const none = classifyAwsError(Object.assign(new Error('socket hang up'), { $metadata: { requestId: '' } }));
    assert.equal('requestId' in none, false);
    assert.ok(!awsErrorLogText(none).includes('request id'));
  });
});
