// Bundles the extension with esbuild:
//   dist/extension.js  the extension's main bundle (no AWS SDK code; `vscode` external)
//   dist/backend.js    the AWS SDK and everything that calls it, required lazily on the first AWS call
//   dist/analysis.js   the pure analyses the views run over a snapshot, required lazily on first use
//   dist/yamlSupport.js the apprunner.yaml parser (the `yaml` package), required when such a file is opened
//   dist/cli.js        the `apprunner-vpc` command line: a small entry that requires ./backend.js, where the
//                      commands and the one copy of the AWS SDK are (src/backend.ts's runCli)
//   dist/webview.js    the diagram webview's browser bundle (when src/webview exists)
//   dist/metricsView.js the Service Metrics page's click handler
// Usage: node scripts/build.mjs [--watch] [--dev]
import * as esbuild from 'esbuild';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const dev = process.argv.includes('--dev') || watch;

// The main bundle reaches the lazy bundles only through src/vscode/backend.ts (`require('../backend')`),
// src/vscode/analysisLoader.ts (`require('../analysis')`) and src/vscode/yamlSupportLoader.ts
// (`require('../yamlSupport')`); those must stay runtime requires of the sibling files, not inlined copies.
// The CLI's entry (src/cli/index.ts) reaches the backend the same way, so the SDK ships once.
const LAZY_LOADERS = {
  backend: ['vscode/backend.ts', 'cli/index.ts'],
  analysis: ['vscode/analysisLoader.ts'],
  yamlSupport: ['vscode/yamlSupportLoader.ts'],
};
const lazyExternal = {
  name: 'lazy-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/(backend|analysis|yamlSupport)$/ }, (args) => {
      const name = args.path.slice(3);
      return LAZY_LOADERS[name].some((loader) => args.importer.endsWith(path.join('src', loader)))
        ? { path: `./${name}.js`, external: true }
        : undefined;
    });
  },
};

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  logLevel: 'warning',
  legalComments: 'none',
};
const builds = [
  {
    ...node,
    entryPoints: [path.join(root, 'src/vscode/extension.ts')],
    outfile: path.join(root, 'dist/extension.js'),
    external: ['vscode'],
    plugins: [lazyExternal],
  },
  {
    ...node,
    entryPoints: [path.join(root, 'src/backend.ts')],
    outfile: path.join(root, 'dist/backend.js'),
    // The SDK packages' ES module builds ("module"), not their CommonJS ones ("main"): esbuild then links their
    // exports directly and drops what is not imported, where each CommonJS require of a client copied its
    // thousands of exports at load. The bundle loads about 30 % faster, which is most of a CLI run's time
    // (docs/performance.md, "The CLI's start").
    mainFields: ['module', 'main'],
  },
  { ...node, entryPoints: [path.join(root, 'src/analysis.ts')], outfile: path.join(root, 'dist/analysis.js') },
  { ...node, entryPoints: [path.join(root, 'src/yamlSupport.ts')], outfile: path.join(root, 'dist/yamlSupport.js') },
];
if (existsSync(path.join(root, 'src/cli/index.ts'))) {
  builds.push({
    ...node,
    entryPoints: [path.join(root, 'src/cli/index.ts')],
    outfile: path.join(root, 'dist/cli.js'),
    plugins: [lazyExternal],
  });
}
if (existsSync(path.join(root, 'src/webview/main.ts'))) {
  builds.push({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    logLevel: 'warning',
    entryPoints: [path.join(root, 'src/webview/main.ts')],
    outfile: path.join(root, 'dist/webview.js'),
    tsconfig: path.join(root, 'tsconfig.webview.json'),
  });
}
// The Service Metrics page's script: the page is drawn by the extension, this only reports clicks.
if (existsSync(path.join(root, 'src/webview/metrics/main.ts'))) {
  builds.push({
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    minify: !dev,
    sourcemap: dev ? 'inline' : false,
    logLevel: 'warning',
    entryPoints: [path.join(root, 'src/webview/metrics/main.ts')],
    outfile: path.join(root, 'dist/metricsView.js'),
    tsconfig: path.join(root, 'tsconfig.webview.json'),
  });
}

function report() {
  for (const b of builds) {
    const size = statSync(b.outfile).size;
    console.log(`  ${path.relative(root, b.outfile).padEnd(20)} ${(size / 1024).toFixed(1).padStart(8)} KB`);
  }
}

if (watch) {
  for (const b of builds) {
    const ctx = await esbuild.context(b);
    await ctx.watch();
  }
  console.log('esbuild: watching for changes...');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log('build: bundles written');
  report();
}
