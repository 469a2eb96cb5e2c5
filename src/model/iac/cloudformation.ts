// Export Setup as a CloudFormation template (YAML): the App Runner group with exactly the runbook's egress
// (listing SecurityGroupEgress replaces the allow-all a new group gets), the DB group's ingress from it, and
// the connector. Existing resources are referenced by id (parameters defaulting to the account's ids) or
// adopted: `resourcesToImport` is the `--resources-to-import` JSON, and every imported resource has
// DeletionPolicy Retain. The App Runner service is referenced only: the template prints the NetworkConfiguration
// to add to the user's own service definition. The CDK export (iac2) is generated from `template`.
import type { Localized } from '../common/awsError';
import { oneLine } from '../plan/setupScript';
import { type SetupResources, type SetupRule, serviceNetworkFragment, setupResources } from './setupResources';
import type { DesiredSetup } from '../plan/desired';
import type { SecurityGroupRule, Topology } from '../topology/topology';
import type { IacContext } from './types';
import { yamlLines } from './yamlText';
import { localize, msg } from '../l10n/text';
import { exportedBy } from '../plan/setupScript';

export interface CfnParameter {
  Type: string;
  Default?: string | number;
  Description?: string;
}

export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

export interface CfnOutput {
  Description?: string;
  Value: unknown;
}

export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters?: Record<string, CfnParameter>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, CfnOutput>;
}

/** One entry of `aws cloudformation create-change-set --change-set-type IMPORT --resources-to-import`. */
export interface CfnResourceToImport {
  ResourceType: string;
  LogicalResourceId: string;
  ResourceIdentifier: Record<string, string>;
}

export interface CloudFormationExport {
  template: CfnTemplate;
  yaml: string;
  /** JSON for `--resources-to-import` when some resources exist already (first deploy: an IMPORT change set). */
  resourcesToImport?: string;
  /** The template of that IMPORT change set: the imported resources only (an import creates nothing). */
  importTemplate?: { template: CfnTemplate; yaml: string };
  /** The service's NetworkConfiguration to paste into the user's AWS::AppRunner::Service (YAML, as in the comment). */
  serviceNetworkConfiguration: string;
}

export const APP_GROUP_ID = 'AppRunnerSecurityGroup';
export const DB_INGRESS_ID = 'DatabaseIngressFromAppRunner';
export const PLACEHOLDER_ID = 'NothingToCreate';

/** `VpcConnector`, or `VpcConnectorRev2` for the revision `<name>-2`: a new logical id is a new resource. */
export function connectorLogicalId(r: SetupResources): string {
  return r.connector.revision ? `VpcConnectorRev${r.connector.revision}` : 'VpcConnector';
}

/** The identifier key of each type in a resource import (the type's primaryIdentifier in AWS's schema). */
const IMPORT_IDENTIFIER: Readonly<Record<string, string>> = {
  'AWS::EC2::SecurityGroup': 'Id',
  'AWS::AppRunner::VpcConnector': 'VpcConnectorArn',
};

const ref = (name: string): { Ref: string } => ({ Ref: name });
const getAtt = (id: string, attribute: string): { 'Fn::GetAtt': [string, string] } => ({
  'Fn::GetAtt': [id, attribute],
});
const tagList = (tags: Record<string, string>): { Key: string; Value: string }[] =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

function egressProperty(rule: SetupRule): Record<string, unknown> {
  const port = rule.target.kind === 'db-group' ? ref('DatabasePort') : rule.port;
  const target =
    rule.target.kind === 'db-group'
      ? { DestinationSecurityGroupId: ref('DatabaseSecurityGroupId') }
      : rule.target.kind === 'cidr-ipv6'
        ? { CidrIpv6: rule.target.cidr }
        : rule.target.kind === 'cidr-ipv4'
          ? { CidrIp: rule.target.cidr }
          : {};
  return { IpProtocol: rule.protocol, FromPort: port, ToPort: port, ...target, Description: rule.description };
}

/** An existing rule in CloudFormation's Egress shape (what the group has now, for the import template). */
function egressNow(rule: SecurityGroupRule): Record<string, unknown> {
  const all = rule.protocol === '-1' || rule.protocol === 'all';
  return {
    IpProtocol: all ? '-1' : rule.protocol,
    ...(all ? {} : { FromPort: rule.fromPort, ToPort: rule.toPort }),
    ...(rule.cidrIpv4
      ? { CidrIp: rule.cidrIpv4 }
      : rule.cidrIpv6
        ? { CidrIpv6: rule.cidrIpv6 }
        : rule.prefixListId
          ? { DestinationPrefixListId: rule.prefixListId }
          : rule.referencedGroupId
            ? { DestinationSecurityGroupId: rule.referencedGroupId }
            : {}),
    ...(rule.description ? { Description: rule.description } : {}),
  };
}

/**
 * The imported group as it is now. CloudFormation compares templates, not the account: importing the target
 * state would leave the group unchanged for good, while importing what is there lets the update that follows
 * add the missing rules and revoke the allow-all egress.
 */
function asItIsNow(resource: CfnResource, existing: NonNullable<SetupResources['appGroup']['existing']>): CfnResource {
  const rest = Object.fromEntries(
    Object.entries(resource.Properties).filter(([k]) => k !== 'SecurityGroupEgress' && k !== 'Tags'),
  );
  return {
    ...resource,
    Properties: {
      ...rest,
      ...(existing.egressNow.length > 0 ? { SecurityGroupEgress: existing.egressNow.map(egressNow) } : {}),
      ...(Object.keys(existing.tagsNow).length > 0 ? { Tags: tagList(existing.tagsNow) } : {}),
    },
  };
}

function retained(resource: CfnResource): CfnResource {
  return { ...resource, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
}

/** The App Runner group's id: the group of this template, or a parameter when another stack owns it. */
function appGroupRef(r: SetupResources): unknown {
  return r.appGroup.existing?.owner ? ref('AppRunnerSecurityGroupId') : getAtt(APP_GROUP_ID, 'GroupId');
}

/** The connector's ARN: the connector of this template, or a parameter when another stack owns it. */
function connectorArnRef(r: SetupResources): unknown {
  return r.connector.existing?.owner ? ref('VpcConnectorArn') : getAtt(connectorLogicalId(r), 'VpcConnectorArn');
}

function buildTemplate(r: SetupResources): CfnTemplate {
  const connectorId = connectorLogicalId(r);
  const groupOwned = Boolean(r.appGroup.existing?.owner);
  const connectorOwned = Boolean(r.connector.existing?.owner);
  const appGroup: CfnResource = {
    Type: 'AWS::EC2::SecurityGroup',
    Properties: {
      GroupName: r.appGroup.groupName,
      GroupDescription: r.appGroup.description,
      VpcId: ref('VpcId'),
      SecurityGroupEgress: r.egress.map(egressProperty),
      Tags: tagList(r.appGroup.tags),
    },
  };
  const resources: Record<string, CfnResource> = groupOwned
    ? {}
    : { [APP_GROUP_ID]: r.appGroup.existing ? retained(appGroup) : appGroup };
  // The rule exists already (it would be a duplicate) or the DB group belongs to another stack: not here.
  if (!r.dbGroup.owner && !r.ingress.existingRuleId) {
    resources[DB_INGRESS_ID] = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: ref('DatabaseSecurityGroupId'),
        IpProtocol: 'tcp',
        FromPort: ref('DatabasePort'),
        ToPort: ref('DatabasePort'),
        SourceSecurityGroupId: appGroupRef(r),
        Description: r.ingress.description,
      },
    };
  }
  const existingConnector = r.connector.existing;
  const connector: CfnResource = {
    Type: 'AWS::AppRunner::VpcConnector',
    Properties: {
      VpcConnectorName: r.connector.name,
      Subnets: ref('SubnetIds'),
      SecurityGroups: [appGroupRef(r)],
      // Tags cannot change without replacing a connector: an imported one keeps its own (when they are known).
      ...(existingConnector
        ? existingConnector.tags && Object.keys(existingConnector.tags).length > 0
          ? { Tags: tagList(existingConnector.tags) }
          : {}
        : { Tags: tagList(r.connector.tags) }),
    },
  };
  if (!connectorOwned) resources[connectorId] = existingConnector ? retained(connector) : connector;
  // A template needs one resource: when everything exists elsewhere, a resource that creates nothing in the account.
  if (Object.keys(resources).length === 0)
    resources[PLACEHOLDER_ID] = { Type: 'AWS::CloudFormation::WaitConditionHandle', Properties: {} };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: oneLine(
      `App Runner VPC connector setup for ${r.service.name} (runbook sections 3 and 4), exported by App Runner VPC Connector for VS Code`,
    ).slice(0, 1024),
    Parameters: {
      VpcId: { Type: 'AWS::EC2::VPC::Id', Default: r.vpcId, Description: 'The VPC of the database' },
      SubnetIds: {
        Type: 'List<AWS::EC2::Subnet::Id>',
        Default: r.subnetIds.join(','),
        Description: 'Private subnets for the connector, in two or more AZs',
      },
      DatabaseSecurityGroupId: {
        Type: 'AWS::EC2::SecurityGroup::Id',
        Default: r.dbGroup.id,
        Description: 'The database security group (referenced, not managed here)',
      },
      DatabasePort: { Type: 'Number', Default: r.dbGroup.port, Description: 'The database port' },
      ...(groupOwned
        ? {
            AppRunnerSecurityGroupId: {
              Type: 'AWS::EC2::SecurityGroup::Id',
              Default: r.appGroup.existing?.id,
              Description: 'The App Runner group (owned by another stack, referenced)',
            },
          }
        : {}),
      ...(connectorOwned
        ? {
            VpcConnectorArn: {
              Type: 'String',
              Default: r.connector.existing?.arn,
              Description: 'The VPC connector (owned by another stack, referenced)',
            },
          }
        : {}),
    },
    Resources: resources,
    Outputs: {
      AppRunnerSecurityGroupId: { Description: 'The App Runner VPC connector security group', Value: appGroupRef(r) },
      // No Export: an exported value cannot change while another stack imports it, and a connector change must.
      VpcConnectorArn: {
        Description: "The connector for the service's NetworkConfiguration",
        Value: connectorArnRef(r),
      },
    },
  };
}

function importsOf(r: SetupResources, template: CfnTemplate): CfnResourceToImport[] {
  const out: CfnResourceToImport[] = [];
  const add = (logicalId: string, id: string): void => {
    const type = template.Resources[logicalId].Type;
    out.push({
      ResourceType: type,
      LogicalResourceId: logicalId,
      ResourceIdentifier: { [IMPORT_IDENTIFIER[type]]: id },
    });
  };
  if (r.appGroup.existing && !r.appGroup.existing.owner) add(APP_GROUP_ID, r.appGroup.existing.id);
  if (r.connector.existing && !r.connector.existing.owner) add(connectorLogicalId(r), r.connector.existing.arn);
  return out;
}

type Comments = Record<string, string[]>;

function commentsFor(r: SetupResources, ctx: IacContext): { header: string[]; byResource: Comments; footer: string[] } {
  const t = (text: Localized): string => `# ${oneLine(localize(text, ctx.lang))}`;
  const connectorId = connectorLogicalId(r);
  const header = [
    t(
      msg(
        'App Runner VPC connector setup for {0}: the security groups and connector of the runbook (sections 3 and 4).',
        r.service.name,
      ),
    ),
    t(exportedBy(ctx.generatedAt, r.region, ctx.accountId)),
    ...(ctx.basis === 'attached' ? [t(msg('The setup {0} uses now.', r.service.name))] : []),
    ...(ctx.basis === 'proposed'
      ? [t(msg('{0} has no active VPC connector: this is the setup Set Up VPC Connector proposes.', r.service.name))]
      : []),
    ...(r.replacedGroup
      ? [
          t(
            msg(
              'Not {0} ({1}): {2} This template leaves it unchanged and uses a dedicated group.',
              r.replacedGroup.name,
              r.replacedGroup.id,
              r.replacedGroup.why,
            ),
          ),
        ]
      : []),
    t(
      msg(
        'The App Runner service {0} is referenced, not defined here: its definition is yours. Add the NetworkConfiguration at the end of this file to it.',
        r.service.name,
      ),
    ),
  ];
  const appGroup: string[] = [
    t(
      msg(
        'Egress is exactly the listed rules: listing SecurityGroupEgress replaces the allow-all rule a new group gets.',
      ),
    ),
  ];
  const ownedNotes: string[] = [];
  if (r.appGroup.existing?.owner) {
    ownedNotes.push(
      t(
        msg(
          "The App Runner group {0} already has the runbook's rules and is managed by {1}: referenced by the parameter AppRunnerSecurityGroupId, never imported or changed here.",
          r.appGroup.existing.id,
          r.appGroup.existing.owner,
        ),
      ),
    );
  }
  if (r.connector.existing?.owner) {
    ownedNotes.push(
      t(
        msg(
          'The connector {0} ({1}) matches and is managed by {2}: referenced by the parameter VpcConnectorArn, never imported or changed here.',
          r.connector.name,
          r.connector.existing.arn,
          r.connector.existing.owner,
        ),
      ),
    );
  }
  if (r.appGroup.existing && !r.appGroup.existing.owner) {
    appGroup.push(
      t(msg('Exists as {0}: imported (resources-to-import), DeletionPolicy Retain.', r.appGroup.existing.id)),
    );
    appGroup.push(
      t(
        msg(
          'The import template describes it as it is now; the stack update with this template then adds the missing rules and revokes any allow-all egress.',
        ),
      ),
    );
  }
  const byResource: Comments = { [APP_GROUP_ID]: appGroup };
  const dbNote = r.dbGroup.owner
    ? t(
        msg(
          '{0} is managed by {1}: add its inbound rule there (TCP {2} from {3}), not here.',
          r.dbGroup.label,
          r.dbGroup.owner,
          r.dbGroup.port,
          APP_GROUP_ID,
        ),
      )
    : r.ingress.existingRuleId
      ? t(
          msg(
            '{0} already allows TCP {1} from the App Runner group ({2}): that rule stays as it is, outside this stack.',
            r.dbGroup.label,
            r.dbGroup.port,
            r.ingress.existingRuleId,
          ),
        )
      : undefined;
  if (dbNote) byResource[APP_GROUP_ID].push(dbNote);
  // Resources another stack owns are not in the template: their notes (and the DB note) go to the header.
  header.push(...ownedNotes, ...(r.appGroup.existing?.owner && dbNote ? [dbNote] : []));
  byResource[connectorId] = [
    t(
      msg(
        'A connector cannot change: a different subnet or group list is a new connector under a new logical id and name (revision suffix). CloudFormation creates it, updates the service, and deletes the old one only in cleanup, so the service is never without a connector.',
      ),
    ),
    ...(r.connector.supersedes
      ? [
          t(
            r.connector.supersedes.owner
              ? msg(
                  '{0} ({1}) exists with other subnets or groups, so this is {2}. Remove the old one in {3} once no service uses it.',
                  r.connector.supersedes.name,
                  r.connector.supersedes.arn,
                  r.connector.name,
                  r.connector.supersedes.owner,
                )
              : msg(
                  '{0} ({1}) exists with other subnets or groups, so this is {2}. Delete the old one once no service uses it.',
                  r.connector.supersedes.name,
                  r.connector.supersedes.arn,
                  r.connector.name,
                ),
          ),
        ]
      : []),
    ...(r.connector.existing && !r.connector.existing.owner
      ? [t(msg('Exists as {0}: imported, DeletionPolicy Retain.', r.connector.existing.arn))]
      : []),
  ];
  const fragment = yamlLines({ NetworkConfiguration: serviceNetworkFragment(r, connectorArnRef(r)) });
  const footer = [
    t(
      msg(
        "Add to the Properties of your AWS::AppRunner::Service {0} ({1}) in the same stack; from another stack use this stack's VpcConnectorArn output:",
        r.service.name,
        r.service.arn,
      ),
    ),
    ...fragment.map((line) => `#   ${line}`),
  ];
  return { header, byResource, footer };
}

function render(template: CfnTemplate, comments: { header: string[]; byResource: Comments; footer: string[] }): string {
  const lines = [
    ...comments.header,
    `AWSTemplateFormatVersion: ${JSON.stringify(template.AWSTemplateFormatVersion)}`,
    ...yamlLines({ Description: template.Description }),
  ];
  if (template.Parameters) lines.push(...yamlLines({ Parameters: template.Parameters }));
  lines.push('Resources:');
  for (const [id, resource] of Object.entries(template.Resources)) {
    lines.push(...(comments.byResource[id] ?? []).map((c) => `  ${c}`), ...yamlLines({ [id]: resource }, 2));
  }
  if (template.Outputs) lines.push(...yamlLines({ Outputs: template.Outputs }));
  lines.push(...comments.footer);
  return `${lines.join('\n')}\n`;
}

export function cloudFormationExport(snapshot: Topology, d: DesiredSetup, ctx: IacContext): CloudFormationExport {
  const r = setupResources(snapshot, d);
  const template = buildTemplate(r);
  const comments = commentsFor(r, ctx);
  const imports = importsOf(r, template);
  const fragment = yamlLines({ NetworkConfiguration: serviceNetworkFragment(r, connectorArnRef(r)) });
  const result: CloudFormationExport = {
    template,
    yaml: render(template, comments),
    serviceNetworkConfiguration: `${fragment.join('\n')}\n`,
  };
  if (imports.length > 0) {
    const existingGroup = r.appGroup.existing;
    const importTemplate: CfnTemplate = {
      ...template,
      Resources: Object.fromEntries(
        imports.map((i) => {
          const resource = template.Resources[i.LogicalResourceId];
          return [
            i.LogicalResourceId,
            i.LogicalResourceId === APP_GROUP_ID && existingGroup ? asItIsNow(resource, existingGroup) : resource,
          ];
        }),
      ),
    };
    delete importTemplate.Outputs;
    result.resourcesToImport = `${JSON.stringify(imports, null, 2)}\n`;
    result.importTemplate = { template: importTemplate, yaml: render(importTemplate, { ...comments, footer: [] }) };
  }
  return result;
}
