// The setup commands' planning from plain answers (the wizard's prompts, without VS Code): which steps each
// command runs, and the user's words when the answers cannot make a plan.
import assert from 'node:assert/strict';
import { UserError } from '../../src/model/common/userError';
import { commandPlan } from '../../src/model/plan/commandPlan';
import { setupPlanFor } from '../../src/model/plan/setupPlanFor';
import { MANUAL_DATABASE, type WizardAnswers } from '../../src/model/plan/wizardAnswers';
import { CONNECTOR_ARN, doneWorld, seededWorld, SETTINGS } from './fixtures/planWorld';

const answers = (over: Partial<WizardAnswers> = {}): WizardAnswers => ({
  command: 'setupConnector',
  serviceName: 'kyudai-api',
  connectorName: 'campus-sns-vpc-connector',
  appRunnerSecurityGroupName: 'apprunner-connector',
  ...over,
});
const ids = (p: { steps: { id: string }[] }) => p.steps.map((s) => s.id);

describe('commandPlan (the setup commands, from plain answers)', () => {
  it('plans the whole setup as setupPlanFor does, resolver notes included', () => {
    const t = seededWorld();
    const p = commandPlan(t, SETTINGS, answers({ database: 'kyudai-db' }));
    const shared = setupPlanFor(t, SETTINGS, { dbInstanceId: 'kyudai-db' });
    assert.ok(shared.ok);
    assert.deepEqual(ids(p), ids(shared.plan));
    assert.deepEqual(p.notes, shared.plan.notes);
    assert.ok(ids(p).includes('create-connector') && ids(p).includes('check-db-health'));
  });

  it('cuts the setup plan to the part a single-purpose command runs', () => {
    const t = seededWorld();
    assert.deepEqual(ids(commandPlan(t, SETTINGS, answers({ command: 'createConnector' }))), ['create-connector']);
    assert.deepEqual(ids(commandPlan(t, SETTINGS, answers({ command: 'createSecurityGroups' }))), [
      'create-apprunner-sg',
      'authorize-egress-db',
      'authorize-egress-https',
      'authorize-egress-dns',
      'revoke-default-egress',
      'authorize-db-ingress',
    ]);
  });

  it('plans the manual target (not RDS) from the chosen group and port, and validates the answers', () => {
    const t = seededWorld();
    const manual = answers({
      database: MANUAL_DATABASE,
      manualGroupId: 'sg-rds1',
      manualPort: 3306,
      subnetIds: ['subnet-c', 'subnet-a'],
    });
    const p = commandPlan(t, SETTINGS, manual);
    const ingress = p.steps.find((s) => s.id === 'authorize-db-ingress');
    assert.ok(ingress?.kind === 'authorize-ingress');
    assert.equal(ingress.rule.fromPort, 3306);
    const connector = p.steps.find((s) => s.id === 'create-connector');
    assert.ok(connector?.kind === 'create-connector');
    assert.deepEqual(connector.subnetIds, ['subnet-a', 'subnet-c']);
    assert.throws(
      () => commandPlan(t, SETTINGS, { ...manual, manualGroupId: undefined }),
      (e: unknown) => e instanceof UserError && /database security group/.test(e.message),
    );
    assert.throws(
      () => commandPlan(t, SETTINGS, { ...manual, subnetIds: ['subnet-x1', 'subnet-x2'] }),
      (e: unknown) => e instanceof UserError,
    );
  });

  it('attaches (with the redeploy wait and both health checks), or nothing when already attached', () => {
    const seeded = seededWorld();
    assert.deepEqual(
      ids(commandPlan(seeded, SETTINGS, answers({ command: 'attachConnector', connectorArn: CONNECTOR_ARN }))),
      ['attach-connector', 'wait-for-service', 'check-health', 'check-db-health'],
    );
    const done = doneWorld();
    assert.deepEqual(
      ids(commandPlan(done, SETTINGS, answers({ command: 'attachConnector', connectorArn: CONNECTOR_ARN }))),
      [],
    );
  });

  it('detaches, deletes (never a connector in use) and checks health for the named service and connector', () => {
    const done = doneWorld();
    assert.ok(ids(commandPlan(done, SETTINGS, answers({ command: 'detachConnector' }))).includes('detach-connector'));
    assert.throws(
      () => commandPlan(done, SETTINGS, answers({ command: 'deleteConnector' })),
      (e: unknown) => e instanceof UserError && /used by kyudai-api/.test(e.message),
    );
    const detached = doneWorld();
    Object.assign(detached.services[0], { egressType: 'DEFAULT', vpcConnectorArn: undefined });
    assert.ok(
      ids(commandPlan(detached, SETTINGS, answers({ command: 'deleteConnector' }))).includes('delete-connector'),
    );
    const health = commandPlan(done, { ...SETTINGS, healthCheckPath: '/up' }, answers({ command: 'checkHealth' }));
    assert.deepEqual(
      health.steps.map((s) => [s.id, s.kind === 'check-health' ? s.path : '']),
      [
        ['check-health', '/up'],
        ['check-db-health', SETTINGS.dbHealthPath],
      ],
    );
  });

  it('names a service that is not in the snapshot', () => {
    assert.throws(
      () => commandPlan(seededWorld(), SETTINGS, answers({ command: 'checkHealth', serviceName: 'nope' })),
      (e: unknown) => e instanceof UserError && e.message.includes('"nope"'),
    );
  });
});
