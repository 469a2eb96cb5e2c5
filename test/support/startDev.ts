// `npm start`: the sandbox on a fixed loopback port, then the VS Code server with this extension loaded and
// pointed at it (through that host's settings, never the user's real AWS profile), then the URL to open.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startLocalAws, testAwsEnvironment } from './localAws';
import { freePort } from './net';
import { REPO_ROOT, startVsCodeServer, vscodeVersion } from './vscodeServer';

async function portOr(preferred: number): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => void freePort().then(resolve));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
  });
}

export async function startDev(options: { seed?: string } = {}): Promise<void> {
  const work = path.join(REPO_ROOT, '.sandbox', 'dev');
  mkdirSync(work, { recursive: true });
  const seed = options.seed ?? 'runbook';
  // Before anything starts: an unknown name ends here with the list of seeds.
  const { findSeed } = require('../../sandbox/seed/registry') as typeof import('../../sandbox/seed/registry');
  findSeed(seed);
  console.log(`Starting the local AWS sandbox (seed ${seed})...`);
  const aws = await startLocalAws({
    port: await portOr(Number(process.env.SANDBOX_PORT ?? 4566)),
    operationDelayMs: 8000,
    quiet: false,
    seed,
  });
  console.log(`endpoint: ${aws.endpoint}`);
  const server = await startVsCodeServer({
    port: await portOr(Number(process.env.VSCODE_PORT ?? 8090)),
    env: testAwsEnvironment(work),
    settings: { 'apprunnerVpc.endpointUrl': aws.endpoint, 'apprunnerVpc.region': 'ap-northeast-1' },
    logFile: path.join(work, 'vscode-server.log'),
  });
  const url = server.workbenchUrl(path.join(REPO_ROOT, 'sample-workspace'), { extensionDevelopmentPath: REPO_ROOT });
  console.log(
    `\nVS Code ${vscodeVersion()} with App Runner VPC Connector is ready. Open this URL in a browser on this machine:\n\n  ${url}\n`,
  );
  console.log('Press Ctrl+C to stop the VS Code server and the sandbox.');
  const stop = async (): Promise<void> => {
    await server.stop();
    await aws.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
