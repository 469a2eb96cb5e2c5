// Headless Chromium from Debian (never a browser download), driven by playwright-core.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser to drive: CHROME_PATH when set (then only that one), else Debian's chromium. */
export function chromiumPath(): string {
  const chosen = process.env.CHROME_PATH;
  if (chosen) {
    if (!existsSync(chosen))
      throw new Error(
        `CHROME_PATH is ${chosen}, which does not exist: point it at a Chromium binary, or unset it to use Debian's chromium.`,
      );
    return chosen;
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found)
    throw new Error(
      'Chromium not found: install Debian\'s "chromium" package (sudo apt-get install -y chromium ripgrep) or set CHROME_PATH.',
    );
  return found;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}
