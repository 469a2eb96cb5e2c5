// The moto server child process: started on a free loopback port, watched until it answers, reset on
// demand, and stopped with us. It runs through a tiny wrapper that exits when our stdin pipe closes, so
// moto never outlives this process, even when we are killed hard.
import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import { freePort } from './freePort';
import { findMotoPython, MOTO_INSTALL_HINT } from './python';

export interface MotoServer {
  port: number;
  url: string;
  python: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

const WRAPPER = [
  'import os, sys, threading',
  'from moto.server import main',
  'threading.Thread(target=lambda: (sys.stdin.read(), os._exit(0)), daemon=True).start()',
  'main(sys.argv[1:])',
].join('\n');

function post(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-length': 0 } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

async function waitUntilAnswering(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited with code ${child.exitCode}:\n${log()}`);
    try {
      if ((await get(port, '/moto-api/data.json')) === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto did not answer on port ${port} within 30 s:\n${log()}`);
}

export async function startMoto(): Promise<MotoServer> {
  const python = findMotoPython();
  if (!python) throw new Error(MOTO_INSTALL_HINT);
  const port = await freePort();
  const child = spawn(python, ['-c', WRAPPER, '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['pipe', 'ignore', 'pipe'],
    // AWS managed policies (AmazonECSTaskExecutionRolePolicy, AmazonECSInfrastructureRoleforExpressGatewayServices)
    // exist in every account, as on AWS: the move to ECS Express attaches them.
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'false', MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  await waitUntilAnswering(port, child, () => stderr);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    python,
    async reset() {
      const status = await post(port, '/moto-api/reset');
      if (status !== 200) throw new Error(`moto reset answered HTTP ${status}`);
    },
    stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin?.end();
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}
