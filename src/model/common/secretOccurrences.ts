// Generated code (Export Setup, `apprunner-vpc export`) is never masked: masking by value rewrote it (a secret
// `describe` turned `aws ec2 describe-security-groups` into `aws ec2 ***-security-groups`). Exports reference
// resources by id and hold no secret by design (docs/setup-as-code.md); this check is the safety net that makes an
// export refuse, naming the file and line, when a known secret value would appear in it anyway.
import type { Localized } from './awsError';
import { msg } from '../l10n/text';

/** The forms a known value is searched in: as is, JSON-escaped and URL-encoded (the forms maskSecrets masks). */
function formsOf(knownValues: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const value of knownValues) {
    // Shorter values are not secrets worth a refusal (maskSecrets ignores them too).
    if (typeof value !== 'string' || value.trim().length < 4) continue;
    forms.add(value);
    forms.add(JSON.stringify(value).slice(1, -1));
    forms.add(encodeURIComponent(value));
  }
  return [...forms];
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_-]/;

/**
 * Whether the value found at `at` stands on its own: not the start, middle or end of a longer word or
 * identifier (a secret `describe` is no secret found in `describe-security-groups`, which every bash export
 * holds; exports are made of identifiers, so a part of one is the generator's own text, not a leak).
 */
function standsAlone(text: string, at: number, form: string): boolean {
  const before = text[at - 1] ?? '';
  const after = text[at + form.length] ?? '';
  const joinsBefore = IDENTIFIER_CHAR.test(form[0]) && IDENTIFIER_CHAR.test(before);
  const joinsAfter = IDENTIFIER_CHAR.test(form[form.length - 1]) && IDENTIFIER_CHAR.test(after);
  return !joinsBefore && !joinsAfter;
}

/**
 * The 1-based numbers of the lines of `text` on which a known secret value appears on its own (never the
 * value); a value spanning lines is reported at its first line.
 */
export function secretOccurrences(text: string, knownValues: readonly string[]): number[] {
  const lines = new Set<number>();
  if (!text) return [];
  for (const form of formsOf(knownValues)) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (standsAlone(text, at, form)) lines.add(text.slice(0, at).split('\n').length);
    }
  }
  return [...lines].sort((a, b) => a - b);
}

export interface SecretLocation {
  path: string;
  line: number;
}

/** Every file and line of an export where a known secret value would appear. */
export function secretLocations(
  files: readonly { path: string; content: string }[],
  knownValues: readonly string[],
): SecretLocation[] {
  return files.flatMap((file) =>
    secretOccurrences(file.content, knownValues).map((line) => ({ path: file.path, line })),
  );
}

/** `template.yaml:12, main.tf:3` (file:line, as compilers name a place): where, never what. */
export function describeSecretLocations(locations: readonly SecretLocation[]): string {
  return locations.map((l) => `${l.path}:${l.line}`).join(', ');
}

/**
 * The refusal when a known secret value would appear in an export (undefined when none does): names the files
 * and lines, never the value, and that nothing was exported.
 */
export function exportSecretRefusal(
  files: readonly { path: string; content: string }[],
  knownValues: readonly string[],
): Localized | undefined {
  const locations = secretLocations(files, knownValues);
  if (locations.length === 0) return undefined;
  return msg(
    'The export would contain a known secret value at {0}: nothing was exported. Exports name resources by id, never a secret; check the settings and names that reached that line.',
    describeSecretLocations(locations),
  );
}
