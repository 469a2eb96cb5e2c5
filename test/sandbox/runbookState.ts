// The runbook's finished state (sections 3 to 6), asserted on the account as plain describe calls see it.
import assert from 'node:assert/strict';
import { accountState, ruleKey, type AccountState } from './engineSupport';
import { getServiceUrl, seed } from './support';

export async function assertRunbookState(): Promise<AccountState> {
  const state = await accountState();
  const info = seed();
  assert.equal(state.appRunnerGroupIds.length, 1, 'exactly one sg-apprunner in the VPC');
  const appId = state.appRunnerGroupIds[0];
  assert.deepEqual(
    state.appRunnerEgress.map(ruleKey).sort(),
    [`tcp 443 443 0.0.0.0/0`, `tcp 5432 5432 ${info.sgRdsId}`, `udp 53 53 0.0.0.0/0`].sort(),
    'exactly the three egress rules, no allow-all',
  );
  assert.deepEqual(state.appRunnerIngress, [], 'no inbound rules on sg-apprunner');
  assert.deepEqual(
    state.dbIngress.map(ruleKey),
    [`tcp 5432 5432 ${appId}`],
    'sg-rds accepts 5432 from sg-apprunner only',
  );
  assert.equal(state.groupTags.ManagedBy, 'apprunner-vpc');
  assert.equal(state.activeConnectors.length, 1, 'exactly one ACTIVE connector');
  const connector = state.activeConnectors[0];
  assert.equal(connector.name, 'campus-sns-vpc-connector');
  assert.deepEqual(connector.groups, [appId]);
  assert.ok(connector.subnets.length >= 2);
  assert.ok(
    connector.subnets.every((s) => info.privateSubnetIds.includes(s)),
    'private subnets only (distinct AZs: one per AZ of the seed)',
  );
  assert.equal(state.service.status, 'RUNNING');
  assert.equal(state.service.egressType, 'VPC');
  assert.equal(state.service.connectorArn, connector.arn);
  const health = await getServiceUrl(state.service.url ?? '', '/api/v1/db-health');
  assert.equal(health.body.database, 'connected');
  return state;
}
