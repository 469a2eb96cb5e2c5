// Every AWS failure the user can meet, reduced once to a kind, a one-line message and a next step.
import { maskSecrets } from './secretMask';
import type { Localized } from '../l10n/text';
import { msg } from '../l10n/text';

// Pure: it reads only the error's name, code, HTTP status and message, never credentials.

export type AwsErrorKind =
  | 'expired-credentials'
  | 'no-credentials'
  | 'access-denied'
  | 'unreachable'
  | 'throttled'
  | 'not-found'
  | 'invalid-request'
  | 'in-progress'
  | 'quota'
  | 'server'
  | 'unknown';

export type NextStep =
  'select-profile' | 'select-region' | 'sso-login' | 'check-endpoint' | 'retry' | 'open-log' | 'wait';

/** One text in every bundled language (see l10n/text.ts). */
export type { Localized } from '../l10n/text';

export interface NormalizedAwsError {
  kind: AwsErrorKind;
  message: Localized;
  nextStep: NextStep;
  code?: string;
  httpStatus?: number;
  /** The service's own message (AWS error text), never containing secrets; for the log. */
  detail?: string;
  /** AWS's id of the failed request ($metadata.requestId): the first thing AWS Support asks for. Shown beside the
   * message (log lines, the CLI's error line), never instead of it. */
  requestId?: string;
}

interface ErrorLike {
  name?: string;
  code?: string;
  Code?: string;
  /** A string from the SDK and Node; anything at all from other throwers. */
  message?: unknown;
  $metadata?: { httpStatusCode?: number; requestId?: unknown };
  cause?: unknown;
}

const EXPIRED =
  /^(ExpiredToken|ExpiredTokenException|RequestExpired|TokenRefreshRequired|InvalidClientTokenId|UnrecognizedClientException)$/;
const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|AuthFailure|SignatureDoesNotMatch)$/;
const THROTTLED =
  /^(Throttling|ThrottlingException|RequestLimitExceeded|TooManyRequestsException|ProvisionedThroughputExceededException|SlowDown)$/;
const UNREACHABLE =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|TimeoutError|RequestTimeout)$/;

function requestIdOf(error: ErrorLike): string | undefined {
  const id = error.$metadata?.requestId ?? (error.cause as ErrorLike | undefined)?.$metadata?.requestId;
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
}

/** The log line of a classified error: kind, code, status, AWS's message, then the request id when AWS gave one. */
export function awsErrorLogText(error: NormalizedAwsError): string {
  return [
    error.kind,
    error.code,
    error.httpStatus ? `HTTP ${error.httpStatus}` : undefined,
    error.detail,
    error.requestId ? `(request id ${error.requestId})` : undefined,
  ]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
}

function codeOf(error: ErrorLike): string | undefined {
  const cause = error.cause as ErrorLike | undefined;
  return error.code ?? error.Code ?? cause?.code ?? error.name;
}

const KINDS = new Set<string>([
  'expired-credentials',
  'no-credentials',
  'access-denied',
  'unreachable',
  'throttled',
  'not-found',
  'invalid-request',
  'in-progress',
  'quota',
  'server',
  'unknown',
] satisfies AwsErrorKind[]);

/** An error this module already classified (the store keeps them): classifying again keeps it. */
export function isNormalizedAwsError(value: unknown): value is NormalizedAwsError {
  const v = value as Partial<NormalizedAwsError> | null | undefined;
  return (
    typeof v === 'object' &&
    v !== null &&
    KINDS.has(String(v.kind)) &&
    typeof v.message?.en === 'string' &&
    typeof v.message?.ja === 'string'
  );
}

/** The error's own text, whatever was thrown: never "[object Object]". */
function textOf(message: unknown): string | undefined {
  if (typeof message === 'string') return message || undefined;
  const localized = message as Partial<Localized> | null | undefined;
  if (typeof localized === 'object' && localized !== null && typeof localized.en === 'string') return localized.en;
  return undefined;
}

export function classifyAwsError(raw: unknown): NormalizedAwsError {
  if (isNormalizedAwsError(raw)) return raw;
  const error: ErrorLike =
    typeof raw === 'object' && raw !== null
      ? (raw as ErrorLike)
      : raw === undefined || raw === null
        ? {}
        : { message: String(raw) };
  const code = codeOf(error) ?? '';
  const name = error.name ?? '';
  const httpStatus = error.$metadata?.httpStatusCode;
  const text = textOf(error.message);
  const detail = text === undefined ? undefined : maskSecrets(text);
  const requestId = requestIdOf(error);
  const base = { code: code || undefined, httpStatus, detail, ...(requestId ? { requestId } : {}) };
  if (
    EXPIRED.test(code) ||
    EXPIRED.test(name) ||
    /token.*expired|expired.*token|sso session.*expired/i.test(detail ?? '')
  ) {
    return {
      ...base,
      kind: 'expired-credentials',
      nextStep: 'sso-login',
      message: msg('Your AWS credentials have expired. Run "aws sso login" (or refresh the profile) and try again.'),
    };
  }
  if (name === 'ProfileNotFound') {
    return {
      ...base,
      kind: 'no-credentials',
      nextStep: 'select-profile',
      message: detail
        ? msg('{0} Select another profile or add it with "aws configure --profile NAME".', detail)
        : msg('The profile was not found. Select another profile or add it with "aws configure --profile NAME".'),
    };
  }
  if (
    name === 'CredentialsProviderError' ||
    /could not load credentials|credentials? (is|are) missing|no credentials/i.test(detail ?? '')
  ) {
    return {
      ...base,
      kind: 'no-credentials',
      nextStep: 'select-profile',
      message: msg('No AWS credentials were found. Select a profile, or configure credentials with "aws configure".'),
    };
  }
  if (DENIED.test(code) || DENIED.test(name) || httpStatus === 403) {
    return {
      ...base,
      kind: 'access-denied',
      nextStep: 'open-log',
      message: code
        ? msg(
            "Access denied by AWS ({0}). Check that the profile's IAM policy allows this action (see the README's IAM policy).",
            code,
          )
        : msg(
            "Access denied by AWS. Check that the profile's IAM policy allows this action (see the README's IAM policy).",
          ),
    };
  }
  if (THROTTLED.test(code) || THROTTLED.test(name) || httpStatus === 429) {
    return {
      ...base,
      kind: 'throttled',
      nextStep: 'retry',
      message: msg('AWS is throttling requests. Wait a moment and try again.'),
    };
  }
  if (
    UNREACHABLE.test(code) ||
    UNREACHABLE.test(name) ||
    /connect ECONNREFUSED|getaddrinfo|socket hang up|timed? ?out/i.test(detail ?? '')
  ) {
    return {
      ...base,
      kind: 'unreachable',
      nextStep: 'check-endpoint',
      message: msg(
        'The AWS endpoint could not be reached. Check your network, the region, and the "endpointUrl" setting.',
      ),
    };
  }
  if (
    /NotFound|^InvalidGroup\.NotFound$|^InvalidSubnetID\.NotFound$/.test(code) ||
    name === 'ResourceNotFoundException'
  ) {
    return {
      ...base,
      kind: 'not-found',
      nextStep: 'retry',
      message: msg(
        'A resource was not found{0}. Refresh and check the names in the settings.',
        detail ? `: ${detail}` : '',
      ),
    };
  }
  if (name === 'InvalidStateException') {
    return {
      ...base,
      kind: 'in-progress',
      nextStep: 'wait',
      message: msg('The service has an operation in progress. Wait until it finishes, then run the command again.'),
    };
  }
  if (name === 'ServiceQuotaExceededException' || /LimitExceeded$/.test(code)) {
    return {
      ...base,
      kind: 'quota',
      nextStep: 'open-log',
      message: msg('An AWS quota was reached{0}.', detail ? `: ${detail}` : ''),
    };
  }
  if (
    name === 'InvalidRequestException' ||
    /^Invalid|ValidationException|MissingParameter|DependencyViolation/.test(code)
  ) {
    return {
      ...base,
      kind: 'invalid-request',
      nextStep: 'open-log',
      message: msg('AWS rejected the request{0}.', detail ? `: ${detail}` : ''),
    };
  }
  if (httpStatus !== undefined && httpStatus >= 500) {
    return {
      ...base,
      kind: 'server',
      nextStep: 'retry',
      message: msg('AWS returned a server error ({0}). Try again; re-running continues where it stopped.', httpStatus),
    };
  }
  return {
    ...base,
    kind: 'unknown',
    nextStep: 'open-log',
    message: msg('Unexpected error{0}. See the "App Runner VPC" log for details.', detail ? `: ${detail}` : ''),
  };
}

/** The endpointUrl setting is refused (endpointPolicy): plain http to a host that is not this machine. */
export function insecureEndpoint(message: Localized): NormalizedAwsError {
  return { kind: 'invalid-request', nextStep: 'check-endpoint', code: 'InsecureEndpoint', message };
}
