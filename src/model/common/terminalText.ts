// Text from AWS or from an application (log lines, health bodies, Name tags) printed to a terminal: C0 and C1
// control characters would be obeyed there (ESC starts CSI/OSC sequences that move the cursor, clear the screen,
// set the title or write links; a bare CR overwrites the line), so only tab and newline are kept.

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

export function stripTerminalControls(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROLS, '');
}
