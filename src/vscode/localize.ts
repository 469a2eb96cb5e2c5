import * as vscode from 'vscode';
import type { Localized } from '../model/awsError';

/** Picks the model's English or Japanese text for the UI language (the model cannot import vscode.l10n). */
export function pick(text: Localized): string {
  return vscode.env.language.toLowerCase().startsWith('ja') ? text.ja : text.en;
}
