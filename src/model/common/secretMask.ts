// The one masking function for every text that leaves the process: notifications, the log, reports, exported
// files, CLI text and JSON, the diagram, CodeLens and hovers. It errs on the side of masking: a masked word
// that was not a secret costs a reader a moment; a shown password costs the database.
//
// Masking keeps the text's shape (keys, quotes, separators and the URL's user name and host stay), so JSON
// stays JSON and a reader still sees which setting held the secret.

export const MASK = '***';

/** Key names whose values are secrets: password, passwd, pwd, secret, token, api_key and their compounds. */
const SECRET_WORD =
  /(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|signature)/i;
// A key is secret when it holds a secret word, unless it only names or points at the secret (SecretArn,
// secret_id, TokenType): those are identifiers the user needs to see.
const NOT_SECRET_SUFFIX =
  /(?:arn|id|ids|name|names|ref|type|count|length|path|url|uri|file|expir\w*|policy|manager|s)$/i;

export function isSecretName(name: string): boolean {
  const m = SECRET_WORD.exec(name);
  if (!m) return false;
  const rest = name.slice(m.index + m[0].length).replace(/^[_.-]/, '');
  // MYSQL_PWD, PGPASSWORD, DB_PASSWORD_FILE's neighbour DB_PASSWORD, aws_secret_access_key: all secret.
  if (/^access[_-]?key$/i.test(rest)) return true;
  return rest === '' || !NOT_SECRET_SUFFIX.test(rest);
}

/** The values of an environment whose names look secret (the service's own variables, the process's). */
export function secretValuesOf(environment: Readonly<Record<string, string | undefined>> | undefined): string[] {
  if (!environment) return [];
  return Object.entries(environment)
    .filter(([name, value]) => !!value && isSecretName(name))
    .map(([, value]) => value as string);
}

// scheme://userinfo@host: the userinfo runs to the LAST '@' of the token, because an unencoded password may
// hold '@', '/' or ':' (postgres://user:p@ss@host, postgres://u:ab/cd@h). A token ends at white space or a quote.
const URL_TOKEN = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s"'<>`]+)/gi;

function maskUrl(_all: string, scheme: string, rest: string): string {
  const at = rest.lastIndexOf('@');
  if (at < 0) return scheme + rest;
  const userinfo = rest.slice(0, at);
  const colon = userinfo.indexOf(':');
  // A user name alone (postgres://app@db) is not a secret; a password after the colon is, even when empty user.
  if (colon < 0) return scheme + rest;
  if (userinfo.slice(colon + 1) === MASK) return scheme + rest;
  return `${scheme}${userinfo.slice(0, colon + 1)}${MASK}${rest.slice(at)}`;
}

// key = value, key: value, "key": "value", key="value", also inside escaped JSON (\"key\":\"value\").
// Group 1: the key with its quotes and separator; group 2: the opening quote (maybe escaped); then the value.
const KEY = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|signature)[A-Za-z0-9_.-]*`;
const KEY_VALUE = new RegExp(
  String.raw`((?:^|(?<=[^A-Za-z0-9_.-]))(${KEY})(?:\\?["'])?[ \t]*(?:=|:(?!\/\/))[ \t]*)(?:(\\?")((?:[^"\\\r\n]|\\(?!")[^"\r\n]?)*)\\?"|(')([^'\r\n]*)'|([^\s"'\\&,;)}\]<>]+))`,
  'gim',
);
// YAML (and .env / shell) lines where the whole rest of the line is the value: "  password: two words".
const YAML_LINE = new RegExp(
  String.raw`^([ \t]*(?:-[ \t]+)?(?:export[ \t]+)?(${KEY})[ \t]*[:=][ \t]+)([^\s"'#|>&][^\r\n]*?)[ \t]*$`,
  'gim',
);

// apprunner.yaml's env list: "- name: DB_PASSWORD" with "value: ..." on the next line.
const NAME_VALUE_PAIR = new RegExp(
  String.raw`(\bname:[ \t]*["']?(${KEY})["']?[ \t]*\r?\n[ \t]*value:[ \t]*)(["']?)([^\r\n]*?)\3[ \t]*$`,
  'gim',
);

function maskKeyValue(
  all: string,
  head: string,
  key: string,
  dq?: string,
  dqValue?: string,
  sq?: string,
  sqValue?: string,
  bare?: string,
): string {
  if (!isSecretName(key)) return all;
  if (dq !== undefined)
    return dqValue === '' || dqValue === MASK || dqValue?.startsWith('arn:') ? all : `${head}${dq}${MASK}${dq}`;
  if (sq !== undefined) return sqValue === '' || sqValue === MASK ? all : `${head}'${MASK}'`;
  if (!bare || bare === MASK || bare.startsWith('[redacted') || bare.startsWith('arn:')) return all;
  return `${head}${MASK}`;
}

// Authorization headers and bare bearer tokens; AWS signature v4 headers carry the credential scope and signature.
const AUTHORIZATION =
  /(\bauthorization\\?["']?[ \t]*[:=][ \t]*\\?["']?)(?:(Bearer|Basic|Token|Digest|AWS4-HMAC-SHA256)[ \t]+)?([^\s"'\\][^"'\\\r\n]*)/gi;
const BEARER = /\b(Bearer)[ \t]+([A-Za-z0-9\-._~+/]{8,}=*)/g;
// AWS access key ids (long-term AKIA, temporary ASIA, and the other principal prefixes).
const ACCESS_KEY_ID = /\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{12,}\b/g;
// A secret access key: 40 characters of base64, seen alone. To spare hex digests and paths it must mix upper,
// lower case and digits and not start with '/'.
const SECRET_KEY_SHAPE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9+][A-Za-z0-9/+]{39}(?![A-Za-z0-9/+=])/g;
// STS session tokens start with these (base64 of the token's version header).
const SESSION_TOKEN = /\b(?:FwoG|FQoG|IQoJ|IQoD)[A-Za-z0-9/+=]{60,}/g;

function maskSecretKeyShape(candidate: string): string {
  return /[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /[0-9]/.test(candidate) ? MASK : candidate;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface PreparedValue {
  value: string;
  /** The same value as it appears inside a JSON string, when that differs. */
  jsonForm?: string;
  /** The same value as it appears in a URL, when that differs. */
  urlForm?: string;
}

// The known values change rarely (a load learns them) but are asked for on every call: sorting and encoding
// 1,000 of them each time cost ~1 ms per call (docs/performance.md, "The tree at scale"). Kept per list content.
const prepared = new Map<string, PreparedValue[]>();
const PREPARED_LISTS = 4;

function preparedValues(extraSecretValues: readonly string[]): PreparedValue[] {
  if (extraSecretValues.length === 0) return [];
  // Entries that are not strings are dropped below, so they share one marker in the key.
  const key = extraSecretValues.map((v) => (typeof v === 'string' ? v : '\u0001')).join('\u0000');
  const cached = prepared.get(key);
  if (cached) return cached;
  // Known values first, longest first, so a value that contains another is masked whole.
  const values = [...new Set(extraSecretValues.filter((v) => typeof v === 'string' && v.trim().length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  const list = values.map((value): PreparedValue => {
    const jsonForm = JSON.stringify(value).slice(1, -1);
    const urlForm = encodeURIComponent(value);
    return {
      value,
      jsonForm: jsonForm !== value ? jsonForm : undefined,
      urlForm: urlForm !== value ? urlForm : undefined,
    };
  });
  if (prepared.size >= PREPARED_LISTS) prepared.delete(prepared.keys().next().value as string);
  prepared.set(key, list);
  return list;
}

/**
 * Masks passwords in URLs, secret keys in k=v/JSON/YAML forms, Authorization headers and bearer tokens, AWS
 * access key ids, secret keys and session tokens, and every value in `extraSecretValues` (at least 4
 * characters, so a one-letter value does not blank the text) wherever it appears.
 */
export function maskSecrets(text: string, extraSecretValues: readonly string[] = []): string {
  if (!text) return text;
  let out = text;
  for (const { value, jsonForm, urlForm } of preparedValues(extraSecretValues)) {
    // A replace or split of a form the text does not hold changes nothing: looked for first.
    if (out.includes(value)) out = out.replace(new RegExp(escapeRegExp(value), 'g'), MASK);
    if (jsonForm !== undefined && out.includes(jsonForm)) out = out.split(jsonForm).join(MASK);
    if (urlForm !== undefined && out.includes(urlForm)) out = out.split(urlForm).join(MASK);
  }
  out = out.replace(URL_TOKEN, maskUrl);
  out = out.replace(AUTHORIZATION, (all, head: string, scheme: string | undefined, value: string) =>
    value.trim() === MASK ? all : `${head}${scheme ? `${scheme} ` : ''}${MASK}`,
  );
  out = out.replace(BEARER, (all, word: string, value: string) => (value === MASK ? all : `${word} ${MASK}`));
  out = out.replace(NAME_VALUE_PAIR, (all, head: string, key: string, quote: string, value: string) =>
    isSecretName(key) && value !== '' && value !== MASK ? `${head}${quote}${MASK}${quote}` : all,
  );
  out = out.replace(YAML_LINE, (all, head: string, key: string, value: string) =>
    isSecretName(key) && value !== MASK && !value.startsWith('arn:') ? `${head}${MASK}` : all,
  );
  out = out.replace(KEY_VALUE, maskKeyValue);
  out = out.replace(SESSION_TOKEN, MASK);
  out = out.replace(ACCESS_KEY_ID, MASK);
  out = out.replace(SECRET_KEY_SHAPE, maskSecretKeyShape);
  return out;
}

/** maskSecrets over every string inside a JSON-like value (CLI JSON, webview messages), keys kept. */
export function maskSecretsDeep<T>(value: T, extraSecretValues: readonly string[] = []): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string')
      return key && isSecretName(key) && v !== '' && !/^arn:/.test(v) ? MASK : maskSecrets(v, extraSecretValues);
    if (Array.isArray(v)) return v.map((item) => walk(item));
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, item]) => [k, walk(item, k)]));
    }
    return v;
  };
  return walk(value) as T;
}
