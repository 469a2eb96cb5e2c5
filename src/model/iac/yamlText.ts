// A small YAML writer for CloudFormation templates: block style, every string double-quoted with JSON's
// escapes (a JSON string is a valid YAML double-quoted scalar), and the characters that end or steer a line
// escaped too, so no value can start a new key, a comment or a document whatever a name holds.

// C0/C1 controls, DEL, NEL, the line and paragraph separators, bidi overrides and the BOM: \uXXXX in the file.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

export function yamlString(text: string): string {
  return JSON.stringify(text).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function yamlKey(key: string): string {
  return /^[A-Za-z][A-Za-z0-9]*(::[A-Za-z][A-Za-z0-9]*)*$/.test(key) ? key : yamlString(key);
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  throw new Error(`not a YAML scalar: ${typeof value}`);
}

const isBlock = (v: unknown): v is object =>
  typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

/** The lines of `value` as a block at `indent` spaces (for a mapping or a sequence). */
export function yamlLines(value: unknown, indent = 0): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return value.flatMap((item) => {
      if (!isBlock(item))
        return [
          `${pad}- ${Array.isArray(item) ? '[]' : typeof item === 'object' && item !== null ? '{}' : scalar(item)}`,
        ];
      const inner = yamlLines(item, indent + 2);
      return [`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1)];
    });
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([k, v]) =>
      isBlock(v)
        ? [`${pad}${yamlKey(k)}:`, ...yamlLines(v, indent + 2)]
        : [`${pad}${yamlKey(k)}: ${Array.isArray(v) ? '[]' : typeof v === 'object' && v !== null ? '{}' : scalar(v)}`],
    );
  }
  return [`${pad}${scalar(value)}`];
}
