// The plan each setup command runs, from its answers: the whole setup plan (or one part of it), attach,
// detach, delete or the health checks. Pure: the extension reaches it through the analysis bundle
// (src/vscode/setup/setupPlan.ts), and the tests call it with plain data.
import type { DesiredSetup } from './desired';
import { plan, detachPlan, deleteConnectorPlan } from './plan';
import { planPart, healthCheckPlan } from './planParts';
import type { Plan } from './planSteps';
import { setupPlanFor } from './setupPlanFor';
import type { SetupSettings } from './setupSettings';
import { attachStep, healthStep, waitStep } from './stepBuilders';
import { validateConnectorName, validateSecurityGroupName, validateSubnets, type ValidationIssue } from './validators';
import { MANUAL_DATABASE, type WizardAnswers } from './wizardAnswers';
import type { Topology } from '../topology/topology';
import { UserError } from '../common/userError';
import { joinTexts, msg } from '../l10n/text';

function fail(issues: ValidationIssue[]): never {
  throw new UserError(
    joinTexts(
      issues.map((i) => i.message),
      ' ',
    ),
  );
}

function service(snapshot: Topology, a: WizardAnswers) {
  const found = snapshot.services.find((s) => s.name === a.serviceName);
  if (!found) throw new UserError(msg('App Runner service "{0}" was not found.', a.serviceName ?? ''));
  return found;
}

/** The settings the resolver reads, with the answers the wizard asked for. */
function answeredSettings(settings: SetupSettings, a: WizardAnswers): SetupSettings {
  return {
    ...settings,
    serviceName: a.serviceName ?? settings.serviceName,
    connectorName: a.connectorName,
    appRunnerSecurityGroupName: a.appRunnerSecurityGroupName,
  };
}

/** The manual path (a database that is not RDS): the target from the chosen group and port, no resolver. */
function manualDesired(snapshot: Topology, s: SetupSettings, a: WizardAnswers): DesiredSetup {
  const svc = service(snapshot, a);
  const group = snapshot.securityGroups.find((g) => g.id === a.manualGroupId);
  if (!group) throw new UserError(msg('Choose the database security group.'));
  const subnetIds = [...(a.subnetIds ?? [])].sort();
  const issues = [
    ...validateConnectorName(a.connectorName),
    ...validateSecurityGroupName(a.appRunnerSecurityGroupName),
    ...validateSubnets(snapshot, subnetIds, group.vpcId),
  ];
  if (issues.length > 0) fail(issues);
  return {
    serviceName: svc.name,
    serviceArn: svc.arn,
    dbInstanceId: '',
    vpcId: group.vpcId,
    dbSecurityGroupId: group.id,
    dbPort: a.manualPort ?? s.databasePort,
    subnetIds,
    connectorName: a.connectorName,
    appRunnerSecurityGroupName: a.appRunnerSecurityGroupName,
    appRunnerSecurityGroupNameTag: s.appRunnerSecurityGroupNameTag,
    healthCheckPath: s.healthCheckPath,
    dbHealthPath: s.dbHealthPath,
    dnsEgress: s.dnsEgress,
  };
}

/** The whole setup plan from the answers: the shared setupPlanFor (resolver notes kept), or the manual target's plan. */
function setupPlanOf(snapshot: Topology, settings: SetupSettings, a: WizardAnswers): Plan {
  if (a.database === MANUAL_DATABASE) return plan(snapshot, manualDesired(snapshot, settings, a));
  const result = setupPlanFor(snapshot, answeredSettings(settings, a), {
    dbInstanceId: a.database,
    subnetIds: a.subnetIds,
    secretUrls: a.secretUrls,
  });
  if (!result.ok) fail(result.issues);
  return result.plan;
}

function attachPlan(snapshot: Topology, settings: SetupSettings, a: WizardAnswers): Plan {
  const svc = service(snapshot, a);
  const ref = { name: svc.name, arn: svc.arn };
  if (svc.egressType === 'VPC' && svc.vpcConnectorArn === a.connectorArn)
    return { kind: 'setup', steps: [], warnings: [], notes: [] };
  const steps = [
    attachStep(ref, a.connectorName, a.connectorArn),
    waitStep(ref),
    healthStep('check-health', ref, settings.healthCheckPath),
    healthStep('check-db-health', ref, settings.dbHealthPath),
  ];
  return { kind: 'setup', steps, warnings: [], notes: [] };
}

function unwrap(result: ReturnType<typeof detachPlan>): Plan {
  if (!result.ok) fail(result.issues);
  return result.plan;
}

/** The plan of one setup command; a UserError (in the user's words) when the answers do not make one. */
export function commandPlan(snapshot: Topology, settings: SetupSettings, answers: WizardAnswers): Plan {
  switch (answers.command) {
    case 'setupConnector':
      return setupPlanOf(snapshot, settings, answers);
    case 'createSecurityGroups':
      return planPart(setupPlanOf(snapshot, settings, answers), 'security-groups');
    case 'createConnector':
      return planPart(setupPlanOf(snapshot, settings, answers), 'connector');
    case 'attachConnector':
      return attachPlan(snapshot, settings, answers);
    case 'detachConnector':
      return unwrap(detachPlan(snapshot, service(snapshot, answers).name));
    case 'deleteConnector':
      return unwrap(deleteConnectorPlan(snapshot, answers.connectorName));
    case 'checkHealth':
      return healthCheckPlan(service(snapshot, answers), settings.healthCheckPath, settings.dbHealthPath);
  }
}
