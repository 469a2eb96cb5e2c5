// One way to translate. English text is the key, with {0}, {1} placeholders exactly as `vscode.l10n.t`
// writes them; every other language is a bundle file `l10n/bundle.l10n.<lang>.json` (the same files VS Code
// reads for `vscode.l10n.t`). Model, engine and CLI code cannot call `vscode.l10n.t` (no vscode outside the
// extension) and cannot pick the language when they build a message (the CLI and the extension choose it
// at render time, the CLI's JSON output carries every language), so `msg()` returns a `Localized` record
// with one entry per bundled language; the caller renders it with `localize(text, lang)`.
// The model does no I/O: the host (extension, CLI, test runner) registers the bundle files once at start
// (src/l10nBundles.ts, imported first), before any model module builds a text. The registry lives on
// globalThis because the extension's lazily loaded bundles (backend.js) carry their own copy of this module.

/** A language tag ("en", "ja", "de-CH"): any language with a bundle; English when none has it. */
export type Lang = string;

/** A user-visible text in every bundled language; `en` always, `ja` always (falls back to English). */
export interface Localized {
  en: string;
  ja: string;
  readonly [lang: string]: string;
}

/** A placeholder value: plain text or another localized text (rendered in the same language). */
export type MsgArg = string | number | Localized;

const REGISTRY = Symbol.for('apprunner-vpc.l10n.bundles');

function registry(): Map<string, Readonly<Record<string, string>>> {
  const g = globalThis as { [REGISTRY]?: Map<string, Readonly<Record<string, string>>> };
  return (g[REGISTRY] ??= new Map());
}

/** The registered bundles, by language. */
function bundles(): [string, Readonly<Record<string, string>>][] {
  return [...registry().entries()];
}

/** Every language a `Localized` carries. */
export function languages(): string[] {
  return ['en', ...bundles().map(([lang]) => lang)];
}

function format(template: string, args: readonly MsgArg[], lang: string): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
    const arg = args[Number(index)];
    if (arg === undefined) return whole;
    return typeof arg === 'object' ? localize(arg, lang) : String(arg);
  });
}

/** The text for `en` (English, the key) in every bundled language; a missing translation falls back to English. */
export function msg(en: string, ...args: MsgArg[]): Localized {
  const out: Record<string, string> = { en: format(en, args, 'en') };
  for (const [lang, bundle] of bundles()) out[lang] = format(bundle[en] ?? en, args, lang);
  out.ja ??= out.en;
  return out as Localized;
}

/** `text` in `lang` (a language tag such as "ja", "de-CH"), else in English. */
export function localize(text: Localized, lang: string): string {
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return text[lang] ?? text[primary] ?? text.en;
}

/** The language of a locale string ("ja-JP" -> "ja"); English when no bundle has it. */
export function languageOf(locale: string | undefined): string {
  const primary = (locale ?? '').toLowerCase().split(/[-_.]/)[0];
  return languages().includes(primary) ? primary : 'en';
}

/** Adds (or replaces) a language's bundle; returns a function removing it (tests). */
export function registerBundle(lang: string, bundle: Readonly<Record<string, string>>): () => void {
  registry().set(lang, bundle);
  return () => registry().delete(lang);
}

/** Text that reads the same in every language (an id, a name, a port). */
export function same(text: string): Localized {
  return mapText(msg('{0}'), () => text);
}

/** `text` changed per language by `f` (e.g. cut to its first sentence). */
export function mapText(text: Localized, f: (s: string, lang: string) => string): Localized {
  return Object.fromEntries(Object.entries(text).map(([lang, s]) => [lang, f(s, lang)])) as Localized;
}

/** The texts joined with `separator` in each language (a localized separator: "; " in English, "、" in Japanese). */
export function joinTexts(texts: readonly Localized[], separator: string | Localized): Localized {
  return Object.fromEntries(
    languages().map((lang) => [
      lang,
      texts.map((t) => localize(t, lang)).join(typeof separator === 'string' ? separator : localize(separator, lang)),
    ]),
  ) as Localized;
}
