import assert from 'node:assert/strict';
import {
  EXECUTION_ROLE_POLICY_ARN,
  fargateSize,
  INFRASTRUCTURE_ROLE_NAME,
  INFRASTRUCTURE_ROLE_POLICY_ARN,
  type MigrationFacts,
  migrationHasChanges,
  type MigrationPlan,
  planExpressMigration,
  secretsPolicy,
} from '../../src/model/plan/expressMigration';
import { renderMigrationPlan } from '../../src/model/plan/expressMigrationText';
import type { Topology } from '../../src/model/topology/topology';
import { doneWorld, seededWorld, SETTINGS } from './fixtures/planWorld';

const FACTS: MigrationFacts = { accountId: '123456789012', instance: {}, roles: {} };

function planFor(t: Topology, facts: MigrationFacts = FACTS): MigrationPlan {
  const r = planExpressMigration(t, SETTINGS, {}, facts);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('; '));
  return r.plan;
}

const kinds = (p: MigrationPlan): string[] => p.steps.map((s) => s.kind);
const createRequest = (p: MigrationPlan) => {
  const s = p.steps.find((x) => x.kind === 'create-express-service');
  assert.ok(s?.kind === 'create-express-service');
  return s.request;
};

/** Every role and the service exist as the plan would make them. */
function convergedFacts(p: MigrationPlan): MigrationFacts {
  const put = p.steps.find((s) => s.kind === 'put-role-policy');
  return {
    ...FACTS,
    roles: {
      'kyudai-api-ecs-task-execution': {
        arn: 'arn:aws:iam::123456789012:role/kyudai-api-ecs-task-execution',
        trustedServices: ['ecs-tasks.amazonaws.com'],
        attachedPolicyArns: [EXECUTION_ROLE_POLICY_ARN],
        inlinePolicy: put?.kind === 'put-role-policy' ? encodeURIComponent(put.document) : undefined,
      },
      [INFRASTRUCTURE_ROLE_NAME]: {
        arn: `arn:aws:iam::123456789012:role/${INFRASTRUCTURE_ROLE_NAME}`,
        trustedServices: ['ecs.amazonaws.com'],
        attachedPolicyArns: [INFRASTRUCTURE_ROLE_POLICY_ARN],
      },
    },
    express: { arn: p.expressServiceArn, status: 'ACTIVE', subnets: [], securityGroups: [] },
  };
}

describe('move to ECS Express: a service on a connector', () => {
  it("keeps the connector's subnets and group, so the database rule holds with no network change", () => {
    const p = planFor(doneWorld());
    assert.deepEqual(p.network.steps, []);
    assert.deepEqual(createRequest(p).networkConfiguration, {
      subnets: ['subnet-a', 'subnet-c', 'subnet-d'],
      securityGroups: ['sg-app1'],
    });
    assert.equal(p.taskGroup, undefined);
  });

  it('creates both roles with their managed policies, then the service, then waits and checks', () => {
    const p = planFor(doneWorld());
    assert.deepEqual(kinds(p), [
      'create-role',
      'attach-role-policy',
      'create-role',
      'attach-role-policy',
      'create-express-service',
      'wait-for-express',
      'check-express-health',
      'check-express-health',
    ]);
    const roles = p.steps.flatMap((s) => (s.kind === 'create-role' ? [`${s.roleName}<-${s.trustedService}`] : []));
    assert.deepEqual(roles, [
      'kyudai-api-ecs-task-execution<-ecs-tasks.amazonaws.com',
      `${INFRASTRUCTURE_ROLE_NAME}<-ecs.amazonaws.com`,
    ]);
  });

  it('carries image, port, variables and the health path into the request', () => {
    const t = doneWorld();
    t.services[0].source = {
      kind: 'image',
      identifier: 'public.ecr.aws/x/app:1',
      port: '8000',
      environment: { A: 'value-of-a-9f3' },
    };
    Object.assign(t.services[0], { healthCheckPath: '/healthz' });
    const r = createRequest(
      planFor(t, { ...FACTS, instance: { healthCheckProtocol: 'HTTP', cpu: '1 vCPU', memory: '2 GB' } }),
    );
    assert.equal(r.primaryContainer.image, 'public.ecr.aws/x/app:1');
    assert.equal(r.primaryContainer.containerPort, 8000);
    assert.deepEqual(r.primaryContainer.environmentNames, ['A'], 'names only: values never enter the plan');
    assert.doesNotMatch(JSON.stringify(r), /value-of-a-9f3/);
    assert.equal(r.healthCheckPath, '/healthz');
    assert.deepEqual([r.cpu, r.memory], ['1024', '2048']);
  });

  it("uses the runbook's health path when App Runner checked TCP (Express checks an HTTP path)", () => {
    const r = createRequest(planFor(doneWorld(), { ...FACTS, instance: { healthCheckProtocol: 'TCP' } }));
    assert.equal(r.healthCheckPath, SETTINGS.healthCheckPath);
  });

  it('lets the execution role read exactly the referenced secrets (no JSON key suffix, no wildcard)', () => {
    const t = doneWorld();
    const arn = 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:kyudai/db-AbCdEf';
    t.services[0].source = {
      kind: 'image',
      identifier: 'img',
      environment: {},
      secrets: { DB_PASSWORD: `${arn}:password::`, PGHOST: 'kyudai-host' },
    };
    const p = planFor(t);
    const put = p.steps.find((s) => s.kind === 'put-role-policy');
    assert.ok(put?.kind === 'put-role-policy');
    assert.deepEqual(JSON.parse(put.document).Statement, [
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: [arn] },
      {
        Effect: 'Allow',
        Action: 'ssm:GetParameters',
        Resource: ['arn:aws:ssm:ap-northeast-1:123456789012:parameter/kyudai-host'],
      },
    ]);
    assert.deepEqual(
      createRequest(p).primaryContainer.variablesFromStores.map((s) => s.name),
      ['DB_PASSWORD', 'PGHOST'],
    );
    assert.equal(secretsPolicy([], 'ap-northeast-1', '1'), undefined);
  });

  it('converges: with the roles, policy and service in place nothing is left to write', () => {
    const t = doneWorld();
    t.services[0].source = {
      kind: 'image',
      identifier: 'img',
      environment: {},
      secrets: { S: 'arn:aws:secretsmanager:ap-northeast-1:123456789012:secret:s-AbCdEf' },
    };
    const p = planFor(t, convergedFacts(planFor(t)));
    assert.equal(migrationHasChanges(p), false);
    assert.deepEqual(kinds(p), ['wait-for-express', 'check-express-health', 'check-express-health']);
    assert.match(renderMigrationPlan(p), /No changes/);
  });

  it('refuses to use a role of the planned name that ECS may not assume, and changes nothing', () => {
    const r = planExpressMigration(
      doneWorld(),
      SETTINGS,
      {},
      {
        ...FACTS,
        roles: {
          [INFRASTRUCTURE_ROLE_NAME]: {
            arn: 'arn:aws:iam::123456789012:role/x',
            trustedServices: ['lambda.amazonaws.com'],
            attachedPolicyArns: [],
          },
        },
      },
    );
    assert.equal(r.ok, false);
    assert.ok(!r.ok && r.issues.some((i) => i.code === 'role-trust-mismatch'));
  });

  it('never shares the default group: a connector on it gets a dedicated task group planned by Set Up', () => {
    const t = doneWorld();
    t.securityGroups.push({
      id: 'sg-def',
      name: 'default',
      description: 'default',
      vpcId: 'vpc-1',
      tags: {},
      rules: [],
    });
    t.connectors[0].securityGroupIds = ['sg-def'];
    const p = planFor(t);
    assert.deepEqual(p.taskGroup, { name: 'kyudai-api-ecs-tasks', vpcId: 'vpc-1' });
    assert.deepEqual(createRequest(p).networkConfiguration.securityGroups, ['{kyudai-api-ecs-tasks}']);
    assert.ok(p.network.steps.some((s) => s.kind === 'authorize-ingress' && s.group.id === 'sg-rds1'));
    assert.ok(!p.network.steps.some((s) => 'group' in s && s.group.id === 'sg-def'));
    assert.deepEqual(createRequest(p).networkConfiguration.subnets, ['subnet-a', 'subnet-c', 'subnet-d']);
  });
});

describe('move to ECS Express: a DEFAULT-egress service', () => {
  it('plans a task group with the runbook egress and the DB ingress, in private subnets, and says the internet moves to NAT', () => {
    const p = planFor(seededWorld());
    const network = p.network.steps.map((s) => s.id);
    assert.ok(network.includes('create-apprunner-sg'));
    assert.ok(network.includes('authorize-egress-db'));
    assert.ok(network.includes('authorize-egress-https'));
    assert.ok(network.includes('authorize-db-ingress'));
    assert.ok(!network.some((id) => id === 'create-connector' || id === 'attach-connector'));
    const subnets = createRequest(p).networkConfiguration.subnets;
    assert.ok(subnets.length > 0 && !subnets.includes('subnet-pub'));
    assert.ok(p.warnings.some((w) => w.code === 'default-egress-moves-into-vpc'));
  });

  it('states what is not carried over, with reasons', () => {
    const t = seededWorld();
    Object.assign(t.services[0], { ipAddressType: 'DUAL_STACK' });
    const p = planFor(t, {
      ...FACTS,
      instance: { instanceRoleArn: 'arn:aws:iam::1:role/r', observabilityEnabled: true },
    });
    assert.deepEqual(
      p.mapping.notCarried.map((m) => m.aspect),
      ['instance-role', 'observability', 'ip-address-type', 'custom-domain'],
    );
    assert.ok(p.mapping.approximate.some((m) => m.aspect === 'ingress' && /PRIVATE/.test(m.to)));
  });

  it('refuses a source-code service: Express needs an image first', () => {
    const t = seededWorld();
    t.services[0].source = { kind: 'code', identifier: 'https://github.com/x/y', environment: {} };
    const r = planExpressMigration(t, SETTINGS, {}, FACTS);
    assert.ok(!r.ok && r.issues[0]?.code === 'source-code-service');
  });
});

describe('fargateSize', () => {
  it("reads App Runner's both spellings", () => {
    assert.deepEqual(fargateSize('0.25 vCPU', '0.5 GB'), { cpu: '256', memory: '512' });
    assert.deepEqual(fargateSize('2048', '4096'), { cpu: '2048', memory: '4096' });
    assert.deepEqual(fargateSize(undefined, 'lots'), { cpu: undefined, memory: undefined });
  });
});
