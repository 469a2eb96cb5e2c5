// The two plans that undo the setup: detach (back to DEFAULT egress) and delete a connector no service uses.
import type { ValidationIssue } from './validators';
import type { Plan } from './planSteps';
import { deleteConnectorStep, detachStep, waitStep } from './stepBuilders';
import type { Topology } from '../topology/topology';
import { otherUsersOf } from '../topology/connectorUse';
import { msg } from '../l10n/text';

export type PlanResult = { ok: true; plan: Plan } | { ok: false; issues: ValidationIssue[] };

export function detachPlan(snapshot: Topology, serviceName: string): PlanResult {
  const service = snapshot.services.find((s) => s.name === serviceName);
  if (!service) {
    return {
      ok: false,
      issues: [
        {
          field: 'service',
          code: 'service-unknown',
          message: msg('App Runner service "{0}" was not found in {1}.', serviceName, snapshot.region),
        },
      ],
    };
  }
  const ref = { name: service.name, arn: service.arn };
  const steps = service.egressType === 'VPC' ? [detachStep(ref), waitStep(ref)] : [];
  const notes =
    steps.length === 0
      ? []
      : [
          msg(
            '{0} loses access to private resources (such as the database) in the VPC once detached. The connector itself is kept.',
            service.name,
          ),
        ];
  return { ok: true, plan: { kind: 'detach', steps, warnings: [], notes } };
}

export function deleteConnectorPlan(snapshot: Topology, connectorName: string): PlanResult {
  const named = snapshot.connectors.filter((c) => c.name === connectorName);
  if (named.length === 0) {
    return {
      ok: false,
      issues: [
        {
          field: 'connectorName',
          code: 'connector-unknown',
          message: msg('VPC connector "{0}" was not found in {1}.', connectorName, snapshot.region),
        },
      ],
    };
  }
  const active = named.find((c) => c.status === 'ACTIVE');
  if (!active) return { ok: true, plan: { kind: 'delete-connector', steps: [], warnings: [], notes: [] } };
  const use = otherUsersOf(snapshot, active.arn);
  if (snapshot.scope && !use.known) {
    // A snapshot of one service cannot tell: the caller asks (src/aws/connectorUsers.ts) and plans again.
    return {
      ok: false,
      issues: [
        {
          field: 'connectorName',
          code: 'connector-users-unknown',
          message: msg(
            'Whether another service uses connector {0} was not checked: that reads every service of the region (one DescribeService call per service, stopped at the first user found).',
            connectorName,
          ),
        },
      ],
    };
  }
  const users = use.known
    ? use.users
    : snapshot.services.filter((s) => s.vpcConnectorArn === active.arn).map((s) => s.name);
  if (users.length > 0) {
    return {
      ok: false,
      issues: [
        {
          field: 'connectorName',
          code: 'connector-in-use',
          message: msg(
            'VPC connector "{0}" is used by {1}; detach it from them first.',
            connectorName,
            users.join(', '),
          ),
        },
      ],
    };
  }
  return {
    ok: true,
    plan: { kind: 'delete-connector', steps: [deleteConnectorStep(active.name, active.arn)], warnings: [], notes: [] },
  };
}
