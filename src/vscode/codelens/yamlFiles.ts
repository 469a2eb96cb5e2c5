// What counts as an App Runner configuration file (App Runner reads exactly `apprunner.yaml`), and the
// model's zero-based ranges as editor ranges.
import * as vscode from 'vscode';
import type { TextRange } from '../../model/apprunnerYaml';

export const FILE_NAME = 'apprunner.yaml';
export const SELECTOR: vscode.DocumentSelector = { pattern: `**/${FILE_NAME}` };

export function isApprunnerYaml(document: vscode.TextDocument): boolean {
  return document.uri.path.split('/').pop() === FILE_NAME;
}

export function toRange(range: TextRange): vscode.Range {
  return new vscode.Range(range.startLine, range.startCol, range.endLine, range.endCol);
}
