// The one list of what counts as a leaked secret in anything our tools print or log, used by the reliability
// suite (CLI output) and the host runner (every log the VS Code host wrote). Two kinds: the exact credential
// and secret values a test world holds (the session credentials the tools run with, the passwords a sandbox
// seed stored), and shapes that are secrets whatever their value (a signature, a session token header, a
// password inside a connection URL). Add new secrets here, not in a test of their own.
import { TEST_SECRET_ACCESS_KEY, TEST_SESSION_TOKEN } from './localAws';

/** The credentials the reliability suite runs the CLI with: recognisable values. */
export const RELIABILITY_SESSION = {
  AWS_ACCESS_KEY_ID: 'ASIARELIABILITY00042',
  AWS_SECRET_ACCESS_KEY: 'reliabilitySecretKeyMustNeverBePrinted42',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjReliabilitySessionTokenMustNeverBePrinted42',
};

/**
 * Credential values the test worlds use. Access key ids are listed too: they are not secret on their own, but
 * the tools have no reason to print them, and one in a log means credentials were dumped.
 */
export const KNOWN_CREDENTIAL_VALUES: readonly string[] = [
  ...Object.values(RELIABILITY_SESSION),
  TEST_SECRET_ACCESS_KEY,
  TEST_SESSION_TOKEN,
  'ASIATESTSESSION00001',
  'AKIATESTSANDBOX00001',
];

/** Shapes that are a secret whatever the value. Each has a name for the report. */
export const SECRET_PATTERNS: readonly { name: string; pattern: RegExp }[] = [
  { name: 'SigV4 signature', pattern: /Signature=[0-9a-f]{64}/g },
  { name: 'session token header', pattern: /x-amz-security-token["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{16,}/gi },
  {
    name: 'secret access key assignment',
    pattern: /(?:aws_secret_access_key|secretAccessKey|SecretAccessKey)["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{16,}/g,
  },
  // A JSON secret's password key with a value that is not a mask: RDS's and the CDK's database secrets
  // ({"username":...,"password":...,"host":...}), whole or quoted inside a message.
  {
    name: 'password in a JSON secret',
    pattern: /\\?"password\\?"\s*:\s*\\?"(?![*•]+\\?"|<[^>]*>\\?")[^"\\]+\\?"/gi,
  },
  // scheme://user:password@host with a password that is not a mask (***, <redacted>, ...).
  {
    name: 'password in a connection URL',
    pattern: /[a-z][a-z0-9+.-]*:\/\/[^\s:/@'"]+:(?![*•]+@|<[^>]*>@|\.\.\.@)[^\s@/'"]+@[^\s'"]/gi,
  },
];

export interface SecretHit {
  what: string;
  /** 1-based line of the hit; the report never repeats the secret or any text around it. */
  line: number;
}

/** Every hit of a known value or a secret shape in `text`. `extraValues` adds a world's own secrets (seed passwords). */
export function findSecrets(text: string, extraValues: readonly string[] = []): SecretHit[] {
  const hits: SecretHit[] = [];
  const lineAt = (index: number): number => text.slice(0, index).split('\n').length;
  for (const value of [...KNOWN_CREDENTIAL_VALUES, ...extraValues]) {
    if (!value) continue;
    for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + value.length))
      hits.push({ what: 'known secret value', line: lineAt(i) });
  }
  for (const { name, pattern } of SECRET_PATTERNS) {
    for (const match of text.matchAll(pattern)) hits.push({ what: name, line: lineAt(match.index ?? 0) });
  }
  return hits;
}
