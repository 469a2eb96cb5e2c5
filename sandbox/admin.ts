// The admin endpoint under /_sandbox/ on the same port: reset, faults, call counters, the CloudTrail-shaped
// record of write calls, settings, seed info.
import type { EmulatorSettings } from './apprunner/context';
import { parseFaultConfig, type CallCounter, type FaultState } from './faults';
import type { WireReply } from './faultResponses';
import type { SeedInfo } from './seed/seedInfo';
import type { EventLog } from './trail/eventLog';

export type SandboxSettings = Pick<
  EmulatorSettings,
  'operationDelayMs' | 'unsupportedAzIds' | 'serviceQuota' | 'connectorQuota'
>;

export interface AdminController {
  faults: FaultState;
  calls: CallCounter;
  /** Write calls recorded as CloudTrail events (served by LookupEvents, listed by GET /_sandbox/events). */
  events: EventLog;
  /** With a seed name: switch to that seed (and keep it for later resets). */
  reset(seed?: string): Promise<void>;
  seedInfo(): SeedInfo | undefined;
  /** The seeds reset can switch to, with the layout each imitates. */
  seeds(): { name: string; summary: string }[];
  settings(): SandboxSettings;
  configure(change: Partial<SandboxSettings>): void;
  /** Test-only: the service's running app prints these lines to its application log now. */
  writeAppLog(service: string, lines: readonly string[]): Promise<{ logGroupName: string; logStreamName: string }>;
}

function reply(status: number, value: unknown): WireReply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value, null, 2) };
}

/** Checks a settings change from JSON; throws a readable Error when it is wrong. */
export function parseSettings(input: unknown): Partial<SandboxSettings> {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const out: Partial<SandboxSettings> = {};
  for (const key of ['operationDelayMs', 'serviceQuota', 'connectorQuota'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || v < 0) throw new Error(`${key} must be a number >= 0`);
    out[key] = v;
  }
  if (raw.unsupportedAzIds !== undefined) {
    if (!Array.isArray(raw.unsupportedAzIds) || raw.unsupportedAzIds.some((a) => typeof a !== 'string')) {
      throw new Error('unsupportedAzIds must be a list of AZ ids such as apne1-az2');
    }
    out.unsupportedAzIds = raw.unsupportedAzIds as string[];
  }
  return out;
}

/** `{"service": "NAME|ARN|ID", "lines": ["..."]}`: what POST /_sandbox/app-log writes. */
export function parseAppLog(input: unknown): { service: string; lines: string[] } {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  if (typeof raw.service !== 'string' || raw.service === '')
    throw new Error('service must be a service name, ARN or id such as "kyudai-api"');
  const lines = raw.lines;
  if (!Array.isArray(lines) || lines.length === 0 || lines.some((l) => typeof l !== 'string' || l === ''))
    throw new Error('lines must be a non-empty list of non-empty strings');
  return { service: raw.service, lines: lines as string[] };
}

/** `{"seed": "NAME"}` in a reset body, or nothing (keep the current seed). */
export function parseSeedChoice(input: unknown): string | undefined {
  const seed = (typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {}).seed;
  if (seed === undefined) return undefined;
  if (typeof seed !== 'string' || seed === '') throw new Error('seed must be a seed name such as "cdk-default"');
  return seed;
}

export async function handleAdmin(
  admin: AdminController,
  method: string,
  path: string,
  body: string,
): Promise<WireReply> {
  const route = `${method} ${path.split('?')[0]?.replace(/\/+$/, '')}`;
  try {
    const parsed: unknown = body.trim() ? JSON.parse(body) : {};
    switch (route) {
      case 'GET /_sandbox/health':
        return reply(200, { status: 'ok' });
      case 'GET /_sandbox/seed':
        return reply(200, admin.seedInfo() ?? {});
      case 'GET /_sandbox/seeds':
        return reply(200, { current: admin.seedInfo()?.seed, seeds: admin.seeds() });
      case 'POST /_sandbox/reset':
        await admin.reset(parseSeedChoice(parsed));
        return reply(200, { reset: true, seed: admin.seedInfo() });
      case 'GET /_sandbox/faults':
        return reply(200, admin.faults.current());
      case 'POST /_sandbox/faults':
        admin.faults.set(parseFaultConfig(parsed));
        return reply(200, admin.faults.current());
      case 'DELETE /_sandbox/faults':
      case 'POST /_sandbox/faults/clear':
        admin.faults.clear();
        return reply(200, {});
      case 'GET /_sandbox/faults/fired':
        return reply(200, admin.faults.fired());
      case 'GET /_sandbox/calls':
        return reply(200, admin.calls.snapshot());
      case 'POST /_sandbox/calls/reset':
        admin.calls.reset();
        return reply(200, admin.calls.snapshot());
      case 'GET /_sandbox/events':
        // In the order the calls were made, each a LookupEvents Event (EventTime here as an ISO string).
        return reply(200, {
          events: admin.events.all().map((e) => ({ ...e, EventTime: new Date(e.EventTime).toISOString() })),
        });
      case 'POST /_sandbox/app-log': {
        const { service, lines } = parseAppLog(parsed);
        return reply(200, await admin.writeAppLog(service, lines));
      }
      case 'GET /_sandbox/config':
        return reply(200, admin.settings());
      case 'POST /_sandbox/config':
        admin.configure(parseSettings(parsed));
        return reply(200, admin.settings());
      default:
        return reply(404, { error: `no admin route ${route}` });
    }
  } catch (e) {
    return reply(400, { error: e instanceof Error ? e.message : String(e) });
  }
}
