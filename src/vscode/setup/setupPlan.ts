// The plan each command runs, from the wizard's answers: the whole setup plan (or one part of it), attach,
// detach, delete or the health checks. All planning is the engine's pure model code, reached through the lazily
// loaded analysis bundle (a plan needs a snapshot, so the backend is loaded by then; the main bundle stays small).
import type { DesiredSetup } from '../../model/desired';
import type { Plan } from '../../model/planSteps';
import { UserError } from '../../model/userError';
import { validateConnectorName, validateSecurityGroupName, validateSubnets, type ValidationIssue } from '../../model/validators';
import { loadBackend } from '../backend';
import { MANUAL, type SetupContext } from './setupContext';
import { joinTexts, msg } from '../../model/l10n/text';

function fail(issues: ValidationIssue[]): never {
  throw new UserError(joinTexts(issues.map((i) => i.message), ' '));
}

function service(ctx: SetupContext) {
  const found = ctx.snapshot.services.find((s) => s.name === ctx.serviceName);
  if (!found) throw new UserError(msg('App Runner service "{0}" was not found.', ctx.serviceName ?? ''));
  return found;
}

/** The runbook's target from the answers; the manual path (a database that is not RDS) skips resolveDesired. */
export function desiredFrom(ctx: SetupContext): DesiredSetup {
  const s = ctx.settings;
  if (ctx.database !== MANUAL) {
    const result = loadBackend().resolveDesired(ctx.snapshot, { ...s, serviceName: ctx.serviceName ?? s.serviceName, connectorName: ctx.connectorName, appRunnerSecurityGroupName: ctx.appRunnerSecurityGroupName },
      { dbInstanceId: ctx.database, subnetIds: ctx.subnetIds, secretUrls: ctx.secretUrls });
    if (!result.ok) fail(result.issues);
    return result.desired;
  }
  const svc = service(ctx);
  const group = ctx.snapshot.securityGroups.find((g) => g.id === ctx.manualGroupId);
  if (!group) throw new UserError(msg('Choose the database security group.'));
  const subnetIds = [...(ctx.subnetIds ?? [])].sort();
  const issues = [...validateConnectorName(ctx.connectorName), ...validateSecurityGroupName(ctx.appRunnerSecurityGroupName),
    ...validateSubnets(ctx.snapshot, subnetIds, group.vpcId)];
  if (issues.length > 0) fail(issues);
  return {
    serviceName: svc.name, serviceArn: svc.arn, dbInstanceId: '', vpcId: group.vpcId, dbSecurityGroupId: group.id,
    dbPort: ctx.manualPort ?? s.databasePort, subnetIds, connectorName: ctx.connectorName,
    appRunnerSecurityGroupName: ctx.appRunnerSecurityGroupName, appRunnerSecurityGroupNameTag: s.appRunnerSecurityGroupNameTag,
    healthCheckPath: s.healthCheckPath, dbHealthPath: s.dbHealthPath, dnsEgress: s.dnsEgress,
  };
}

function attachPlan(ctx: SetupContext): Plan {
  const svc = service(ctx);
  const ref = { name: svc.name, arn: svc.arn };
  if (svc.egressType === 'VPC' && svc.vpcConnectorArn === ctx.connectorArn) return { kind: 'setup', steps: [], warnings: [], notes: [] };
  const { attachStep, healthStep, waitStep } = loadBackend();
  const steps = [attachStep(ref, ctx.connectorName, ctx.connectorArn), waitStep(ref),
    healthStep('check-health', ref, ctx.settings.healthCheckPath), healthStep('check-db-health', ref, ctx.settings.dbHealthPath)];
  return { kind: 'setup', steps, warnings: [], notes: [] };
}

function unwrap(result: ReturnType<ReturnType<typeof loadBackend>['detachPlan']>): Plan {
  if (!result.ok) fail(result.issues);
  return result.plan;
}

export function planFor(ctx: SetupContext): Plan {
  const { plan, planPart, detachPlan, deleteConnectorPlan, healthCheckPlan } = loadBackend();
  switch (ctx.command) {
    case 'setupConnector':
      return plan(ctx.snapshot, desiredFrom(ctx));
    case 'createSecurityGroups':
      return planPart(plan(ctx.snapshot, desiredFrom(ctx)), 'security-groups');
    case 'createConnector':
      return planPart(plan(ctx.snapshot, desiredFrom(ctx)), 'connector');
    case 'attachConnector':
      return attachPlan(ctx);
    case 'detachConnector':
      return unwrap(detachPlan(ctx.snapshot, service(ctx).name));
    case 'deleteConnector':
      return unwrap(deleteConnectorPlan(ctx.snapshot, ctx.connectorName));
    case 'checkHealth':
      return healthCheckPlan(service(ctx), ctx.settings.healthCheckPath, ctx.settings.dbHealthPath);
  }
}
