import * as vscode from 'vscode';
import { masked } from './masking';

// One log channel for the whole extension. Everything written passes through maskSecrets, with the session's
// own credentials and the loaded services' secrets masked by value too.
let channel: vscode.LogOutputChannel | undefined;

export function initLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('App Runner VPC', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

export const log = {
  debug: (message: string): void => channel?.debug(masked(message)),
  info: (message: string): void => channel?.info(masked(message)),
  warn: (message: string): void => channel?.warn(masked(message)),
  error: (message: string): void => channel?.error(masked(message)),
  show: (): void => channel?.show(true),
};
