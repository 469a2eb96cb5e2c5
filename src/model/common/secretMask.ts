// The one masking function for every text that leaves the process: notifications, the log, reports, exported
// files, CLI text and JSON, the diagram, CodeLens and hovers. It errs on the side of masking: a masked word
// that was not a secret costs a reader a moment; a shown password costs the database.
//
// Masking keeps the text's shape (keys, quotes, separators and the URL's user name and host stay), so JSON
// stays JSON and a reader still sees which setting held the secret.

export const MASK = '***';

/** Key names whose values are secrets: password, passwd, pwd, secret, token, api_key and their compounds. */
const SECRET_WORD =
  /(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|signature|pass)/i;
// A key is secret when it holds a secret word, unless it only names or points at the secret (SecretArn,
// secret_id, TokenType): those are identifiers the user needs to see. A plural ("secrets", "credentials",
// "tokens") is secret: it holds the values.
const NOT_SECRET_SUFFIX = /(?:arn|id|ids|name|names|ref|type|count|length|path|url|uri|file|expir\w*|policy|manager)$/i;

// "pass" is a key word only as a word of its own (DB_PASS, dbPass, "pass"), never inside bypass or passage.
function isPassWord(name: string, at: number): boolean {
  const word = name.slice(at, at + 4);
  const before = name[at - 1] ?? '';
  const after = name[at + 4] ?? '';
  const upper = word === 'PASS';
  const boundaryBefore = before === '' || !/[A-Za-z]/.test(before) || (word[0] === 'P' && !upper);
  const boundaryAfter = after === '' || !/[A-Za-z]/.test(after) || (!upper && /[A-Z]/.test(after));
  return boundaryBefore && boundaryAfter;
}

export function isSecretName(name: string): boolean {
  const m = SECRET_WORD.exec(name);
  if (!m) return false;
  if (m[0].toLowerCase() === 'pass' && !isPassWord(name, m.index)) return false;
  const rest = name.slice(m.index + m[0].length).replace(/^[_.-]/, '');
  // MYSQL_PWD, PGPASSWORD, DB_PASSWORD_FILE's neighbour DB_PASSWORD, aws_secret_access_key: all secret.
  if (/^access[_-]?key$/i.test(rest)) return true;
  // A plural names the values (secrets, credentials); a plural with more words names something about them
  // (secretsInLogs, tokens_used).
  if (/^s$/i.test(rest)) return true;
  if (/^s[A-Z_.-]/.test(rest)) return false;
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

// key = value, key: value, "key": "value", key="value", Ruby's "key"=>"value", also inside escaped JSON
// (\"key\":\"value\"). Group 1: the key with its quotes and separator; then one quoting form of the value, each
// read to its real closing quote so no escaped quote ends it early (no partial leak):
//   "..." with \" escapes | \"...\" (JSON in a JSON string, \\\" escapes) | '...' with \' escapes |
//   an unclosed quote (a truncated line: the rest of the line) | bare words up to the next key=, a , ; & or the end.
const KEY = String.raw`[A-Za-z0-9_.-]*(?:password|passwd|passphrase|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credential|signature|pass)[A-Za-z0-9_.-]*`;
const BARE_WORD = String.raw`[^\s"'\\&,;)}\]<>]+`;
// A resource type inside an ARN (arn:aws:secretsmanager:region:account:secret:name) is no key: the ARN names
// the secret, it does not hold it, and the user needs it to find the secret.
const KEY_VALUE = new RegExp(
  String.raw`((?:^|(?<=[^A-Za-z0-9_.-]))(?<!:\/\/)(?<!\barn:[\w-]+:[\w-]+:[\w-]*:\d*:)(${KEY})(?:\\?["'])?[ \t]*(?:=>|=|:(?!\/\/))[ \t]*)(?:(")((?:[^"\\\r\n]|\\.)*)"|(\\")((?:\\\\\\"|[^"\\\r\n]|\\[^"\r\n])*?)\\"|(')((?:[^'\\\r\n]|\\.)*)'|(\\?["'])([^\r\n]+)$|(${BARE_WORD}(?:[ \t]+(?![A-Za-z0-9_.-]+[ \t]*(?:=|:))${BARE_WORD})*))`,
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

function keptValue(key: string, value: string | undefined): boolean {
  if (!value || value === MASK || value.startsWith('arn:') || /^\[(?:redacted|FILTERED|PROTECTED)/i.test(value))
    return true;
  // A plural key's count (max_tokens=100) is not a secret.
  return /s$/i.test(key) && /^\d+$/.test(value);
}

function maskKeyValue(all: string, ...groups: unknown[]): string {
  const offset = groups[11] as number;
  const whole = groups[12] as string;
  const [head, key, dq, dqValue, edq, edqValue, sq, sqValue, openQuote, unclosed, bare] = groups as [
    string,
    string,
    ...(string | undefined)[],
  ];
  if (dq !== undefined) return keptValue(key, dqValue) ? all : `${head}"${MASK}"`;
  if (edq !== undefined) return keptValue(key, edqValue) ? all : `${head}\\"${MASK}\\"`;
  if (sq !== undefined) return keptValue(key, sqValue) ? all : `${head}'${MASK}'`;
  if (openQuote !== undefined) return keptValue(key, unclosed) ? all : `${head}${openQuote}${MASK}`;
  if (keptValue(key, bare) || !bare) return all;
  // An environment variable (PGPASSWORD=x psql ...) takes one word, as the shell reads it; so does a URL's
  // query parameter (?access_token=x HTTP/1.1). Elsewhere the following words may be more of the value.
  if (/^[A-Z0-9_]+$/.test(key) || /[?&]$/.test(whole.slice(0, offset))) {
    const word = /^\S+/.exec(bare)?.[0] ?? bare;
    return word === MASK ? all : `${head}${MASK}${bare.slice(word.length)}`;
  }
  return `${head}${MASK}`;
}

/** KEY_VALUE over the text; after a key that is not secret the scan goes on from its value, which may hold one. */
function maskKeyValues(text: string): string {
  let out = '';
  let from = 0;
  KEY_VALUE.lastIndex = 0;
  for (let m = KEY_VALUE.exec(text); m; m = KEY_VALUE.exec(text)) {
    if (!isSecretName(m[2])) {
      // passlib.exc: verify(secret='...'): "passlib.exc" is no secret key, the "secret" in its value is.
      // An ARN is read whole: its "secret:" is a resource type, not a key.
      const value = m[0].slice(m[1].length);
      KEY_VALUE.lastIndex = m.index + (/^\\?["']?arn:/.test(value) ? m[0].length : m[1].length);
      continue;
    }
    out += text.slice(from, m.index) + maskKeyValue(m[0], ...m.slice(1), m.index, text);
    from = m.index + m[0].length;
  }
  return out + text.slice(from);
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

// Known values: one compiled matcher per set of values (the extension passes the same set call after call), so
// a thousand values cost one regular expression pass, not a thousand. Each value is matched as it is, as it
// appears inside a JSON string, and URL-encoded; longest first, so a value that contains another is masked whole.
// Looked up by the array first (a caller that keeps its array pays nothing; one that pushes to it is seen by
// its length), then by its contents.
const knownMatchersByArray = new WeakMap<readonly string[], { length: number; matcher: RegExp | undefined }>();
const knownMatchers = new Map<string, RegExp | undefined>();
const KNOWN_MATCHERS_KEPT = 16;

function knownValuesMatcher(extraSecretValues: readonly string[]): RegExp | undefined {
  const cached = knownMatchersByArray.get(extraSecretValues);
  if (cached && cached.length === extraSecretValues.length) return cached.matcher;
  const matcher = knownValuesMatcherByContent(extraSecretValues);
  knownMatchersByArray.set(extraSecretValues, { length: extraSecretValues.length, matcher });
  return matcher;
}

function knownValuesMatcherByContent(extraSecretValues: readonly string[]): RegExp | undefined {
  const key = extraSecretValues.join('\u0000');
  if (knownMatchers.has(key)) return knownMatchers.get(key);
  const forms = new Set<string>();
  for (const value of extraSecretValues) {
    if (typeof value !== 'string' || value.trim().length < 4) continue;
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
    forms.add(encodeURIComponent(value));
  }
  const matcher =
    forms.size === 0
      ? undefined
      : new RegExp(
          [...forms]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|'),
          'g',
        );
  if (knownMatchers.size >= KNOWN_MATCHERS_KEPT) knownMatchers.delete(knownMatchers.keys().next().value as string);
  knownMatchers.set(key, matcher);
  return matcher;
}

// A JSON Web Token on its own (header and payload are base64url JSON, so both start with "eyJ").
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
// Tokens whose prefix says what they are: GitHub, Stripe (secret, restricted, webhook), Slack, GitLab, npm, Google.
const VENDOR_TOKEN =
  /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,}|(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9]{20,}|xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{36}|AIza[0-9A-Za-z_-]{35})\b/g;
const SLACK_WEBHOOK = /(\bhooks\.slack\.com\/services\/)[A-Za-z0-9/]+/g;
// Go's MySQL driver DSN: user:password@tcp(host:3306)/db (the password may hold '@' or ':').
const GO_DSN = /((?:^|(?<=[\s"'=`(]))[A-Za-z0-9_.-]*:)(\S*?)(@(?:tcp6?|udp|unix)\()/gm;
// A URL whose unencoded password holds a space or a quote, which ends URL_TOKEN's token early.
const URL_WITH_SPACE =
  /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"'<>]*:)([^/@\r\n]*?[\s"'][^/@\r\n]*?)(@[A-Za-z0-9.-]+(?::\d+)?(?=[/?#\s"'<>]|$))/gim;
// Cookie and Set-Cookie headers: every cookie's value, not the attributes (Path, Expires...).
const COOKIE_HEADER = /(\b(?:set-)?cookie\\?["']?[ \t]*[:=][ \t]*\\?["']?)([^\r\n"']*)/gi;
const COOKIE_ATTRIBUTES = /^(?:path|domain|expires|max-age|samesite|priority|version|comment)$/i;
// The OAuth authorization code in a redirect or token request.
const OAUTH_CODE = /((?:^|[?&#\s])code=)([^&\s"'#]+)/gi;
// Spring Boot's binding failure: "Property: spring.datasource.password Value: "...""
const PROPERTY_VALUE = new RegExp(String.raw`(\bProperty:[ \t]*(${KEY})[ \t]+Value:[ \t]*)("?)([^"\r\n]*)\3`, 'gi');
// A secret key whose value is an object or array ({"password":{"value":"..."}}, "tokens":["a","b"]).
const SECRET_CONTAINER = new RegExp(String.raw`(["']?)(${KEY})\1[ \t]*(?:=>|:)[ \t]*(?=[{[])`, 'gi');

function maskCookies(_all: string, head: string, cookies: string): string {
  const masked = cookies.replace(/([^=;,\s]+)=([^;,\s]*)/g, (pair, name: string, value: string) =>
    COOKIE_ATTRIBUTES.test(name) || value === '' || value === MASK ? pair : `${name}=${MASK}`,
  );
  return head + masked;
}

/** Masks every string and number inside the object or array that starts at `open` (JSON, Python or Ruby). */
function maskContainers(text: string): string {
  let out = '';
  let from = 0;
  for (const m of text.matchAll(SECRET_CONTAINER)) {
    const start = (m.index ?? 0) + m[0].length;
    if (start < from || !isSecretName(m[2])) continue;
    const end = containerEnd(text, start);
    const inner = text
      .slice(start, end)
      // Strings in order, keys included, so a key's closing quote never opens a match.
      .replace(
        /(\\?["'])((?:(?!\1)[^\\\r\n]|\\.)*)\1([ \t]*(?::|=>))?/g,
        (all, q: string, v: string, colon?: string) =>
          colon !== undefined || v === '' || v === MASK ? all : `${q}${MASK}${q}`,
      )
      .replace(/(?<=[:[,][ \t]*)-?\d[\d.]*(?=[ \t]*[,}\]])/g, MASK);
    out += text.slice(from, start) + inner;
    from = end;
  }
  return from === 0 ? text : out + text.slice(from);
}

function containerEnd(text: string, start: number): number {
  let depth = 0;
  let quote = '';
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (c === '\n' && depth === 0) return i;
  }
  return text.length;
}

/**
 * Masks passwords in URLs and DSNs, secret keys in k=v/JSON/YAML/Ruby forms (nested objects too), Authorization
 * and Cookie headers, bearer tokens, JWTs, vendor tokens (GitHub, Stripe, Slack...), OAuth codes, AWS access key
 * ids, secret keys and session tokens, and every value in `extraSecretValues` (at least 4 characters, so a
 * one-letter value does not blank the text) wherever it appears.
 */
export function maskSecrets(text: string, extraSecretValues: readonly string[] = []): string {
  if (!text) return text;
  let out = text;
  const known = extraSecretValues.length > 0 ? knownValuesMatcher(extraSecretValues) : undefined;
  if (known) out = out.replace(known, MASK);
  out = out.replace(JWT, MASK);
  out = out.replace(VENDOR_TOKEN, MASK);
  out = out.replace(SLACK_WEBHOOK, `$1${MASK}`);
  out = out.replace(GO_DSN, (all, user: string, password: string, rest: string) =>
    password === '' || password === MASK ? all : `${user}${MASK}${rest}`,
  );
  out = out.replace(URL_WITH_SPACE, (all, head: string, password: string, host: string) =>
    // "http://localhost:8080 started, mail admin@x": a port, not a password.
    /^\d+(?:\s|$)/.test(password) || password === MASK ? all : `${head}${MASK}${host}`,
  );
  out = out.replace(URL_TOKEN, maskUrl);
  out = out.replace(COOKIE_HEADER, maskCookies);
  out = out.replace(OAUTH_CODE, (all, head: string, code: string) => (code === MASK ? all : `${head}${MASK}`));
  out = out.replace(AUTHORIZATION, (all, head: string, scheme: string | undefined, value: string) =>
    value.trim() === MASK ? all : `${head}${scheme ? `${scheme} ` : ''}${MASK}`,
  );
  out = out.replace(BEARER, (all, word: string, value: string) => (value === MASK ? all : `${word} ${MASK}`));
  out = out.replace(PROPERTY_VALUE, (all, head: string, key: string, quote: string, value: string) =>
    isSecretName(key) && !keptValue(key, value) ? `${head}${quote}${MASK}${quote}` : all,
  );
  out = maskContainers(out);
  out = out.replace(NAME_VALUE_PAIR, (all, head: string, key: string, quote: string, value: string) =>
    isSecretName(key) && value !== '' && value !== MASK ? `${head}${quote}${MASK}${quote}` : all,
  );
  out = out.replace(YAML_LINE, (all, head: string, key: string, value: string) =>
    isSecretName(key) && !keptValue(key, value) ? `${head}${MASK}` : all,
  );
  out = maskKeyValues(out);
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
