// A middleware that reports one summary per AWS request (service, operation, outcome, duration) so the log
// channel and the benchmarks see every call. It never sees credentials: it runs before signing is logged and
// reports only names, status codes and error codes.
import type { MiddlewareStack } from '@smithy/types';

export interface RequestSummary {
  service: string;
  operation: string;
  ok: boolean;
  httpStatus?: number;
  errorCode?: string;
  durationMs: number;
}

export type RequestLogger = (summary: RequestSummary) => void;

const listeners = new Set<RequestLogger>();

/** Listen to every request of every client made by getClients (the log channel, call counters in benchmarks). */
export function onAwsRequest(listener: RequestLogger): { dispose(): void } {
  listeners.add(listener);
  return { dispose: () => listeners.delete(listener) };
}

function emit(summary: RequestSummary, extra?: RequestLogger): void {
  extra?.(summary);
  for (const listener of listeners) listener(summary);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the SDK's stacks are generic per client
export function attachRequestLog(stack: MiddlewareStack<any, any>, logger?: RequestLogger): void {
  stack.add(
    (next, context) => async (args) => {
      const started = Date.now();
      const service = String(context.clientName ?? '').replace(/Client$/, '');
      const operation = String(context.commandName ?? '').replace(/Command$/, '');
      try {
        const result = await next(args);
        const response = result.response as { statusCode?: number } | undefined;
        emit(
          { service, operation, ok: true, httpStatus: response?.statusCode, durationMs: Date.now() - started },
          logger,
        );
        return result;
      } catch (error) {
        const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
        emit(
          {
            service,
            operation,
            ok: false,
            httpStatus: e.$metadata?.httpStatusCode,
            errorCode: e.name,
            durationMs: Date.now() - started,
          },
          logger,
        );
        throw error;
      }
    },
    { step: 'initialize', name: 'apprunnerVpcRequestLog', override: true },
  );
}
