// Ports: run.network.port, and the port a start command visibly binds to (uvicorn/hypercorn `--port`,
// gunicorn `--bind`/`-b host:port`, Django `runserver host:port`).

/** A whole number 1-65535 from "8080" or 8080's source text; undefined otherwise. */
export function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text.trim())) return undefined;
  const port = Number(text.trim());
  return port >= 1 && port <= 65535 ? port : undefined;
}

const COMMAND_PORT_PATTERNS: readonly RegExp[] = [
  /--port[= ]+(\d{1,5})\b/,
  /(?:--bind|-b)[= ]+[^\s:]*:(\d{1,5})\b/,
  /\brunserver\s+(?:[^\s:]+:)?(\d{1,5})\b/,
];

/** The literal port a command line binds to, if it names one (a `$PORT` reference is no literal). */
export function portInCommand(command: string): number | undefined {
  for (const pattern of COMMAND_PORT_PATTERNS) {
    const match = pattern.exec(command);
    if (match) return parsePort(match[1]);
  }
  return undefined;
}
