// The streams the CLI talks through, injected so tests run main() in-process.
import { maskSecrets } from '../model/common/secretMask';
import { stripTerminalControls } from '../model/common/terminalText';

export interface CliIo {
  stdout: { write(text: string): unknown };
  /**
   * Generated code (exports) goes here: never masked by value, since masking rewrote code (a secret `describe`
   * turned `describe-security-groups` into `***-security-groups`); the export refuses instead when a known
   * secret would appear (secretOccurrences.ts). Absent: stdout.
   */
  generated?: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
}

/**
 * The same streams with every text masked (docs/design.md, 'Secrets and endpoints'): text, JSON and errors
 * alike; generated code is not masked (`generated`). `secrets` grows while the command runs (the snapshot's service environments are known only once it is
 * loaded). Terminal control characters from application log lines or AWS values are dropped (JSON escapes its own).
 */
export function maskedIo(io: CliIo, secrets: readonly string[]): CliIo {
  const clean = (text: string): string => stripTerminalControls(maskSecrets(text, secrets));
  return {
    stdout: { write: (text: string) => io.stdout.write(clean(text)) },
    stderr: { write: (text: string) => io.stderr.write(clean(text)) },
    generated: { write: (text: string) => (io.generated ?? io.stdout).write(stripTerminalControls(text)) },
    stdin: io.stdin,
  };
}

/** Reads one line from stdin (the y/N answer); resolves '' at end of input. */
export function readLine(stdin: CliIo['stdin']): Promise<string> {
  return new Promise((resolve) => {
    let buffer = '';
    const finish = (): void => {
      stdin.removeListener('data', onData);
      stdin.removeListener('end', finish);
      stdin.pause?.();
      resolve(buffer.split(/\r?\n/)[0] ?? '');
    };
    const onData = (chunk: Buffer | string): void => {
      buffer += chunk.toString();
      if (buffer.includes('\n')) finish();
    };
    stdin.on('data', onData);
    stdin.on('end', finish);
    stdin.resume?.();
  });
}
