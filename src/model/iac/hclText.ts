// A small HCL writer for Terraform files: strings with HCL's escapes, and `${` / `%{` doubled so a name can
// never become an interpolation or a template directive; expressions (references) are written as given.

/** An HCL expression written as is (a reference like `var.vpc_id`), not as a string. */
export interface HclExpr {
  expr: string;
}

export type HclValue = string | number | boolean | HclExpr | HclValue[] | { [key: string]: HclValue | undefined };

export const expr = (text: string): HclExpr => ({ expr: text });

function isExpr(v: unknown): v is HclExpr {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    typeof (v as HclExpr).expr === 'string'
  );
}

export function hclString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (
      code < 0x20 ||
      (code >= 0x7f && code <= 0x9f) ||
      code === 0x2028 ||
      code === 0x2029 ||
      (code >= 0x200e && code <= 0x200f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0xfeff
    )
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  // Interpolation and directive openers, escaped as HCL spells it.
  return `${out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{')}"`;
}

/** A map key: bare when it is an identifier, else quoted. */
function hclKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? key : hclString(key);
}

export function hclValue(value: HclValue, indent = 0): string {
  if (typeof value === 'string') return hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isExpr(value)) return value.expr;
  const pad = ' '.repeat(indent + 2);
  if (Array.isArray(value)) return value.length === 0 ? '[]' : `[${value.map((v) => hclValue(v, indent)).join(', ')}]`;
  const entries = Object.entries(value).filter((e): e is [string, HclValue] => e[1] !== undefined);
  if (entries.length === 0) return '{}';
  const width = Math.max(...entries.map(([k]) => hclKey(k).length));
  return `{\n${entries.map(([k, v]) => `${pad}${hclKey(k).padEnd(width)} = ${hclValue(v, indent + 2)}`).join('\n')}\n${' '.repeat(indent)}}`;
}

/** `name = value` lines of a block body at `indent`, the `=` aligned as terraform fmt aligns them. */
export function hclAttributes(attrs: Record<string, HclValue | undefined>, indent: number): string[] {
  const entries = Object.entries(attrs).filter((e): e is [string, HclValue] => e[1] !== undefined);
  const width = Math.max(0, ...entries.map(([k]) => k.length));
  const pad = ' '.repeat(indent);
  return entries.map(([k, v]) => `${pad}${k.padEnd(width)} = ${hclValue(v, indent)}`);
}
