// The one mapping from an App Runner status to what the tree shows (docs/design.md, 'Status presentation': one
// pure, tested mapping). Icons are codicon ids and colours are theme colour ids, so the VS Code layer
// only wraps them in ThemeIcon/ThemeColor.
import type { ConnectorStatus, ServiceOperation, ServiceStatus } from '../topology/topology';

export type StatusTone = 'ok' | 'busy' | 'paused' | 'error' | 'warning' | 'gone';

export interface StatusPresentation {
  tone: StatusTone;
  /** A codicon id; `loading~spin` spins. */
  icon: string;
  /** A theme colour id, absent when the icon keeps the default foreground (the spinner). */
  color?: string;
  /** The short text after the name, e.g. `RUNNING` or `OPERATION_IN_PROGRESS (UPDATE_SERVICE)`. */
  description: string;
}

const SERVICE: Record<ServiceStatus, Omit<StatusPresentation, 'description'>> = {
  RUNNING: { tone: 'ok', icon: 'pass-filled', color: 'testing.iconPassed' },
  OPERATION_IN_PROGRESS: { tone: 'busy', icon: 'loading~spin' },
  PAUSED: { tone: 'paused', icon: 'debug-pause', color: 'disabledForeground' },
  CREATE_FAILED: { tone: 'error', icon: 'error', color: 'errorForeground' },
  DELETE_FAILED: { tone: 'warning', icon: 'warning', color: 'list.warningForeground' },
  DELETED: { tone: 'gone', icon: 'trash', color: 'disabledForeground' },
};

export function serviceStatusPresentation(status: ServiceStatus, operation?: ServiceOperation): StatusPresentation {
  const base = SERVICE[status] ?? SERVICE.DELETE_FAILED;
  const busy = status === 'OPERATION_IN_PROGRESS' && operation?.type;
  return { ...base, description: busy ? `${status} (${operation.type})` : status };
}

export function connectorStatusPresentation(status: ConnectorStatus, revision: number): StatusPresentation {
  const description = `rev ${revision} · ${status}`;
  return status === 'ACTIVE'
    ? { tone: 'ok', icon: 'plug', color: 'testing.iconPassed', description }
    : { tone: 'gone', icon: 'debug-disconnect', color: 'disabledForeground', description };
}
