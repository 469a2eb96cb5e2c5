// The AWS side of the move to ECS Express Mode (docs/migrate-to-ecs-express.md): the facts the plan needs
// beside the snapshot (the service's instance settings, the roles, an Express service of the planned name)
// and the calls the engine makes. IAM and ECS only; the network steps go through the setup engine.
import { DescribeServiceCommand } from '@aws-sdk/client-apprunner';
import {
  CreateExpressGatewayServiceCommand,
  DescribeExpressGatewayServiceCommand,
  type ECSExpressGatewayService,
} from '@aws-sdk/client-ecs';
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  PutRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { DescribeSecurityGroupsCommand } from '@aws-sdk/client-ec2';
import type { AwsClients } from './clients';
import {
  type AppRunnerInstanceFacts,
  type ExpressServiceFacts,
  type ExpressServiceRequest,
  INFRASTRUCTURE_ROLE_NAME,
  type MigrationFacts,
  migrationNames,
  type RoleFacts,
  SECRETS_POLICY_NAME,
  trustPolicy,
} from '../model/plan/expressMigration';

function errorName(e: unknown): string {
  return (e as { name?: string }).name ?? '';
}

const NOT_FOUND = new Set([
  'ResourceNotFoundException',
  'ServiceNotFoundException',
  'NoSuchEntityException',
  'NoSuchEntity',
]);

export async function readInstanceFacts(clients: AwsClients, serviceArn: string): Promise<AppRunnerInstanceFacts> {
  const out = await clients.appRunner.send(new DescribeServiceCommand({ ServiceArn: serviceArn }));
  const s = out.Service;
  const protocol = s?.HealthCheckConfiguration?.Protocol;
  return {
    cpu: s?.InstanceConfiguration?.Cpu,
    memory: s?.InstanceConfiguration?.Memory,
    instanceRoleArn: s?.InstanceConfiguration?.InstanceRoleArn,
    healthCheckProtocol: protocol === 'HTTP' || protocol === 'TCP' ? protocol : undefined,
    autoScalingConfigurationArn: s?.AutoScalingConfigurationSummary?.AutoScalingConfigurationArn,
    observabilityEnabled: s?.ObservabilityConfiguration?.ObservabilityEnabled,
  };
}

/** The services a role's trust policy names (the document comes URL-encoded from IAM). */
function trustedServices(document: string | undefined): string[] {
  if (!document) return [];
  try {
    const doc = JSON.parse(decodeURIComponent(document)) as {
      Statement?: { Effect?: string; Principal?: { Service?: string | string[] } }[];
    };
    return (doc.Statement ?? [])
      .filter((st) => st.Effect === 'Allow')
      .flatMap((st) => [st.Principal?.Service ?? []].flat());
  } catch {
    return [];
  }
}

export async function readRole(clients: AwsClients, name: string): Promise<RoleFacts | undefined> {
  let role;
  try {
    role = (await clients.iam.send(new GetRoleCommand({ RoleName: name }))).Role;
  } catch (e) {
    if (NOT_FOUND.has(errorName(e))) return undefined;
    throw e;
  }
  const attached = await clients.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
  let inlinePolicy: string | undefined;
  try {
    inlinePolicy = (
      await clients.iam.send(new GetRolePolicyCommand({ RoleName: name, PolicyName: SECRETS_POLICY_NAME }))
    ).PolicyDocument;
  } catch (e) {
    if (!NOT_FOUND.has(errorName(e))) throw e;
  }
  return {
    arn: role?.Arn ?? '',
    trustedServices: trustedServices(role?.AssumeRolePolicyDocument),
    attachedPolicyArns: (attached.AttachedPolicies ?? []).map((p) => p.PolicyArn ?? ''),
    inlinePolicy,
  };
}

export function expressFactsOf(s: ECSExpressGatewayService | undefined): ExpressServiceFacts | undefined {
  if (!s?.serviceArn) return undefined;
  const config = s.activeConfigurations?.[0];
  const ingress = config?.ingressPaths?.[0];
  return {
    arn: s.serviceArn,
    status: (s.status?.statusCode ?? 'ACTIVE') as ExpressServiceFacts['status'],
    endpoint: ingress?.endpoint,
    accessType: ingress?.accessType,
    subnets: config?.networkConfiguration?.subnets ?? [],
    securityGroups: config?.networkConfiguration?.securityGroups ?? [],
  };
}

export async function describeExpress(clients: AwsClients, arn: string): Promise<ExpressServiceFacts | undefined> {
  try {
    const out = await clients.ecs.send(new DescribeExpressGatewayServiceCommand({ serviceArn: arn }));
    return expressFactsOf(out.service);
  } catch (e) {
    if (NOT_FOUND.has(errorName(e))) return undefined;
    throw e;
  }
}

export async function readMigrationFacts(
  clients: AwsClients,
  accountId: string,
  service: { name: string; arn: string },
): Promise<MigrationFacts> {
  const names = migrationNames(service.name);
  const [instance, exec, infra] = await Promise.all([
    readInstanceFacts(clients, service.arn),
    readRole(clients, names.executionRole),
    readRole(clients, INFRASTRUCTURE_ROLE_NAME),
  ]);
  const region = clients.target.region;
  const express = await describeExpress(clients, `arn:aws:ecs:${region}:${accountId}:service/default/${service.name}`);
  const roles: Record<string, RoleFacts> = {};
  if (exec) roles[names.executionRole] = exec;
  if (infra) roles[INFRASTRUCTURE_ROLE_NAME] = infra;
  return { accountId, instance, roles, express };
}

/** CreateRole; a role created meanwhile (a re-run after a lost answer) counts as done. */
export async function createRole(clients: AwsClients, name: string, principal: string): Promise<void> {
  try {
    await clients.iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: trustPolicy(principal),
        Description: 'Created by apprunner-vpc for ECS Express Mode',
        Tags: [{ Key: 'ManagedBy', Value: 'apprunner-vpc' }],
      }),
    );
  } catch (e) {
    if (errorName(e) !== 'EntityAlreadyExistsException' && errorName(e) !== 'EntityAlreadyExists') throw e;
  }
}

export async function attachRolePolicy(clients: AwsClients, roleName: string, policyArn: string): Promise<void> {
  await clients.iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: policyArn }));
}

export async function putRolePolicy(
  clients: AwsClients,
  roleName: string,
  policyName: string,
  document: string,
): Promise<void> {
  await clients.iam.send(
    new PutRolePolicyCommand({ RoleName: roleName, PolicyName: policyName, PolicyDocument: document }),
  );
}

/**
 * CreateExpressGatewayService from the planned request, with the variables' values of the live App Runner
 * service (never part of the plan) and the group ids resolved.
 */
export async function createExpressService(
  clients: AwsClients,
  request: ExpressServiceRequest,
  environment: Readonly<Record<string, string>>,
): Promise<ExpressServiceFacts | undefined> {
  const { environmentNames, variablesFromStores, ...container } = request.primaryContainer;
  const out = await clients.ecs.send(
    new CreateExpressGatewayServiceCommand({
      ...request,
      primaryContainer: {
        ...container,
        environment: environmentNames.map((name) => ({ name, value: environment[name] ?? '' })),
        secrets: variablesFromStores,
      },
    }),
  );
  return expressFactsOf(out.service);
}

/** The id of the group named `name` (GroupName) in `vpcId`, once the network steps made it. */
export async function findGroupId(clients: AwsClients, name: string, vpcId: string): Promise<string | undefined> {
  const out = await clients.ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'group-name', Values: [name] },
        { Name: 'vpc-id', Values: [vpcId] },
      ],
    }),
  );
  return out.SecurityGroups?.[0]?.GroupId;
}
