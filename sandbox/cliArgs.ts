// `npm run sandbox -- ...` flags to SandboxOptions.
import type { FailNth } from './faults';
import type { SandboxOptions } from './index';
import { findSeed, SEEDS } from './seed/registry';

export const USAGE = `Usage: npm run sandbox -- [options]
  --port N                 listen on 127.0.0.1:N (default 4566; 0 = any free port)
  --seed NAME              the starting world (default runbook), one of:
${SEEDS.map((s) => `      ${s.name.padEnd(16)} ${s.summary}`).join('\n')}
  --services N             scale seed: number of extra services (default 50)
  --connectors M           scale seed: number of VPC connectors (default 10)
  --vpcs V                 scale seed: VPCs in all, connectors and DBs spread over them (default 1)
  --operation-delay MS     how long App Runner operations take (default 3000)
  --unsupported-az ID[,ID] AZ ids (e.g. apne1-az2) App Runner cannot use for connectors
  --latency MS             add latency to every AWS call
  --throttle RATE          0..1 share of calls throttled (ThrottlingException / RequestLimitExceeded)
  --server-errors RATE     0..1 share of calls failing with a 5xx internal error
  --fail-nth OP:N          fail the Nth call of operation OP (repeatable), e.g. UpdateService:1
  --install-moto           install moto into ./.sandbox/venv if it is missing
  --quiet                  fewer log lines`;

export interface CliOptions extends SandboxOptions {
  installMoto: boolean;
  help: boolean;
}

function num(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || Number.isNaN(n)) throw new Error(`${flag} needs a number`);
  return n;
}

export function parseCliArgs(argv: string[]): CliOptions {
  const out: CliOptions = { port: 4566, installMoto: false, help: false };
  const faults: { latencyMs?: number; throttleRate?: number; serverErrorRate?: number; failNth: FailNth[] } = {
    failNth: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    switch (flag) {
      case '--port':
        out.port = num(flag, value());
        break;
      case '--seed': {
        out.seed = findSeed(value() ?? '').name;
        break;
      }
      case '--services':
        out.services = num(flag, value());
        break;
      case '--connectors':
        out.connectors = num(flag, value());
        break;
      case '--vpcs':
        out.vpcs = num(flag, value());
        break;
      case '--operation-delay':
        out.operationDelayMs = num(flag, value());
        break;
      case '--unsupported-az':
        out.unsupportedAzIds = (value() ?? '').split(',').filter(Boolean);
        break;
      case '--latency':
        faults.latencyMs = num(flag, value());
        break;
      case '--throttle':
        faults.throttleRate = num(flag, value());
        break;
      case '--server-errors':
        faults.serverErrorRate = num(flag, value());
        break;
      case '--fail-nth': {
        const [operation, nth] = (value() ?? '').split(':');
        if (!operation) throw new Error('--fail-nth needs OP:N');
        faults.failNth.push({ operation, nth: num(flag, nth) });
        break;
      }
      case '--install-moto':
        out.installMoto = true;
        break;
      case '--quiet':
        out.quiet = true;
        break;
      case '--help':
      case '-h':
        out.help = true;
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
  }
  out.faults = { ...faults, failNth: faults.failNth.length > 0 ? faults.failNth : undefined };
  return out;
}
