// Renders media/icon.png (the Marketplace's 128x128 icon) from media/apprunner-vpc.svg in headless Chromium:
// the activity-bar glyph, drawn white on the gallery banner's colour with rounded corners. Run it after
// changing the SVG; the PNG is committed (packaging needs no browser).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'media', 'apprunner-vpc.svg'), 'utf8').replace(
  'stroke="currentColor"',
  'stroke="#ffffff"',
);
const banner = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).galleryBanner?.color ?? '#232f3e';
const html = `<!doctype html><html><body style="margin:0;background:transparent">
<div style="width:128px;height:128px;border-radius:24px;background:${banner};display:flex;align-items:center;justify-content:center">
<img style="width:96px;height:96px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></div></body></html>`;
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(html);
  const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
  writeFileSync(path.join(root, 'media', 'icon.png'), png);
  console.log(`media/icon.png: ${png.length} bytes`);
} finally {
  await browser.close();
}
