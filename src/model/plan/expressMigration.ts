// The move of one App Runner service to Amazon ECS Express Mode (docs/migrate-to-ecs-express.md), planned from
// the snapshot and a few facts read beside it (the service's instance settings, the roles, an Express service
// of the same name). The App Runner service is never changed: the Express service is created next to it.
// Network: an Express service has no VPC connector, its tasks sit in the subnets it is given with the groups
// it is given. The connector's subnets and groups carry over as they are, so the database group's ingress
// from the connector group admits the tasks unchanged; a service without a connector (DEFAULT egress), or
// whose connector group is the VPC's default group or owned by an IaC tool, gets a dedicated task group and
// the subnets Set Up would choose, planned by the setup planner itself (its group and rule steps only).
import type { Localized } from '../common/awsError';
import { msg } from '../l10n/text';
import type { AppRunnerService, SecurityGroup, Topology } from '../topology/topology';
import { resolveDesired } from './desired';
import { plan as setupPlan } from './plan';
import type { Plan, PlanStep } from './planSteps';
import { iacOwner, ownerText } from './resourceOwnership';
import type { SetupChoices, SetupSettings } from './setupSettings';
import type { ValidationIssue } from './validators';

/** What DescribeService says beyond the snapshot (src/aws reads it; absent members: App Runner's defaults). */
export interface AppRunnerInstanceFacts {
  /** InstanceConfiguration.Cpu / Memory as App Runner returns them ("1024" or "1 vCPU", "2048" or "2 GB"). */
  cpu?: string;
  memory?: string;
  instanceRoleArn?: string;
  healthCheckProtocol?: 'TCP' | 'HTTP';
  autoScalingConfigurationArn?: string;
  observabilityEnabled?: boolean;
}

/** An IAM role as read (GetRole, ListAttachedRolePolicies, GetRolePolicy of our inline policy). */
export interface RoleFacts {
  arn: string;
  /** The service principals its trust policy names. */
  trustedServices: string[];
  attachedPolicyArns: string[];
  /** Our inline policy's document, when the role has one of that name. */
  inlinePolicy?: string;
}

export interface ExpressServiceFacts {
  arn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  endpoint?: string;
  accessType?: 'PUBLIC' | 'PRIVATE';
  subnets: string[];
  securityGroups: string[];
}

export interface MigrationFacts {
  accountId: string;
  instance: AppRunnerInstanceFacts;
  /** By role name; a name absent here does not exist. */
  roles: Record<string, RoleFacts>;
  /** The Express service of the planned name in the default cluster, when one exists. */
  express?: ExpressServiceFacts;
}

export const EXECUTION_ROLE_POLICY_ARN = 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy';
export const INFRASTRUCTURE_ROLE_POLICY_ARN =
  'arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices';
/** The infrastructure role serves every Express service of the account: one shared name. */
export const INFRASTRUCTURE_ROLE_NAME = 'ecsInfrastructureRoleForExpressServices';
export const SECRETS_POLICY_NAME = 'read-referenced-secrets';

/** Names per service (IAM role names: 64 characters at most). */
export function migrationNames(serviceName: string): { executionRole: string; taskGroup: string } {
  return {
    executionRole: `${serviceName.slice(0, 40)}-ecs-task-execution`,
    taskGroup: `${serviceName}-ecs-tasks`,
  };
}

export function trustPolicy(servicePrincipal: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: servicePrincipal }, Action: 'sts:AssumeRole' }],
  });
}

/** CreateExpressGatewayService's request as planned (camelCase members as the API has them, but no values). */
export interface ExpressServiceRequest {
  serviceName: string;
  executionRoleArn: string;
  infrastructureRoleArn: string;
  healthCheckPath: string;
  cpu?: string;
  memory?: string;
  primaryContainer: {
    image: string;
    containerPort?: number;
    /**
     * The variables' names only: their values (a DATABASE_URL may hold a password) never enter a plan that is
     * shown or printed; the engine takes them from the live App Runner service when it creates the service.
     */
    environmentNames: string[];
    /** ECS `secrets` ({name, valueFrom}): references to Secrets Manager or Parameter Store, not values. */
    variablesFromStores: { name: string; valueFrom: string }[];
  };
  networkConfiguration: {
    subnets: string[];
    /** Group ids; a group the plan creates is named `{name}` until it exists (the engine resolves it). */
    securityGroups: string[];
  };
  tags: { key: string; value: string }[];
}

export type MigrationStep =
  | {
      kind: 'create-role';
      title: Localized;
      roleName: string;
      trustedService: string;
      mutating: true;
    }
  | { kind: 'attach-role-policy'; title: Localized; roleName: string; policyArn: string; mutating: true }
  | {
      kind: 'put-role-policy';
      title: Localized;
      roleName: string;
      policyName: string;
      document: string;
      mutating: true;
    }
  | { kind: 'create-express-service'; title: Localized; request: ExpressServiceRequest; mutating: true }
  | { kind: 'wait-for-express'; title: Localized; serviceName: string; mutating: false }
  | { kind: 'check-express-health'; title: Localized; path: string; expectDatabase: boolean; mutating: false };

export interface MappingItem {
  /** What of the App Runner service: image, port, environment, secrets, health-check, network, ... */
  aspect: string;
  from: string;
  to: string;
  reason: Localized;
}

export interface MigrationPlan {
  kind: 'migrate-ecs-express';
  service: { name: string; arn: string };
  expressServiceName: string;
  expressServiceArn: string;
  /** The setup planner's group and rule steps for a dedicated task group (none when the connector's are reused). */
  network: Plan;
  /** The task group the plan creates (by GroupName in the VPC), when it creates one. */
  taskGroup?: { name: string; vpcId: string };
  steps: MigrationStep[];
  mapping: { same: MappingItem[]; approximate: MappingItem[]; notCarried: MappingItem[] };
  warnings: { code: string; message: Localized }[];
  notes: Localized[];
}

export type MigrationPlanResult = { ok: true; plan: MigrationPlan } | { ok: false; issues: ValidationIssue[] };

/** Steps of the setup plan that make the task group and its rules (connector, attach and checks are App Runner's). */
const GROUP_STEP_KINDS: ReadonlySet<PlanStep['kind']> = new Set([
  'create-security-group',
  'revoke-egress',
  'authorize-egress',
  'authorize-ingress',
]);

/** App Runner's "1 vCPU" / "1024" and "2 GB" / "2048" as Fargate's CPU units and MiB. */
export function fargateSize(cpu: string | undefined, memory: string | undefined): { cpu?: string; memory?: string } {
  const units = (v: string | undefined, per: number): string | undefined => {
    if (!v) return undefined;
    const m = /^([\d.]+)\s*(vCPU|GB)?$/i.exec(v.trim());
    if (!m) return undefined;
    const n = Number(m[1]);
    return String(m[2] ? Math.round(n * per) : n);
  };
  return { cpu: units(cpu, 1024), memory: units(memory, 1024) };
}

/** A secret reference's resource for IAM: the secret ARN without `:json-key:stage:version`, or the parameter ARN. */
export function secretResource(ref: string, region: string, accountId: string): string {
  const sm = /^(arn:aws[a-z-]*:secretsmanager:[^:]+:\d{12}:secret:[^:]+)/.exec(ref);
  if (sm?.[1]) return sm[1];
  if (ref.startsWith('arn:')) return ref;
  // A Parameter Store name (App Runner accepts a name of a parameter in the same region).
  return `arn:aws:ssm:${region}:${accountId}:parameter/${ref.replace(/^\//, '')}`;
}

export function secretsPolicy(refs: string[], region: string, accountId: string): string | undefined {
  const resources = [...new Set(refs.map((r) => secretResource(r, region, accountId)))].sort();
  const secrets = resources.filter((r) => r.includes(':secretsmanager:'));
  const params = resources.filter((r) => r.includes(':ssm:'));
  const statements = [
    ...(secrets.length ? [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secrets }] : []),
    ...(params.length ? [{ Effect: 'Allow', Action: 'ssm:GetParameters', Resource: params }] : []),
  ];
  return statements.length ? JSON.stringify({ Version: '2012-10-17', Statement: statements }) : undefined;
}

function sameDocument(a: string | undefined, b: string): boolean {
  if (!a) return false;
  try {
    return JSON.stringify(JSON.parse(decodeURIComponent(a))) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/** Groups a connector has that the tasks may share as they are: not the VPC's default group, no IaC owner. */
function reusableGroups(snapshot: Topology, ids: string[]): { ok: boolean; why?: Localized } {
  for (const id of ids) {
    const g: SecurityGroup | undefined = snapshot.securityGroups.find((x) => x.id === id);
    if (!g) return { ok: false, why: msg('security group {0} was not read', id) };
    if (g.name === 'default') return { ok: false, why: msg("the connector uses the VPC's default group {0}", id) };
    const owner = iacOwner(g.tags);
    if (owner) return { ok: false, why: msg('{0} belongs to {1}', id, ownerText(owner)) };
  }
  return { ok: ids.length > 0, why: ids.length ? undefined : msg('the connector has no security group') };
}

function roleSteps(
  name: string,
  principal: string,
  policyArn: string,
  facts: RoleFacts | undefined,
): { steps: MigrationStep[]; issue?: ValidationIssue } {
  if (facts && !facts.trustedServices.includes(principal)) {
    return {
      steps: [],
      issue: {
        field: 'service',
        code: 'role-trust-mismatch',
        message: msg(
          'IAM role {0} exists but {1} may not assume it (its trust policy): it is left as it is; fix its trust policy or remove it.',
          name,
          principal,
        ),
      },
    };
  }
  const steps: MigrationStep[] = [];
  if (!facts)
    steps.push({
      kind: 'create-role',
      title: msg('Create IAM role {0} that {1} may assume', name, principal),
      roleName: name,
      trustedService: principal,
      mutating: true,
    });
  if (!facts?.attachedPolicyArns.includes(policyArn))
    steps.push({
      kind: 'attach-role-policy',
      title: msg('Attach the managed policy {0} to {1}', policyArn.slice(policyArn.lastIndexOf('/') + 1), name),
      roleName: name,
      policyArn,
      mutating: true,
    });
  return { steps };
}

function mappingOf(
  service: AppRunnerService,
  facts: MigrationFacts,
  request: ExpressServiceRequest,
  healthFromSettings: boolean,
  reuse: boolean,
): MigrationPlan['mapping'] {
  const source = service.source;
  const same: MappingItem[] = [
    {
      aspect: 'image',
      from: source?.identifier ?? '',
      to: `primaryContainer.image ${request.primaryContainer.image}`,
      reason: msg('the same image, pulled with the task execution role'),
    },
    {
      aspect: 'port',
      from: source?.port ?? '8080',
      to: `primaryContainer.containerPort ${request.primaryContainer.containerPort ?? 80}`,
      reason: msg('the load balancer sends traffic to the same port'),
    },
    {
      aspect: 'environment',
      from: Object.keys(source?.environment ?? {}).join(', '),
      to: 'primaryContainer.environment',
      reason: msg('the same variables and values'),
    },
    {
      aspect: 'secret-references',
      from: Object.keys(source?.secrets ?? {}).join(', '),
      to: 'primaryContainer.secrets (valueFrom)',
      reason: msg('the same references; ECS reads them at task start with the execution role'),
    },
    {
      aspect: 'network',
      from: service.vpcConnectorArn ?? 'DEFAULT',
      to: `subnets ${request.networkConfiguration.subnets.join(', ')}; groups ${request.networkConfiguration.securityGroups.join(', ')}`,
      reason: reuse
        ? msg("the connector's subnets and groups: the database group's rule for the connector group admits the tasks")
        : msg('a dedicated task group with the runbook egress and the database ingress, in private subnets with NAT'),
    },
  ];
  const size = fargateSize(facts.instance.cpu, facts.instance.memory);
  const approximate: MappingItem[] = [
    {
      aspect: 'health-check',
      from: `${facts.instance.healthCheckProtocol ?? 'TCP'} ${service.healthCheckPath ?? ''}`.trim(),
      to: `healthCheckPath ${request.healthCheckPath}`,
      reason: healthFromSettings
        ? msg(
            'Express checks an HTTP path through the load balancer; App Runner checked TCP, so the runbook health path is used',
          )
        : msg('Express checks the same HTTP path through the load balancer'),
    },
    {
      aspect: 'cpu-memory',
      from: `${facts.instance.cpu ?? '1024'} / ${facts.instance.memory ?? '2048'}`,
      to: `cpu ${size.cpu ?? '256'} / memory ${size.memory ?? '512'}`,
      reason: msg('the same size as a Fargate task; Fargate bills it per task, App Runner per instance'),
    },
    {
      aspect: 'scaling',
      from: facts.instance.autoScalingConfigurationArn ?? 'DefaultConfiguration',
      to: 'scalingTarget (Express defaults)',
      reason: msg(
        'App Runner scales on concurrent requests per instance; Express on a target (CPU, memory or requests per task): its defaults are kept, set scalingTarget after the move',
      ),
    },
    {
      aspect: 'ingress',
      from: service.isPubliclyAccessible === false ? 'private' : 'public',
      to: 'PRIVATE (internal load balancer)',
      reason: msg(
        'the tasks are in private subnets, so Express makes an internal load balancer: reachable inside the VPC only until you put a public entry in front (the cut-over is yours)',
      ),
    },
  ];
  const notCarried: MappingItem[] = [];
  if (source?.kind === 'code')
    notCarried.push({
      aspect: 'source-code',
      from: source.identifier,
      to: '',
      reason: msg(
        'Express runs an image: build one from the repository with the build and run commands of its apprunner.yaml, push it to ECR, then plan again',
      ),
    });
  if (facts.instance.instanceRoleArn)
    notCarried.push({
      aspect: 'instance-role',
      from: facts.instance.instanceRoleArn,
      to: 'taskRoleArn',
      reason: msg(
        'the instance role trusts tasks.apprunner.amazonaws.com; ECS tasks need a role that trusts ecs-tasks.amazonaws.com: make one and set taskRoleArn',
      ),
    });
  if (facts.instance.observabilityEnabled)
    notCarried.push({
      aspect: 'observability',
      from: 'X-Ray tracing',
      to: '',
      reason: msg(
        'App Runner observability configuration has no Express counterpart: add a tracing sidecar or the ADOT SDK',
      ),
    });
  if (service.ipAddressType === 'DUAL_STACK')
    notCarried.push({
      aspect: 'ip-address-type',
      from: 'DUAL_STACK',
      to: '',
      reason: msg("Express has no IP address type setting: the load balancer and tasks follow the subnets' addressing"),
    });
  notCarried.push({
    aspect: 'custom-domain',
    from: service.url ?? '',
    to: '',
    reason: msg('custom domains and the service URL stay with App Runner: moving DNS is the cut-over, done by you'),
  });
  return { same, approximate, notCarried };
}

export function planExpressMigration(
  snapshot: Topology,
  settings: SetupSettings,
  choices: SetupChoices,
  facts: MigrationFacts,
): MigrationPlanResult {
  const service = snapshot.services.find((s) => s.name === settings.serviceName);
  const fail = (code: string, message: Localized): MigrationPlanResult => ({
    ok: false,
    issues: [{ field: 'service', code, message }],
  });
  if (!service)
    return fail(
      'service-unknown',
      msg('App Runner service "{0}" was not found in {1}.', settings.serviceName, snapshot.region),
    );
  if (service.source?.kind !== 'image')
    return fail(
      'source-code-service',
      msg(
        '{0} is built from source code: Express runs an image. Build one from the repository with the build and run commands of its apprunner.yaml, push it to ECR, then plan again.',
        service.name,
      ),
    );
  const names = migrationNames(service.name);
  const connector = service.vpcConnectorArn
    ? snapshot.connectors.find((c) => c.arn === service.vpcConnectorArn && c.status === 'ACTIVE')
    : undefined;
  const reuse = connector ? reusableGroups(snapshot, connector.securityGroupIds) : { ok: false };
  const notes: Localized[] = [];
  const warnings: MigrationPlan['warnings'] = [];
  let network: Plan = { kind: 'setup', steps: [], warnings: [], notes: [] };
  let subnetIds: string[];
  let groupIds: string[];
  let taskGroup: MigrationPlan['taskGroup'];
  if (connector && reuse.ok) {
    subnetIds = connector.subnetIds;
    groupIds = connector.securityGroupIds;
    notes.push(
      msg(
        'The tasks use the subnets and security groups of {0}: the database path stays as it is, no rule changes.',
        connector.name,
      ),
    );
  } else {
    // The setup planner decides the database, its group, the subnets and the rules, with all its safety rules.
    const resolved = resolveDesired(
      snapshot,
      { ...settings, appRunnerSecurityGroupName: names.taskGroup, appRunnerSecurityGroupNameTag: '' },
      { ...choices, subnetIds: choices.subnetIds ?? connector?.subnetIds },
    );
    if (!resolved.ok) return resolved;
    const p = setupPlan(snapshot, resolved.desired);
    network = {
      ...p,
      steps: p.steps.filter((s) => GROUP_STEP_KINDS.has(s.kind)),
      warnings: p.warnings.filter((w) => w.code !== 'connector-users-unknown' && w.code !== 'old-connector-kept'),
      notes: resolved.notes,
    };
    subnetIds = resolved.desired.subnetIds;
    const existing = snapshot.securityGroups.find(
      (g) => g.name === names.taskGroup && g.vpcId === resolved.desired.vpcId,
    );
    groupIds = [existing?.id ?? `{${names.taskGroup}}`];
    if (!existing) taskGroup = { name: names.taskGroup, vpcId: resolved.desired.vpcId };
    if (connector && reuse.why) notes.push(msg('The connector groups are not shared with the tasks: {0}.', reuse.why));
    if (!connector)
      warnings.push({
        code: 'default-egress-moves-into-vpc',
        message: msg(
          "{0} has DEFAULT egress: App Runner's own internet access. The Express tasks sit in the VPC's subnets {1}, so everything the app called on the internet now goes out through those subnets' NAT gateway (hourly and per-GB charges).",
          service.name,
          subnetIds.join(', '),
        ),
      });
  }
  const region = snapshot.region;
  const account = facts.accountId;
  const executionRoleArn =
    facts.roles[names.executionRole]?.arn ?? `arn:aws:iam::${account}:role/${names.executionRole}`;
  const infraRoleArn =
    facts.roles[INFRASTRUCTURE_ROLE_NAME]?.arn ?? `arn:aws:iam::${account}:role/${INFRASTRUCTURE_ROLE_NAME}`;
  const source = service.source;
  const healthFromSettings = facts.instance.healthCheckProtocol !== 'HTTP' || !service.healthCheckPath;
  const size = fargateSize(facts.instance.cpu, facts.instance.memory);
  const secretRefs = Object.entries(source.secrets ?? {});
  const request: ExpressServiceRequest = {
    serviceName: service.name,
    executionRoleArn,
    infrastructureRoleArn: infraRoleArn,
    healthCheckPath: healthFromSettings
      ? settings.healthCheckPath
      : (service.healthCheckPath ?? settings.healthCheckPath),
    ...(size.cpu ? { cpu: size.cpu } : {}),
    ...(size.memory ? { memory: size.memory } : {}),
    primaryContainer: {
      image: source.identifier,
      containerPort: Number(source.port ?? '8080'),
      environmentNames: Object.keys(source.environment),
      variablesFromStores: secretRefs.map(([name, valueFrom]) => ({ name, valueFrom })),
    },
    networkConfiguration: { subnets: subnetIds, securityGroups: groupIds },
    tags: [
      { key: 'ManagedBy', value: 'apprunner-vpc' },
      { key: 'MigratedFrom', value: service.arn },
    ],
  };
  const steps: MigrationStep[] = [];
  const issues: ValidationIssue[] = [];
  const exec = roleSteps(
    names.executionRole,
    'ecs-tasks.amazonaws.com',
    EXECUTION_ROLE_POLICY_ARN,
    facts.roles[names.executionRole],
  );
  const infra = roleSteps(
    INFRASTRUCTURE_ROLE_NAME,
    'ecs.amazonaws.com',
    INFRASTRUCTURE_ROLE_POLICY_ARN,
    facts.roles[INFRASTRUCTURE_ROLE_NAME],
  );
  for (const r of [exec, infra]) if (r.issue) issues.push(r.issue);
  steps.push(...exec.steps);
  const policy = secretsPolicy(
    secretRefs.map(([, ref]) => ref),
    region,
    account,
  );
  if (policy && !sameDocument(facts.roles[names.executionRole]?.inlinePolicy, policy))
    steps.push({
      kind: 'put-role-policy',
      title: msg(
        'Let {0} read exactly the {1} secret references of {2}',
        names.executionRole,
        secretRefs.length,
        service.name,
      ),
      roleName: names.executionRole,
      policyName: SECRETS_POLICY_NAME,
      document: policy,
      mutating: true,
    });
  steps.push(...infra.steps);
  const expressArn = `arn:aws:ecs:${region}:${account}:service/default/${service.name}`;
  const express = facts.express;
  if (express?.status === 'DRAINING')
    issues.push({
      field: 'service',
      code: 'express-draining',
      message: msg('The Express service {0} is being deleted (DRAINING): plan again once it is INACTIVE.', express.arn),
    });
  if (!express || express.status === 'INACTIVE')
    steps.push({
      kind: 'create-express-service',
      title: msg(
        'Create the ECS Express service {0} in the default cluster next to the App Runner service',
        service.name,
      ),
      request,
      mutating: true,
    });
  else notes.push(msg('The Express service {0} exists ({1}): it is not changed.', express.arn, express.status));
  if (issues.length > 0) return { ok: false, issues };
  steps.push(
    {
      kind: 'wait-for-express',
      title: msg('Wait for the Express service {0} to serve', service.name),
      serviceName: service.name,
      mutating: false,
    },
    {
      kind: 'check-express-health',
      title: msg('Check the service health on the Express endpoint: GET {0}', settings.healthCheckPath),
      path: settings.healthCheckPath,
      expectDatabase: false,
      mutating: false,
    },
    {
      kind: 'check-express-health',
      title: msg('Check the database connection on the Express endpoint: GET {0}', settings.dbHealthPath),
      path: settings.dbHealthPath,
      expectDatabase: true,
      mutating: false,
    },
  );
  notes.push(
    msg('The App Runner service {0} is not changed: it keeps serving until you move its traffic.', service.name),
  );
  return {
    ok: true,
    plan: {
      kind: 'migrate-ecs-express',
      service: { name: service.name, arn: service.arn },
      expressServiceName: service.name,
      expressServiceArn: expressArn,
      network,
      taskGroup,
      steps,
      mapping: mappingOf(service, facts, request, healthFromSettings, Boolean(connector && reuse.ok)),
      warnings: [...warnings, ...network.warnings.map((w) => ({ code: w.code, message: w.message }))],
      notes: [...notes, ...network.notes],
    },
  };
}

export function migrationHasChanges(p: MigrationPlan): boolean {
  return p.network.steps.some((s) => s.mutating) || p.steps.some((s) => s.mutating);
}
