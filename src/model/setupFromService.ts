// Which setup Export Setup writes for a service: the one it uses now when a connector is attached (that
// connector's name, subnets and security group), else the one Set Up VPC Connector would propose.
import { type DesiredResult, resolveDesired } from './desired';
import type { SetupChoices, SetupSettings } from './setupSettings';
import type { Topology } from './topology';

export type SetupBasis = 'attached' | 'proposed';

export function setupFromService(snapshot: Topology, settings: SetupSettings, serviceName: string, choices: SetupChoices = {}): DesiredResult & { basis: SetupBasis } {
  const service = snapshot.services.find((s) => s.name === serviceName);
  if (service && snapshot.dbInstances.length === 0) {
    // Set Up can take a non-RDS database's group and port by hand; the exported runbook is the RDS one.
    return { ok: false, basis: 'proposed', issues: [{ field: 'dbInstance', code: 'db-none', message: {
      en: `There is no RDS DB instance in ${snapshot.region}: the script is the runbook's setup for an RDS database. For another database, use Set Up VPC Connector, which asks for its security group and port.`,
      ja: `${snapshot.region} に RDS DB インスタンスがありません。スクリプトは手順書の RDS 向けセットアップです。他のデータベースには「VPC コネクタをセットアップ」を使ってください（セキュリティグループとポートを尋ねます）。`,
    } }] };
  }
  const connector = service?.egressType === 'VPC' ? snapshot.connectors.find((c) => c.arn === service.vpcConnectorArn && c.status === 'ACTIVE') : undefined;
  if (!connector) return { ...resolveDesired(snapshot, { ...settings, serviceName }, choices), basis: 'proposed' };
  const group = connector.securityGroupIds.map((id) => snapshot.securityGroups.find((g) => g.id === id)).find((g) => g !== undefined);
  const attached: SetupSettings = { ...settings, serviceName, connectorName: connector.name, appRunnerSecurityGroupName: group?.name ?? settings.appRunnerSecurityGroupName };
  return { ...resolveDesired(snapshot, attached, { ...choices, subnetIds: connector.subnetIds }), basis: 'attached' };
}
