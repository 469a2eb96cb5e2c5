import * as vscode from 'vscode';
import { languageOf, localize, type Localized } from '../model/l10n/text';

/** The UI language as a bundle language ("ja", "de", ...; "en" when no bundle has it). The one place that reads it. */
export const uiLang = (): string => languageOf(vscode.env.language);

/** A model text in the UI language (English when the text has no translation for it). */
export function pick(text: Localized): string {
  return localize(text, uiLang());
}
