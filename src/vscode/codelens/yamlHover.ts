// Hover on an apprunner.yaml key: its short documentation from the model, in the UI language.
import * as vscode from 'vscode';
import { masked } from '../masking';
import { loadYamlSupport } from '../yamlSupportLoader';
import { pick } from '../localize';
import { toRange } from './yamlFiles';

export const yamlHover: vscode.HoverProvider = {
  provideHover(document, position) {
    const { keyDocFor, keyPathAt } = loadYamlSupport();
    const at = keyPathAt(document.getText(), position.line, position.character);
    if (!at?.onKey) return undefined;
    const doc = keyDocFor(at.path);
    if (!doc) return undefined;
    const text = new vscode.MarkdownString();
    text.appendMarkdown(`\`${doc.key}\`\n\n`);
    text.appendMarkdown(masked(pick(doc.doc)));
    return new vscode.Hover(text, toRange(at.range));
  },
};
