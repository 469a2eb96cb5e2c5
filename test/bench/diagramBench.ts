// diagramRenderMs_N: the diagram for a connector with N subnets and N services sharing it: model and layout
// (pure, in Node) plus the webview bundle drawing it in headless Chromium until it reports `rendered`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildDiagram, layoutDiagram } from '../../src/model/diagram';
import { UI_STRING_KEYS } from '../../src/webviewProtocol/protocol';
import { diagramPageHtml } from '../../src/webviewProtocol/webviewPage';
import type { Topology } from '../../src/model/topology/topology';
import { launchChromium } from '../support/browser';
import { REPO_ROOT } from '../support/vscodeServer';
import { afterSetup } from '../unit/fixtures/topologyBuilder';
import { withTimeout } from './timeout';

interface PageGlobals {
  __rendered: number;
  acquireVsCodeApi: () => unknown;
  postMessage(message: unknown, origin: string): void;
}

export function topologyWith(n: number): Topology {
  const t = afterSetup();
  const [connector] = t.connectors;
  const template = t.subnets.find((s) => s.id === connector.subnetIds[0]) ?? t.subnets[0];
  for (let i = t.connectors[0].subnetIds.length; i < n; i++) {
    const id = `subnet-bench${String(i).padStart(4, '0')}`;
    t.subnets.push({
      ...template,
      id,
      cidrBlock: `10.0.${100 + i}.0/24`,
      availabilityZone: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'][i % 3],
    });
    connector.subnetIds.push(id);
    const table = t.routeTables.find((r) => r.subnetIds.includes(template.id));
    table?.subnetIds.push(id);
  }
  const [service] = t.services;
  for (let i = 1; i < n; i++)
    t.services.push({ ...service, name: `bench-svc-${i}`, arn: `${service.arn}-${i}`, id: `${service.id}${i}` });
  return t;
}

/** diagramRenderMs_N's samples (5 after a warm-up) per size. */
export async function measureDiagram(sizes: readonly number[]): Promise<Record<string, number[]>> {
  const browser = await withTimeout(launchChromium(), 60_000, 'Chromium to start (diagram)');
  const out: Record<string, number[]> = {};
  try {
    const page = await browser.newPage();
    const script = readFileSync(path.join(REPO_ROOT, 'dist', 'webview.js'), 'utf8');
    // The panel's own page, without its CSP and resource tags: the bench injects the same files inline.
    const html = diagramPageHtml({
      cspSource: 'none',
      nonce: 'bench',
      scriptUri: '',
      styleUri: '',
      lang: 'en',
      title: 'bench',
    }).replace(
      /<meta http-equiv="Content-Security-Policy"[^>]*>|<link rel="stylesheet"[^>]*>|<script[^>]*><\/script>/g,
      '',
    );
    await withTimeout(page.setContent(html), 60_000, 'the diagram page to load');
    await page.addStyleTag({ path: path.join(REPO_ROOT, 'media', 'diagram.css') });
    // Code passed to page.evaluate runs in the page, where globalThis is the window.
    await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      w.__rendered = 0;
      w.acquireVsCodeApi = () => ({
        postMessage: (m: { type: string }) => {
          if (m.type === 'rendered') w.__rendered++;
        },
        getState: () => undefined,
        setState: () => undefined,
      });
    });
    await page.addScriptTag({ content: script });
    const strings = Object.fromEntries(UI_STRING_KEYS.map((k) => [k, k]));
    await page.evaluate(
      (s) => (globalThis as unknown as PageGlobals).postMessage({ type: 'init', strings: s, language: 'en' }, '*'),
      strings,
    );
    for (const n of sizes) {
      const times: number[] = [];
      for (let i = 0; i <= 5; i++) {
        const topology = topologyWith(n);
        const started = performance.now();
        const model = buildDiagram(topology, 'kyudai-api');
        if (!model) throw new Error('no diagram model');
        const layout = layoutDiagram(model);
        const modelMs = performance.now() - started;
        const renderMs = await withTimeout(
          page.evaluate(
            async (message) => {
              const w = globalThis as unknown as PageGlobals;
              const before = w.__rendered;
              const t0 = performance.now();
              w.postMessage(message, '*');
              while (w.__rendered === before) await new Promise((r) => setTimeout(r, 1));
              return performance.now() - t0;
            },
            { type: 'update', model, layout, loading: false },
          ),
          30_000,
          `the webview to render the diagram of ${n} subnets and services`,
        );
        if (i > 0) times.push(modelMs + renderMs);
      }
      out[`diagramRenderMs_${n}`] = times;
    }
  } finally {
    await browser.close();
  }
  return out;
}
