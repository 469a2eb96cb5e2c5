// Export Setup as a CloudFormation template (YAML): the App Runner group with exactly the runbook's egress
// (listing SecurityGroupEgress replaces the allow-all a new group gets), the DB group's ingress from it, and
// the connector. Existing resources are referenced by id (parameters defaulting to the account's ids) or
// adopted: `resourcesToImport` is the `--resources-to-import` JSON, and every imported resource has
// DeletionPolicy Retain. The App Runner service is referenced only: the template prints the NetworkConfiguration
// to add to the user's own service definition. The CDK export (iac2) is generated from `template`.
import type { Localized } from '../awsError';
import { oneLine } from '../setupScript';
import { type SetupResources, type SetupRule, serviceNetworkFragment, setupResources } from './setupResources';
import type { DesiredSetup } from '../desired';
import type { SecurityGroupRule, Topology } from '../topology';
import type { IacContext } from './types';
import { yamlLines } from './yamlText';

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
const getAtt = (id: string, attribute: string): { 'Fn::GetAtt': [string, string] } => ({ 'Fn::GetAtt': [id, attribute] });
const tagList = (tags: Record<string, string>): { Key: string; Value: string }[] => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

function egressProperty(rule: SetupRule): Record<string, unknown> {
  const port = rule.target.kind === 'db-group' ? ref('DatabasePort') : rule.port;
  const target = rule.target.kind === 'db-group' ? { DestinationSecurityGroupId: ref('DatabaseSecurityGroupId') }
    : rule.target.kind === 'cidr-ipv6' ? { CidrIpv6: rule.target.cidr } : rule.target.kind === 'cidr-ipv4' ? { CidrIp: rule.target.cidr } : {};
  return { IpProtocol: rule.protocol, FromPort: port, ToPort: port, ...target, Description: rule.description };
}

/** An existing rule in CloudFormation's Egress shape (what the group has now, for the import template). */
function egressNow(rule: SecurityGroupRule): Record<string, unknown> {
  const all = rule.protocol === '-1' || rule.protocol === 'all';
  return {
    IpProtocol: all ? '-1' : rule.protocol,
    ...(all ? {} : { FromPort: rule.fromPort, ToPort: rule.toPort }),
    ...(rule.cidrIpv4 ? { CidrIp: rule.cidrIpv4 } : rule.cidrIpv6 ? { CidrIpv6: rule.cidrIpv6 }
      : rule.prefixListId ? { DestinationPrefixListId: rule.prefixListId } : rule.referencedGroupId ? { DestinationSecurityGroupId: rule.referencedGroupId } : {}),
    ...(rule.description ? { Description: rule.description } : {}),
  };
}

/**
 * The imported group as it is now. CloudFormation compares templates, not the account: importing the target
 * state would leave the group unchanged for good, while importing what is there lets the update that follows
 * add the missing rules and revoke the allow-all egress.
 */
function asItIsNow(resource: CfnResource, existing: NonNullable<SetupResources['appGroup']['existing']>): CfnResource {
  const rest = Object.fromEntries(Object.entries(resource.Properties).filter(([k]) => k !== 'SecurityGroupEgress' && k !== 'Tags'));
  return { ...resource, Properties: {
    ...rest,
    ...(existing.egressNow.length > 0 ? { SecurityGroupEgress: existing.egressNow.map(egressNow) } : {}),
    ...(Object.keys(existing.tagsNow).length > 0 ? { Tags: tagList(existing.tagsNow) } : {}),
  } };
}

function retained(resource: CfnResource): CfnResource {
  return { ...resource, DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
}

function buildTemplate(r: SetupResources): CfnTemplate {
  const connectorId = connectorLogicalId(r);
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
  const resources: Record<string, CfnResource> = { [APP_GROUP_ID]: r.appGroup.existing ? retained(appGroup) : appGroup };
  // The rule exists already (it would be a duplicate) or the DB group belongs to another stack: not here.
  if (!r.dbGroup.owner && !r.ingress.existingRuleId) {
    resources[DB_INGRESS_ID] = {
      Type: 'AWS::EC2::SecurityGroupIngress',
      Properties: {
        GroupId: ref('DatabaseSecurityGroupId'), IpProtocol: 'tcp', FromPort: ref('DatabasePort'), ToPort: ref('DatabasePort'),
        SourceSecurityGroupId: getAtt(APP_GROUP_ID, 'GroupId'), Description: r.ingress.description,
      },
    };
  }
  const existingConnector = r.connector.existing;
  const connector: CfnResource = {
    Type: 'AWS::AppRunner::VpcConnector',
    Properties: {
      VpcConnectorName: r.connector.name,
      Subnets: ref('SubnetIds'),
      SecurityGroups: [getAtt(APP_GROUP_ID, 'GroupId')],
      // Tags cannot change without replacing a connector: an imported one keeps its own (when they are known).
      ...(existingConnector ? (existingConnector.tags && Object.keys(existingConnector.tags).length > 0 ? { Tags: tagList(existingConnector.tags) } : {})
        : { Tags: tagList(r.connector.tags) }),
    },
  };
  resources[connectorId] = existingConnector ? retained(connector) : connector;
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: oneLine(`App Runner VPC connector setup for ${r.service.name} (runbook sections 3 and 4), exported by App Runner VPC Connector for VS Code`).slice(0, 1024),
    Parameters: {
      VpcId: { Type: 'AWS::EC2::VPC::Id', Default: r.vpcId, Description: 'The VPC of the database' },
      SubnetIds: { Type: 'List<AWS::EC2::Subnet::Id>', Default: r.subnetIds.join(','), Description: 'Private subnets for the connector, in two or more AZs' },
      DatabaseSecurityGroupId: { Type: 'AWS::EC2::SecurityGroup::Id', Default: r.dbGroup.id, Description: 'The database security group (referenced, not managed here)' },
      DatabasePort: { Type: 'Number', Default: r.dbGroup.port, Description: 'The database port' },
    },
    Resources: resources,
    Outputs: {
      AppRunnerSecurityGroupId: { Description: 'The App Runner VPC connector security group', Value: getAtt(APP_GROUP_ID, 'GroupId') },
      // No Export: an exported value cannot change while another stack imports it, and a connector change must.
      VpcConnectorArn: { Description: "The connector for the service's NetworkConfiguration", Value: getAtt(connectorId, 'VpcConnectorArn') },
    },
  };
}

function importsOf(r: SetupResources, template: CfnTemplate): CfnResourceToImport[] {
  const out: CfnResourceToImport[] = [];
  const add = (logicalId: string, id: string): void => {
    const type = template.Resources[logicalId].Type;
    out.push({ ResourceType: type, LogicalResourceId: logicalId, ResourceIdentifier: { [IMPORT_IDENTIFIER[type]]: id } });
  };
  if (r.appGroup.existing) add(APP_GROUP_ID, r.appGroup.existing.id);
  if (r.connector.existing) add(connectorLogicalId(r), r.connector.existing.arn);
  return out;
}

type Comments = Record<string, string[]>;

function commentsFor(r: SetupResources, ctx: IacContext): { header: string[]; byResource: Comments; footer: string[] } {
  const t = (text: Localized): string => `# ${oneLine(text[ctx.lang])}`;
  const connectorId = connectorLogicalId(r);
  const header = [
    t({ en: `App Runner VPC connector setup for ${r.service.name}: the security groups and connector of the runbook (sections 3 and 4).`,
      ja: `${r.service.name} の App Runner VPC コネクタのセットアップ: 手順書のセキュリティグループと VPC コネクタ（3、4 章）。` }),
    t({ en: `Exported by App Runner VPC Connector for VS Code on ${ctx.generatedAt} from ${ctx.accountId ? `account ${ctx.accountId}, ` : ''}region ${r.region}.`,
      ja: `App Runner VPC Connector for VS Code が ${ctx.generatedAt} に ${ctx.accountId ? `アカウント ${ctx.accountId}、` : ''}リージョン ${r.region} から出力しました。` }),
    ...(ctx.basis === 'attached' ? [t({ en: `The setup ${r.service.name} uses now.`, ja: `${r.service.name} が現在使っているセットアップです。` })] : []),
    ...(ctx.basis === 'proposed' ? [t({ en: `${r.service.name} has no active VPC connector: this is the setup Set Up VPC Connector proposes.`,
      ja: `${r.service.name} には有効な VPC コネクタがありません。「VPC コネクタ をセットアップ」が提案する構成です。` })] : []),
    ...(r.replacedGroup ? [t({ en: `Not ${r.replacedGroup.name} (${r.replacedGroup.id}): ${r.replacedGroup.why.en} This template leaves it unchanged and uses a dedicated group.`,
      ja: `${r.replacedGroup.name}（${r.replacedGroup.id}）は使いません: ${r.replacedGroup.why.ja} このテンプレートはそれを変更せず、専用のグループを使います。` })] : []),
    t({ en: `The App Runner service ${r.service.name} is referenced, not defined here: its definition is yours. Add the NetworkConfiguration at the end of this file to it.`,
      ja: `App Runner サービス ${r.service.name} は参照するだけで、ここでは定義しません（定義は利用者のものです）。このファイル末尾の NetworkConfiguration をそのサービスに追加してください。` }),
  ];
  const appGroup: string[] = [
    t({ en: 'Egress is exactly the listed rules: listing SecurityGroupEgress replaces the allow-all rule a new group gets.',
      ja: 'アウトバウンドは列挙したルールだけです。SecurityGroupEgress を列挙すると、新しいグループの全許可ルールは置き換えられます。' }),
  ];
  if (r.appGroup.existing) {
    appGroup.push(t({ en: `Exists as ${r.appGroup.existing.id}: imported (resources-to-import), DeletionPolicy Retain.`,
      ja: `${r.appGroup.existing.id} として存在します。インポートします（resources-to-import）。DeletionPolicy は Retain です。` }));
    appGroup.push(t({ en: 'The import template describes it as it is now; the stack update with this template then adds the missing rules and revokes any allow-all egress.',
      ja: 'インポート用テンプレートは現在の状態を記述します。続いてこのテンプレートでスタックを更新すると、足りないルールが追加され、全許可のアウトバウンドは取り消されます。' }));
  }
  const byResource: Comments = { [APP_GROUP_ID]: appGroup };
  const dbNote = r.dbGroup.owner
    ? t({ en: `${r.dbGroup.label} is managed by ${r.dbGroup.owner}: add its inbound rule there (TCP ${r.dbGroup.port} from ${APP_GROUP_ID}), not here.`,
      ja: `${r.dbGroup.label} は ${r.dbGroup.owner} が管理しています。受信ルール（${APP_GROUP_ID} からの TCP ${r.dbGroup.port}）はここではなく、そちらで追加してください。` })
    : r.ingress.existingRuleId
      ? t({ en: `${r.dbGroup.label} already allows TCP ${r.dbGroup.port} from the App Runner group (${r.ingress.existingRuleId}): that rule stays as it is, outside this stack.`,
        ja: `${r.dbGroup.label} は App Runner のグループからの TCP ${r.dbGroup.port} を既に許可しています（${r.ingress.existingRuleId}）。そのルールはこのスタックの外でそのまま残ります。` })
      : undefined;
  if (dbNote) byResource[APP_GROUP_ID].push(dbNote);
  byResource[connectorId] = [
    t({ en: 'A connector cannot change: a different subnet or group list is a new connector under a new logical id and name (revision suffix). CloudFormation creates it, updates the service, and deletes the old one only in cleanup, so the service is never without a connector.',
      ja: 'VPC コネクタは変更できません。サブネットやグループが変わると、新しい論理 ID と名前（リビジョン接尾辞）の新しいコネクタになります。CloudFormation はそれを作成し、サービスを更新し、古いものはクリーンアップで削除するため、サービスがコネクタを失うことはありません。' }),
    ...(r.connector.supersedes ? [t({
      en: `${r.connector.supersedes.name} (${r.connector.supersedes.arn}) exists with other subnets or groups, so this is ${r.connector.name}. ${r.connector.supersedes.owner ? `Remove the old one in ${r.connector.supersedes.owner}` : 'Delete the old one'} once no service uses it.`,
      ja: `${r.connector.supersedes.name}（${r.connector.supersedes.arn}）は別のサブネットまたはグループで存在するため、これは ${r.connector.name} です。${r.connector.supersedes.owner ? `古いものはどのサービスも使わなくなったら ${r.connector.supersedes.owner} で削除してください。` : '古いものはどのサービスも使わなくなったら削除してください。'}` })] : []),
    ...(r.connector.existing ? [t({ en: `Exists as ${r.connector.existing.arn}: imported, DeletionPolicy Retain.`,
      ja: `${r.connector.existing.arn} として存在します。インポートします。DeletionPolicy は Retain です。` })] : []),
  ];
  const fragment = yamlLines({ NetworkConfiguration: serviceNetworkFragment(r, { 'Fn::GetAtt': [connectorId, 'VpcConnectorArn'] }) });
  const footer = [
    t({ en: `Add to the Properties of your AWS::AppRunner::Service ${r.service.name} (${r.service.arn}) in the same stack; from another stack use this stack's VpcConnectorArn output:`,
      ja: `同じスタックの AWS::AppRunner::Service ${r.service.name}（${r.service.arn}）の Properties に追加してください。別のスタックからはこのスタックの出力 VpcConnectorArn を使ってください:` }),
    ...fragment.map((line) => `#   ${line}`),
  ];
  return { header, byResource, footer };
}

function render(template: CfnTemplate, comments: { header: string[]; byResource: Comments; footer: string[] }): string {
  const lines = [...comments.header, `AWSTemplateFormatVersion: ${JSON.stringify(template.AWSTemplateFormatVersion)}`,
    ...yamlLines({ Description: template.Description })];
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
  const fragment = yamlLines({ NetworkConfiguration: serviceNetworkFragment(r, { 'Fn::GetAtt': [connectorLogicalId(r), 'VpcConnectorArn'] }) });
  const result: CloudFormationExport = { template, yaml: render(template, comments), serviceNetworkConfiguration: `${fragment.join('\n')}\n` };
  if (imports.length > 0) {
    const existingGroup = r.appGroup.existing;
    const importTemplate: CfnTemplate = { ...template, Resources: Object.fromEntries(imports.map((i) => {
      const resource = template.Resources[i.LogicalResourceId];
      return [i.LogicalResourceId, i.LogicalResourceId === APP_GROUP_ID && existingGroup ? asItIsNow(resource, existingGroup) : resource];
    })) };
    delete importTemplate.Outputs;
    result.resourcesToImport = `${JSON.stringify(imports, null, 2)}\n`;
    result.importTemplate = { template: importTemplate, yaml: render(importTemplate, { ...comments, footer: [] }) };
  }
  return result;
}
