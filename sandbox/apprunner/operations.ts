// The asynchronous life of a service operation: the service goes OPERATION_IN_PROGRESS, the operation
// PENDING -> IN_PROGRESS -> SUCCEEDED or FAILED after the configured delay, then the service settles.
import type { EmulatorContext } from './context';
import { operationId } from './ids';
import { nowSeconds, type OperationRecord, type OperationType, type ServiceConfig, type ServiceRecord } from './store';

/** Why a deployment of `config` cannot run, or undefined when it can. */
export function deploymentProblem(ctx: EmulatorContext, config: ServiceConfig): string | undefined {
  const egress = (config.NetworkConfiguration.EgressConfiguration ?? {}) as {
    EgressType?: string;
    VpcConnectorArn?: string;
  };
  if (egress.EgressType !== 'VPC') return undefined;
  const connector = ctx.store.connectors.get(egress.VpcConnectorArn ?? '');
  if (!connector || connector.status !== 'ACTIVE') return `VPC connector ${egress.VpcConnectorArn} is not active.`;
  const bad = connector.azIds.filter((az) => ctx.settings.unsupportedAzIds.includes(az));
  if (bad.length > 0) {
    return `The VPC connector's subnets are in Availability Zones that App Runner doesn't support: ${[...new Set(bad)].join(', ')}.`;
  }
  return undefined;
}

/**
 * Starts `type` on the service. `finish` runs when the operation ends and returns a failure reason, or
 * undefined on success; it applies the outcome to the service.
 */
export function beginOperation(
  ctx: EmulatorContext,
  service: ServiceRecord,
  type: OperationType,
  finish: (op: OperationRecord) => string | undefined,
): OperationRecord {
  const now = nowSeconds();
  const op: OperationRecord = {
    Id: operationId(),
    Type: type,
    Status: 'PENDING',
    TargetArn: service.arn,
    StartedAt: now,
    UpdatedAt: now,
  };
  service.operations.unshift(op);
  service.status = 'OPERATION_IN_PROGRESS';
  service.updatedAt = now;
  const delay = ctx.settings.operationDelayMs;
  const advance = () => {
    if (op.Status !== 'PENDING') return;
    op.Status = 'IN_PROGRESS';
    op.UpdatedAt = nowSeconds();
  };
  ctx.timers.after(Math.floor(delay / 3), advance);
  ctx.timers.after(delay, () => {
    advance();
    const failure = finish(op);
    const end = nowSeconds();
    op.Status = failure === undefined ? 'SUCCEEDED' : 'FAILED';
    op.EndedAt = end;
    op.UpdatedAt = end;
    service.updatedAt = end;
    const message =
      failure === undefined
        ? `[AppRunner] Operation ${type} with ID : ${op.Id} completed successfully.`
        : `[AppRunner] Operation ${type} with ID : ${op.Id} failed. Failure reason : ${failure}`;
    void ctx.hooks.serviceEvent(service, message).catch(() => undefined);
  });
  void ctx.hooks
    .serviceEvent(service, `[AppRunner] Operation ${type} with ID : ${op.Id} started.`)
    .catch(() => undefined);
  return op;
}

/** Finishes a deployment-type operation: success deploys `service.config`, failure restores `previous`. */
export function finishDeployment(
  ctx: EmulatorContext,
  service: ServiceRecord,
  previous: ServiceConfig | undefined,
): string | undefined {
  const problem = deploymentProblem(ctx, service.config);
  if (problem === undefined) {
    service.deployed = service.config;
    service.status = 'RUNNING';
    void ctx.hooks.deployed(service).catch(() => undefined);
    return undefined;
  }
  if (previous) {
    // App Runner rolls back to the last good configuration and keeps serving it.
    service.config = previous;
    service.status = 'RUNNING';
  } else {
    service.status = 'CREATE_FAILED';
  }
  return problem;
}
