// The desired setup: the runbook's target state for one service, resolved against a snapshot from the
// settings and the user's choices. The DB instance yields the VPC, the DB's security group and its port.
import type { Localized } from '../common/awsError';
import { chooseAppRunnerGroup, type ReplacedGroup } from './appRunnerGroupChoice';
import { databaseLabel, databaseTargets } from '../topology/databaseTargets';
import { candidateLines, type DatabaseNaming, findDatabase, readLines } from './databaseNaming';
import { chooseDatabaseGroup } from './dbGroupChoice';
import { type DnsEgress, dnsEgressOf } from './dnsEgress';
import type { IpAddressType, Topology } from '../topology/topology';
import type { SetupChoices, SetupSettings } from './setupSettings';
import { chooseSubnets } from './subnetChoice';
import {
  type ValidationIssue,
  validateConnectorName,
  validateHealthPath,
  validatePort,
  validateSecurityGroupName,
  validateSubnets,
} from './validators';
import { joinTexts, msg } from '../l10n/text';

export interface DesiredSetup {
  serviceName: string;
  serviceArn: string;
  dbInstanceId: string;
  /** How the database was chosen: the option, the variable (and its source) that named it, or the only one. */
  dbNamedBy?: DatabaseNaming;
  vpcId: string;
  dbSecurityGroupId: string;
  dbPort: number;
  subnetIds: string[];
  connectorName: string;
  appRunnerSecurityGroupName: string;
  /** The Name tag the App Runner group gets (empty: none but the ManagedBy tag). */
  appRunnerSecurityGroupNameTag: string;
  healthCheckPath: string;
  dbHealthPath: string;
  /** The service's IpAddressType: DUAL_STACK adds the ::/0 twins of the 443 and 53 rules. */
  ipAddressType?: IpAddressType;
  /** The setting dnsEgress (unset: the runbook's UDP 53 rule). */
  dnsEgress?: DnsEgress;
  /**
   * Set when the group of the wanted name is the VPC's default group, serves other interfaces or is owned by
   * an IaC tool: `appRunnerSecurityGroupName` is then a dedicated group's name, and this says why.
   */
  appRunnerGroupReplaced?: ReplacedGroup;
  /** Set when the DB has several groups and its own was chosen: which one, and that the shared ones stay as they are. */
  dbGroupNote?: Localized;
}

export type DesiredResult =
  { ok: true; desired: DesiredSetup; notes: Localized[] } | { ok: false; issues: ValidationIssue[] };

function fail(field: ValidationIssue['field'], code: string, message: Localized): DesiredResult {
  return { ok: false, issues: [{ field, code, message }] };
}

export function resolveDesired(snapshot: Topology, settings: SetupSettings, choices: SetupChoices = {}): DesiredResult {
  const nameIssues = [
    ...validateConnectorName(settings.connectorName),
    ...validateSecurityGroupName(settings.appRunnerSecurityGroupName),
    ...validatePort(settings.databasePort),
    ...validateHealthPath(settings.healthCheckPath),
    ...validateHealthPath(settings.dbHealthPath),
  ];
  if (nameIssues.length > 0) return { ok: false, issues: nameIssues };
  const service = snapshot.services.find((s) => s.name === settings.serviceName);
  if (!service) {
    return fail(
      'service',
      'service-unknown',
      msg('App Runner service "{0}" was not found in {1}.', settings.serviceName, snapshot.region),
    );
  }
  const found = findDatabase(snapshot, service, choices.dbInstanceId, choices.secretUrls);
  const db = found.db;
  if (!db) {
    const count = databaseTargets(snapshot).length;
    return choices.dbInstanceId
      ? fail(
          'dbInstance',
          'db-unknown',
          msg('No DB instance, DB cluster or RDS Proxy "{0}" was found in {1}.', choices.dbInstanceId, snapshot.region),
        )
      : fail(
          'dbInstance',
          'db-ambiguous',
          joinTexts(
            [
              msg(
                'Choose the database (--db-instance, an instance, cluster or proxy identifier): {0} found in {1}.',
                count,
                snapshot.region,
              ),
              ...candidateLines(snapshot),
              msg('What {0} says about its database:', service.name),
              ...readLines(service, found, choices.secretUrls),
            ],
            '\n',
          ),
        );
  }
  const label = databaseLabel(db);
  if (!db.vpcId) {
    return fail('dbInstance', 'db-no-vpc', msg('{0} is not in a VPC.', label));
  }
  // Found through the DB; the configured name (GroupName or Name tag) only picks among the DB's own groups.
  const groupChoice = chooseDatabaseGroup(snapshot, label, db.securityGroupIds, settings.databaseSecurityGroupName);
  if (!groupChoice.ok)
    return { ok: false, issues: [{ field: 'dbInstance', code: 'db-group-unknown', message: groupChoice.message }] };
  const dbGroup = groupChoice.group;
  const dbPort = db.port > 0 ? db.port : settings.databasePort;
  const subnets =
    choices.subnetIds && choices.subnetIds.length > 0
      ? { subnetIds: choices.subnetIds, notes: [] as Localized[] }
      : chooseSubnets(snapshot, db, settings.connectorName);
  // An AZ the known list says App Runner does not support is a blocker of the plan (planBlockers.ts), not a
  // refusal: the list can be behind AWS's, so the user may go on anyway.
  const subnetIssues = validateSubnets(snapshot, subnets.subnetIds, db.vpcId).filter(
    (i) => i.code !== 'subnet-az-unsupported',
  );
  if (subnetIssues.length > 0) return { ok: false, issues: subnetIssues };
  const ipAddressType = service.ipAddressType;
  const appGroup = chooseAppRunnerGroup(
    snapshot,
    db.vpcId,
    settings.appRunnerSecurityGroupName,
    {
      dbGroupId: dbGroup.id,
      dbPort,
      dualStack: ipAddressType === 'DUAL_STACK',
      dnsEgress: dnsEgressOf(settings.dnsEgress),
    },
    settings.appRunnerSecurityGroupNameTag || undefined,
  );
  return {
    ok: true,
    notes: subnets.notes,
    desired: {
      serviceName: service.name,
      serviceArn: service.arn,
      dbInstanceId: db.id,
      ...(found.naming ? { dbNamedBy: found.naming } : {}),
      vpcId: db.vpcId,
      dbSecurityGroupId: dbGroup.id,
      dbPort,
      subnetIds: [...subnets.subnetIds].sort(),
      connectorName: settings.connectorName,
      appRunnerSecurityGroupName: appGroup.name,
      appRunnerSecurityGroupNameTag: settings.appRunnerSecurityGroupNameTag,
      healthCheckPath: settings.healthCheckPath,
      dbHealthPath: settings.dbHealthPath,
      dnsEgress: dnsEgressOf(settings.dnsEgress),
      ...(ipAddressType ? { ipAddressType } : {}),
      ...(appGroup.replaced ? { appRunnerGroupReplaced: appGroup.replaced } : {}),
      ...(groupChoice.note ? { dbGroupNote: groupChoice.note } : {}),
    },
  };
}
