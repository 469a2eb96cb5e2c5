import * as vscode from 'vscode';
import { redactSecrets } from '../model/redact';

// One log channel for the whole extension. Everything written passes through redaction, and the session's
// own credentials from the environment are masked by value too.
let channel: vscode.LogOutputChannel | undefined;

function knownSecrets(): string[] {
  return [process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN, process.env.AWS_ACCESS_KEY_ID].filter(
    (value): value is string => !!value,
  );
}

export function initLog(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  channel = vscode.window.createOutputChannel('App Runner VPC', { log: true });
  context.subscriptions.push(channel);
  return channel;
}

const clean = (message: string): string => redactSecrets(message, knownSecrets());

export const log = {
  debug: (message: string): void => channel?.debug(clean(message)),
  info: (message: string): void => channel?.info(clean(message)),
  warn: (message: string): void => channel?.warn(clean(message)),
  error: (message: string): void => channel?.error(clean(message)),
  show: (): void => channel?.show(true),
};
