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
  /**
   * Whether debug lines reach the channel (its level is Debug or Trace): a line per AWS request is built and
   * masked only then, not thousands of times per load for nothing.
   */
  debugEnabled: (): boolean =>
    !!channel && channel.logLevel !== vscode.LogLevel.Off && channel.logLevel <= vscode.LogLevel.Debug,
  info: (message: string): void => channel?.info(masked(message)),
  warn: (message: string): void => channel?.warn(masked(message)),
  error: (message: string): void => channel?.error(masked(message)),
  show: (): void => channel?.show(true),
};
