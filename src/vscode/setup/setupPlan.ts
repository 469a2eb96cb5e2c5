// The plan each command runs, from the wizard's answers: the whole setup plan (or one part of it), attach,
// detach, delete or the health checks. All planning is the pure model code, reached through the lazily loaded
// analysis bundle (loadAnalysis), so the main bundle stays small.
import type { DesiredSetup } from '../../model/plan/desired';
import type { Plan } from '../../model/plan/planSteps';
import { UserError } from '../../model/common/userError';
import {
  validateConnectorName,
  validateSecurityGroupName,
  validateSubnets,
  type ValidationIssue,
} from '../../model/plan/validators';
import { loadAnalysis } from '../analysisLoader';
import { MANUAL, type SetupContext } from './setupContext';
import { joinTexts, msg } from '../../model/l10n/text';

function fail(issues: ValidationIssue[]): never {
  throw new UserError(
    joinTexts(
      issues.map((i) => i.message),
      ' ',
    ),
  );
}

function service(ctx: SetupContext) {
  const found = ctx.snapshot.services.find((s) => s.name === ctx.serviceName);
  if (!found) throw new UserError(msg('App Runner service "{0}" was not found.', ctx.serviceName ?? ''));
  return found;
}

/** The settings the resolver reads, with the answers the wizard asked for. */
function answeredSettings(ctx: SetupContext) {
  const s = ctx.settings;
  return {
    ...s,
    serviceName: ctx.serviceName ?? s.serviceName,
    connectorName: ctx.connectorName,
    appRunnerSecurityGroupName: ctx.appRunnerSecurityGroupName,
  };
}

/** The manual path (a database that is not RDS): the target from the chosen group and port, no resolver. */
function manualDesired(ctx: SetupContext): DesiredSetup {
  const s = ctx.settings;
  const svc = service(ctx);
  const group = ctx.snapshot.securityGroups.find((g) => g.id === ctx.manualGroupId);
  if (!group) throw new UserError(msg('Choose the database security group.'));
  const subnetIds = [...(ctx.subnetIds ?? [])].sort();
  const issues = [
    ...validateConnectorName(ctx.connectorName),
    ...validateSecurityGroupName(ctx.appRunnerSecurityGroupName),
    ...validateSubnets(ctx.snapshot, subnetIds, group.vpcId),
  ];
  if (issues.length > 0) fail(issues);
  return {
    serviceName: svc.name,
    serviceArn: svc.arn,
    dbInstanceId: '',
    vpcId: group.vpcId,
    dbSecurityGroupId: group.id,
    dbPort: ctx.manualPort ?? s.databasePort,
    subnetIds,
    connectorName: ctx.connectorName,
    appRunnerSecurityGroupName: ctx.appRunnerSecurityGroupName,
    appRunnerSecurityGroupNameTag: s.appRunnerSecurityGroupNameTag,
    healthCheckPath: s.healthCheckPath,
    dbHealthPath: s.dbHealthPath,
    dnsEgress: s.dnsEgress,
  };
}

/** The whole setup plan from the answers: the shared setupPlanFor (resolver notes kept), or the manual target's plan. */
function setupPlanOf(ctx: SetupContext): Plan {
  const { plan, setupPlanFor } = loadAnalysis();
  if (ctx.database === MANUAL) return plan(ctx.snapshot, manualDesired(ctx));
  const result = setupPlanFor(ctx.snapshot, answeredSettings(ctx), {
    dbInstanceId: ctx.database,
    subnetIds: ctx.subnetIds,
    secretUrls: ctx.secretUrls,
  });
  if (!result.ok) fail(result.issues);
  return result.plan;
}

function attachPlan(ctx: SetupContext): Plan {
  const svc = service(ctx);
  const ref = { name: svc.name, arn: svc.arn };
  if (svc.egressType === 'VPC' && svc.vpcConnectorArn === ctx.connectorArn)
    return { kind: 'setup', steps: [], warnings: [], notes: [] };
  const { attachStep, healthStep, waitStep } = loadAnalysis();
  const steps = [
    attachStep(ref, ctx.connectorName, ctx.connectorArn),
    waitStep(ref),
    healthStep('check-health', ref, ctx.settings.healthCheckPath),
    healthStep('check-db-health', ref, ctx.settings.dbHealthPath),
  ];
  return { kind: 'setup', steps, warnings: [], notes: [] };
}

function unwrap(result: ReturnType<ReturnType<typeof loadAnalysis>['detachPlan']>): Plan {
  if (!result.ok) fail(result.issues);
  return result.plan;
}

export function planFor(ctx: SetupContext): Plan {
  const { planPart, detachPlan, deleteConnectorPlan, healthCheckPlan } = loadAnalysis();
  switch (ctx.command) {
    case 'setupConnector':
      return setupPlanOf(ctx);
    case 'createSecurityGroups':
      return planPart(setupPlanOf(ctx), 'security-groups');
    case 'createConnector':
      return planPart(setupPlanOf(ctx), 'connector');
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
