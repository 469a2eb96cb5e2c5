// Every message a user sees comes from the error classifier. Each kind of error goes
// through each command's error path: the extension's one error report and the setup record (userMessage),
// Diagnose's "could not read the account" (accountReadFailure over the store's classified error), and the
// CLI's one error line and JSON document (failureOf).
import assert from 'node:assert/strict';
import { failureOf } from '../../src/cli/main';
import { CliFailure } from '../../src/cli/session';
import { classifyAwsError, type AwsErrorKind } from '../../src/model/common/awsError';
import { accountReadFailure, userMessage, UserError } from '../../src/model/common/userError';

const sdkError = (name: string, message: string, status?: number, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(message), {
    name,
    $metadata: status === undefined ? {} : { httpStatusCode: status },
    ...extra,
  });

// A Record over the union: the compiler finds a kind without an example.
const EXAMPLES: Record<AwsErrorKind, unknown> = {
  'expired-credentials': sdkError(
    'ExpiredTokenException',
    'The security token included in the request is expired',
    400,
  ),
  'no-credentials': sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
  'access-denied': sdkError(
    'AccessDeniedException',
    'User arn:aws:sts::123456789012:assumed-role/x is not authorized; password=hunter22',
    403,
  ),
  unreachable: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
  throttled: sdkError('ThrottlingException', 'Rate exceeded', 400),
  'not-found': sdkError('ResourceNotFoundException', 'Service not found', 400),
  'invalid-request': sdkError('InvalidRequestException', 'bad', 400),
  'in-progress': sdkError('InvalidStateException', 'operation in progress', 400),
  quota: sdkError('ServiceQuotaExceededException', 'too many connectors', 402),
  server: sdkError('InternalServiceErrorException', 'oops', 500),
  unknown: { weird: { nested: true } },
};

// Shapes that used to print [object Object]: the store's already classified error, plain objects, a
// Localized-looking message, nothing at all.
const ODD_INPUTS: unknown[] = [
  classifyAwsError(EXAMPLES.throttled),
  {},
  { message: { en: 'x', ja: 'y' } },
  null,
  undefined,
  42,
  'plain text',
  new Error(),
  Object.assign(new Error('x'), { message: { toString: () => '[object Object]' } }),
];

function assertReadable(text: string, where: string): void {
  assert.equal(typeof text, 'string', where);
  assert.ok(text.trim().length > 0, `${where}: empty`);
  assert.doesNotMatch(text, /\[object \w+\]|\bundefined\b|\bnull\b/, `${where}: ${text}`);
  assert.doesNotMatch(text, /hunter22/, `${where}: ${text}`);
}

describe('error messages come from the classifier on every path', () => {
  for (const [kind, raw] of Object.entries(EXAMPLES) as [AwsErrorKind, unknown][]) {
    it(`${kind}: the classifier, the extension's report, Diagnose and the CLI say the same readable thing`, () => {
      const normalized = classifyAwsError(raw);
      assert.equal(normalized.kind, kind);
      for (const lang of ['en', 'ja'] as const) {
        assertReadable(normalized.message[lang], `classifier ${lang}`);
        assert.equal(userMessage(raw)[lang], normalized.message[lang], 'extension report');
        const diagnose = accountReadFailure(normalized)[lang];
        assertReadable(diagnose, `diagnose ${lang}`);
        assert.ok(diagnose.includes(normalized.message[lang]), diagnose);
        const cli = failureOf(raw);
        assertReadable(cli.message[lang], `cli ${lang}`);
        assert.equal(cli.message[lang], normalized.message[lang]);
        assert.equal(cli.code, normalized.code ?? normalized.kind);
      }
    });
  }

  it('odd inputs (a classified error, plain objects, no message) still read as a sentence everywhere', () => {
    for (const raw of ODD_INPUTS) {
      for (const lang of ['en', 'ja'] as const) {
        assertReadable(userMessage(raw)[lang], `userMessage(${String(raw)})`);
        assertReadable(failureOf(raw).message[lang], 'cli');
        assertReadable(accountReadFailure(classifyAwsError(raw))[lang], 'diagnose');
      }
    }
    assert.equal(
      classifyAwsError(classifyAwsError(EXAMPLES.throttled)).kind,
      'throttled',
      'classifying twice keeps the kind',
    );
  });

  it('a UserError and a CliFailure keep their own words', () => {
    const text = { en: 'Pick a service.', ja: 'サービスを選んでください。' };
    assert.deepEqual(userMessage(new UserError(text)), text);
    assert.deepEqual(failureOf(new CliFailure(text, 'x')).message, text);
    assert.deepEqual(accountReadFailure(undefined).en, 'Not connected to AWS: select a profile first.');
  });
});
