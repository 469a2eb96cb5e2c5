// Which setup Export Setup writes for a service: the one it uses now when a connector is attached (that
// connector's name, subnets and security group), else the one Set Up VPC Connector would propose.
import { type DesiredResult, resolveDesired } from './desired';
import type { SetupChoices, SetupSettings } from './setupSettings';
import { databaseTargets } from '../topology/databaseTargets';
import type { Topology } from '../topology/topology';
import { msg } from '../l10n/text';

export type SetupBasis = 'attached' | 'proposed';

export function setupFromService(
  snapshot: Topology,
  settings: SetupSettings,
  serviceName: string,
  choices: SetupChoices = {},
): DesiredResult & { basis: SetupBasis } {
  const service = snapshot.services.find((s) => s.name === serviceName);
  if (service && databaseTargets(snapshot).length === 0) {
    // Set Up can take a non-RDS database's group and port by hand; the exported runbook is the RDS one.
    return {
      ok: false,
      basis: 'proposed',
      issues: [
        {
          field: 'dbInstance',
          code: 'db-none',
          message: msg(
            "There is no RDS database (DB instance, DB cluster or RDS Proxy) in {0}: the script is the runbook's setup for an RDS database. For another database, use Set Up VPC Connector, which asks for its security group and port.",
            snapshot.region,
          ),
        },
      ],
    };
  }
  const connector =
    service?.egressType === 'VPC'
      ? snapshot.connectors.find((c) => c.arn === service.vpcConnectorArn && c.status === 'ACTIVE')
      : undefined;
  if (!connector) return { ...resolveDesired(snapshot, { ...settings, serviceName }, choices), basis: 'proposed' };
  const group = connector.securityGroupIds
    .map((id) => snapshot.securityGroups.find((g) => g.id === id))
    .find((g) => g !== undefined);
  const attached: SetupSettings = {
    ...settings,
    serviceName,
    connectorName: connector.name,
    appRunnerSecurityGroupName: group?.name ?? settings.appRunnerSecurityGroupName,
    appRunnerSecurityGroupNameTag: group ? (group.tags.Name ?? '') : settings.appRunnerSecurityGroupNameTag,
  };
  const result = resolveDesired(snapshot, attached, { ...choices, subnetIds: connector.subnetIds });
  // The attached connector's group is the default group, shared or IaC-owned: the script is written for a
  // dedicated group of the settings' name (and so a new connector revision), never for that group.
  const replaced = result.ok ? result.desired.appRunnerGroupReplaced : undefined;
  if (!replaced || !group) return { ...result, basis: 'attached' };
  const dedicated = resolveDesired(
    snapshot,
    {
      ...attached,
      appRunnerSecurityGroupName: settings.appRunnerSecurityGroupName,
      appRunnerSecurityGroupNameTag: settings.appRunnerSecurityGroupNameTag,
    },
    { ...choices, subnetIds: connector.subnetIds },
  );
  if (!dedicated.ok) return { ...dedicated, basis: 'attached' };
  return {
    ...dedicated,
    desired: { ...dedicated.desired, appRunnerGroupReplaced: dedicated.desired.appRunnerGroupReplaced ?? replaced },
    basis: 'attached',
  };
}
