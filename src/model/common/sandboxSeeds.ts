// The local sandbox's answer to GET /_sandbox/seeds (the worlds it can reset to), checked before the
// "Use the Local Sandbox" quick pick shows it. Anything else answering on that port gives undefined.
export interface SandboxSeed {
  name: string;
  summary: string;
}

export interface SandboxSeeds {
  /** The seed the sandbox runs now. */
  current?: string;
  seeds: SandboxSeed[];
}

const SEED_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

export function parseSandboxSeeds(body: unknown): SandboxSeeds | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const raw = body as { current?: unknown; seeds?: unknown };
  if (!Array.isArray(raw.seeds)) return undefined;
  const seeds = raw.seeds.flatMap((s: unknown) => {
    const seed = (typeof s === 'object' && s !== null ? s : {}) as { name?: unknown; summary?: unknown };
    return typeof seed.name === 'string' && SEED_NAME.test(seed.name)
      ? [{ name: seed.name, summary: typeof seed.summary === 'string' ? seed.summary : '' }]
      : [];
  });
  if (seeds.length === 0) return undefined;
  const current =
    typeof raw.current === 'string' && seeds.some((s) => s.name === raw.current) ? raw.current : undefined;
  return { current, seeds };
}

/** The sandbox endpoint to use: the configured one when it is on this machine, else the CLI's default. */
export function sandboxEndpoint(configured: string, fallback: string): string {
  try {
    const url = new URL(configured);
    if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) && /^https?:$/.test(url.protocol)) return url.origin;
  } catch {
    // not a URL: use the default
  }
  return fallback;
}
