// Every AWS failure the user can meet, reduced once to a kind, a one-line message and a next step.
import { maskSecrets } from './secretMask';

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

export type NextStep = 'select-profile' | 'select-region' | 'sso-login' | 'check-endpoint' | 'retry' | 'open-log' | 'wait';

export interface Localized {
  en: string;
  ja: string;
}

export interface NormalizedAwsError {
  kind: AwsErrorKind;
  message: Localized;
  nextStep: NextStep;
  code?: string;
  httpStatus?: number;
  /** The service's own message (AWS error text), never containing secrets; for the log. */
  detail?: string;
}

interface ErrorLike {
  name?: string;
  code?: string;
  Code?: string;
  /** A string from the SDK and Node; anything at all from other throwers. */
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const EXPIRED = /^(ExpiredToken|ExpiredTokenException|RequestExpired|TokenRefreshRequired|InvalidClientTokenId|UnrecognizedClientException)$/;
const DENIED = /^(AccessDenied|AccessDeniedException|UnauthorizedOperation|AuthFailure|SignatureDoesNotMatch)$/;
const THROTTLED = /^(Throttling|ThrottlingException|RequestLimitExceeded|TooManyRequestsException|ProvisionedThroughputExceededException|SlowDown)$/;
const UNREACHABLE = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|TimeoutError|RequestTimeout)$/;

function codeOf(error: ErrorLike): string | undefined {
  const cause = error.cause as ErrorLike | undefined;
  return error.code ?? error.Code ?? cause?.code ?? error.name;
}

const KINDS = new Set<string>(['expired-credentials', 'no-credentials', 'access-denied', 'unreachable', 'throttled', 'not-found', 'invalid-request',
  'in-progress', 'quota', 'server', 'unknown'] satisfies AwsErrorKind[]);

/** An error this module already classified (the store keeps them): classifying again keeps it. */
export function isNormalizedAwsError(value: unknown): value is NormalizedAwsError {
  const v = value as Partial<NormalizedAwsError> | null | undefined;
  return typeof v === 'object' && v !== null && KINDS.has(String(v.kind)) && typeof v.message?.en === 'string' && typeof v.message?.ja === 'string';
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
  const error: ErrorLike = typeof raw === 'object' && raw !== null ? (raw as ErrorLike) : raw === undefined || raw === null ? {} : { message: String(raw) };
  const code = codeOf(error) ?? '';
  const name = error.name ?? '';
  const httpStatus = error.$metadata?.httpStatusCode;
  const text = textOf(error.message);
  const detail = text === undefined ? undefined : maskSecrets(text);
  const base = { code: code || undefined, httpStatus, detail };
  if (EXPIRED.test(code) || EXPIRED.test(name) || /token.*expired|expired.*token|sso session.*expired/i.test(detail ?? '')) {
    return { ...base, kind: 'expired-credentials', nextStep: 'sso-login', message: {
      en: 'Your AWS credentials have expired. Run "aws sso login" (or refresh the profile) and try again.',
      ja: 'AWS の認証情報の有効期限が切れています。「aws sso login」を実行する（またはプロファイルを更新する）か、再試行してください。' } };
  }
  if (name === 'ProfileNotFound') {
    return { ...base, kind: 'no-credentials', nextStep: 'select-profile', message: {
      en: `${detail ?? 'The profile was not found.'} Select another profile or add it with "aws configure --profile NAME".`,
      ja: `プロファイルが AWS の config / credentials ファイルに見つかりません${detail ? `（${detail}）` : ''}。別のプロファイルを選択するか、「aws configure --profile 名前」で追加してください。` } };
  }
  if (name === 'CredentialsProviderError' || /could not load credentials|credentials? (is|are) missing|no credentials/i.test(detail ?? '')) {
    return { ...base, kind: 'no-credentials', nextStep: 'select-profile', message: {
      en: 'No AWS credentials were found. Select a profile, or configure credentials with "aws configure".',
      ja: 'AWS の認証情報が見つかりません。プロファイルを選択するか、「aws configure」で認証情報を設定してください。' } };
  }
  if (DENIED.test(code) || DENIED.test(name) || httpStatus === 403) {
    return { ...base, kind: 'access-denied', nextStep: 'open-log', message: {
      en: `Access denied by AWS${code ? ` (${code})` : ''}. Check that the profile's IAM policy allows this action (see the README's IAM policy).`,
      ja: `AWS によりアクセスが拒否されました${code ? `（${code}）` : ''}。プロファイルの IAM ポリシーでこの操作が許可されているか確認してください（README の IAM ポリシーを参照）。` } };
  }
  if (THROTTLED.test(code) || THROTTLED.test(name) || httpStatus === 429) {
    return { ...base, kind: 'throttled', nextStep: 'retry', message: {
      en: 'AWS is throttling requests. Wait a moment and try again.',
      ja: 'AWS がリクエストを制限しています。しばらく待ってから再試行してください。' } };
  }
  if (UNREACHABLE.test(code) || UNREACHABLE.test(name) || /connect ECONNREFUSED|getaddrinfo|socket hang up|timed? ?out/i.test(detail ?? '')) {
    return { ...base, kind: 'unreachable', nextStep: 'check-endpoint', message: {
      en: 'The AWS endpoint could not be reached. Check your network, the region, and the "endpointUrl" setting.',
      ja: 'AWS のエンドポイントに接続できません。ネットワーク、リージョン、「endpointUrl」設定を確認してください。' } };
  }
  if (/NotFound|^InvalidGroup\.NotFound$|^InvalidSubnetID\.NotFound$/.test(code) || name === 'ResourceNotFoundException') {
    return { ...base, kind: 'not-found', nextStep: 'retry', message: {
      en: `A resource was not found${detail ? `: ${detail}` : ''}. Refresh and check the names in the settings.`,
      ja: `リソースが見つかりません${detail ? `: ${detail}` : ''}。更新して、設定の名前を確認してください。` } };
  }
  if (name === 'InvalidStateException') {
    return { ...base, kind: 'in-progress', nextStep: 'wait', message: {
      en: 'The service has an operation in progress. Wait until it finishes, then run the command again.',
      ja: 'サービスで操作が進行中です。完了を待ってから、もう一度コマンドを実行してください。' } };
  }
  if (name === 'ServiceQuotaExceededException' || /LimitExceeded$/.test(code)) {
    return { ...base, kind: 'quota', nextStep: 'open-log', message: {
      en: `An AWS quota was reached${detail ? `: ${detail}` : ''}.`, ja: `AWS のクォータ上限に達しました${detail ? `: ${detail}` : ''}。` } };
  }
  if (name === 'InvalidRequestException' || /^Invalid|ValidationException|MissingParameter|DependencyViolation/.test(code)) {
    return { ...base, kind: 'invalid-request', nextStep: 'open-log', message: {
      en: `AWS rejected the request${detail ? `: ${detail}` : ''}.`, ja: `AWS がリクエストを拒否しました${detail ? `: ${detail}` : ''}。` } };
  }
  if (httpStatus !== undefined && httpStatus >= 500) {
    return { ...base, kind: 'server', nextStep: 'retry', message: {
      en: `AWS returned a server error (${httpStatus}). Try again; re-running continues where it stopped.`,
      ja: `AWS がサーバーエラー（${httpStatus}）を返しました。再試行してください。再実行すると中断した所から続行します。` } };
  }
  return { ...base, kind: 'unknown', nextStep: 'open-log', message: {
    en: `Unexpected error${detail ? `: ${detail}` : ''}. See the "App Runner VPC" log for details.`,
    ja: `予期しないエラー${detail ? `: ${detail}` : ''}。詳細は「App Runner VPC」ログを参照してください。` } };
}

/** The endpointUrl setting is refused (endpointPolicy): plain http to a host that is not this machine. */
export function insecureEndpoint(message: Localized): NormalizedAwsError {
  return { kind: 'invalid-request', nextStep: 'check-endpoint', code: 'InsecureEndpoint', message };
}

