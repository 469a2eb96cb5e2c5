// The prompts of "Link to an App Runner service...", behind an object tests replace (DESIGN section 7).
import * as vscode from 'vscode';
import { masked } from '../masking';

export interface LinkChoice {
  label: string;
  description?: string;
  detail?: string;
  /** The service name; undefined for "forget my choice". */
  serviceName?: string;
}

export interface LinkUi {
  /** The chosen item, or undefined when dismissed. */
  pickService(choices: LinkChoice[], placeHolder: string): Promise<LinkChoice | undefined>;
  info(message: string): void;
}

export const windowUi: LinkUi = {
  pickService: async (choices, placeHolder) =>
    vscode.window.showQuickPick(choices, { placeHolder, matchOnDescription: true }),
  info: (message) => void vscode.window.showInformationMessage(masked(message)),
};
