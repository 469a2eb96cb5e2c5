// A call's parameters as CloudTrail writes them in `requestParameters`: EC2's and RDS's flat query keys
// (`IpPermissions.1.IpRanges.1.CidrIp`) nested back into objects and lists, JSON bodies as sent, and every
// secret replaced by the marker CloudTrail itself uses. App Runner's environment variables carry
// DATABASE_URL with its password, RDS calls carry master passwords: none of it may reach the record.

export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** Keys whose values are secrets wherever they appear (any letter case). */
const SECRET_KEY = /password|secret|token|credential|privatekey/i;
/** Keys whose whole value is hidden: environment variables may hold anything (DATABASE_URL with its password). */
const HIDDEN_VALUE_KEY = /^(runtimeenvironmentvariables|runtimeenvironmentsecrets|environmentvariables|userdata)$/i;
/** Query-protocol keys that are the envelope, not parameters. */
const ENVELOPE = new Set(['Action', 'Version']);

type Json = null | string | number | boolean | Json[] | { [k: string]: Json };

function lowerFirst(s: string): string {
  return s ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function insert(root: Record<string, Json>, path: string[], value: string): void {
  let node: Record<string, Json> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, Json>;
  }
  node[path[path.length - 1]!] = value;
}

/** Objects whose keys are all list indexes ("1", "2", ...) become lists in index order. */
function listify(value: Json): Json {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(listify);
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => listify(value[k]!));
  }
  return Object.fromEntries(keys.map((k) => [lowerFirst(k), listify(value[k]!)]));
}

/** Replaces secrets (by key) with the marker, keeping the shape. */
export function redact(value: Json, key = ''): Json {
  if (key && (SECRET_KEY.test(key) || HIDDEN_VALUE_KEY.test(key))) return HIDDEN;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => redact(v));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
}

/** Query-protocol parameters (EC2, RDS, STS) as CloudTrail's nested, camelCase requestParameters. */
export function queryRequestParameters(params: URLSearchParams): Record<string, Json> {
  const root: Record<string, Json> = {};
  for (const [key, value] of params) {
    if (ENVELOPE.has(key)) continue;
    insert(root, key.split('.'), value);
  }
  return redact(listify(root)) as Record<string, Json>;
}

/** A JSON protocol body (App Runner, CloudWatch Logs) as requestParameters, camelCase like CloudTrail's. */
export function jsonRequestParameters(body: string): Record<string, Json> {
  let parsed: Json;
  try {
    parsed = JSON.parse(body || '{}') as Json;
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  return redact(listify(parsed)) as Record<string, Json>;
}

export type { Json };
