// Export Setup as Terraform (HCL, AWS provider 5.x): the App Runner group without inline rules (so Terraform
// removes the allow-all egress a new group gets) and its egress as explicit aws_vpc_security_group_egress_rule
// resources, the DB group's ingress as an aws_vpc_security_group_ingress_rule, and the connector with
// create_before_destroy. Existing resources are variables with the account's ids as defaults (the VPC, the
// subnets, the DB group) or adopted with `import` blocks (Terraform 1.5+). The App Runner service is
// referenced only: outputs.tf holds the network_configuration to add to the user's aws_apprunner_service.
import type { Localized } from '../common/awsError';
import type { DesiredSetup } from '../plan/desired';
import { oneLine } from '../plan/setupScript';
import type { Topology } from '../topology/topology';
import { expr, hclAttributes, hclString, type HclValue } from './hclText';
import { type SetupResources, type SetupRule, setupResources } from './setupResources';
import type { ExportFile, IacContext } from './types';
import { localize, msg } from '../l10n/text';

export const TF_APP_GROUP = 'aws_security_group.apprunner';
export const TF_CONNECTOR = 'aws_apprunner_vpc_connector.this';
export const TF_DB_INGRESS = 'aws_vpc_security_group_ingress_rule.database_from_apprunner';

/** Terraform resource name of an egress rule: `database`, `https`, `dns_ipv6`... */
export function egressAddress(rule: SetupRule): string {
  return `aws_vpc_security_group_egress_rule.${rule.key.replace(/-/g, '_')}`;
}

function block(
  header: string,
  attrs: Record<string, HclValue | undefined>,
  inner: string[] = [],
  comments: string[] = [],
): string {
  return [...comments, `${header} {`, ...hclAttributes(attrs, 2), ...inner, '}'].join('\n');
}

function ruleTarget(rule: SetupRule, appGroupId: HclValue): Record<string, HclValue> {
  switch (rule.target.kind) {
    case 'db-group':
      return { referenced_security_group_id: expr('var.db_security_group_id') };
    case 'app-group':
      return { referenced_security_group_id: appGroupId };
    case 'cidr-ipv4':
      return { cidr_ipv4: rule.target.cidr };
    case 'cidr-ipv6':
      return { cidr_ipv6: rule.target.cidr };
  }
}

function ruleBlock(
  address: string,
  rule: SetupRule,
  groupId: HclValue,
  comments: string[],
  appGroupId: HclValue = expr(`${TF_APP_GROUP}.id`),
): string {
  const [type, name] = address.split('.');
  const port = rule.target.kind === 'db-group' || rule.target.kind === 'app-group' ? expr('var.db_port') : rule.port;
  return block(
    `resource "${type}" "${name}"`,
    {
      security_group_id: groupId,
      description: rule.description,
      ip_protocol: rule.protocol,
      from_port: port,
      to_port: port,
      ...ruleTarget(rule, appGroupId),
    },
    [],
    comments,
  );
}

function variablesFile(r: SetupResources): string {
  const variable = (name: string, type: string, description: string, def: HclValue): string =>
    block(`variable "${name}"`, { type: expr(type), description, default: def });
  return (
    [
      variable('region', 'string', 'The region of the setup', r.region),
      variable('vpc_id', 'string', 'The VPC of the database', r.vpcId),
      variable('subnet_ids', 'list(string)', 'Private subnets for the connector, in two or more AZs', r.subnetIds),
      variable(
        'db_security_group_id',
        'string',
        'The database security group (referenced, not managed here)',
        r.dbGroup.id,
      ),
      variable('db_port', 'number', 'The database port', r.dbGroup.port),
      ...(r.appGroup.existing?.owner
        ? [
            variable(
              'apprunner_security_group_id',
              'string',
              'The App Runner group (owned by another stack, referenced)',
              r.appGroup.existing.id,
            ),
          ]
        : []),
      ...(r.connector.existing?.owner
        ? [
            variable(
              'vpc_connector_arn',
              'string',
              'The VPC connector (owned by another stack, referenced)',
              r.connector.existing.arn,
            ),
          ]
        : []),
    ].join('\n\n') + '\n'
  );
}

function versionsFile(accountId: string | undefined): string {
  return [
    'terraform {',
    '  # import blocks need Terraform 1.5; the rule resources need the AWS provider 5.x.',
    '  required_version = ">= 1.5.0"',
    '  required_providers {',
    '    aws = {',
    '      source  = "hashicorp/aws"',
    '      version = "~> 5.0"',
    '    }',
    '  }',
    '}',
    '',
    '# Drop this block when your configuration has its own aws provider (allowed_account_ids: the ids below belong to that account).',
    block('provider "aws"', { region: expr('var.region'), ...(accountId ? { allowed_account_ids: [accountId] } : {}) }),
    '',
  ].join('\n');
}

/** The group's id and the connector's ARN: this configuration's resources, or variables when another stack owns them. */
const appGroupIdExpr = (r: SetupResources): HclValue =>
  expr(r.appGroup.existing?.owner ? 'var.apprunner_security_group_id' : `${TF_APP_GROUP}.id`);
const connectorArnExpr = (r: SetupResources): string =>
  r.connector.existing?.owner ? 'var.vpc_connector_arn' : `${TF_CONNECTOR}.arn`;

function mainFile(r: SetupResources, ctx: IacContext): string {
  const t = (text: Localized): string => `# ${oneLine(localize(text, ctx.lang))}`;
  const appGroupId = appGroupIdExpr(r);
  const parts: string[] = [];
  const groupOwner = r.appGroup.existing?.owner;
  if (groupOwner) {
    parts.push(
      t(
        msg(
          "The App Runner group {0} already has the runbook's rules and is managed by {1}: referenced by var.apprunner_security_group_id, never imported or changed here.",
          r.appGroup.existing?.id ?? '',
          groupOwner,
        ),
      ),
    );
  } else
    parts.push(
      block(
        'resource "aws_security_group" "apprunner"',
        {
          name: r.appGroup.groupName,
          description: r.appGroup.description,
          vpc_id: expr('var.vpc_id'),
          tags: r.appGroup.tags,
        },
        [],
        [
          t(
            msg(
              'No inline egress or ingress: Terraform removes the allow-all egress of a new group, and the rules below are the only ones.',
            ),
          ),
          ...(r.appGroup.existing
            ? [t(msg('Exists as {0}: adopted by the import block in imports.tf.', r.appGroup.existing.id))]
            : []),
          ...(r.appGroup.existing && r.appGroup.existing.allowAllEgressRuleIds.length > 0
            ? [
                t(
                  msg(
                    'Terraform leaves rules it does not manage: remove the allow-all egress once with aws ec2 revoke-security-group-egress --group-id {0} --security-group-rule-ids {1}',
                    r.appGroup.existing.id,
                    r.appGroup.existing.allowAllEgressRuleIds.join(' '),
                  ),
                ),
              ]
            : []),
        ],
      ),
    );
  if (!groupOwner) for (const rule of r.egress) parts.push(ruleBlock(egressAddress(rule), rule, appGroupId, []));
  if (r.dbGroup.owner) {
    parts.push(
      [
        t(
          msg(
            '{0} is managed by {1}: add its inbound rule there (TCP {2} from {3}.id), not here.',
            r.dbGroup.label,
            r.dbGroup.owner,
            r.dbGroup.port,
            TF_APP_GROUP,
          ),
        ),
      ].join('\n'),
    );
  } else {
    parts.push(
      ruleBlock(
        TF_DB_INGRESS,
        r.ingress,
        expr('var.db_security_group_id'),
        [
          t(
            msg(
              'The database group {0} is referenced by id, not managed: only this rule is added to it.',
              r.dbGroup.label,
            ),
          ),
        ],
        appGroupId,
      ),
    );
  }
  const [type, name] = TF_CONNECTOR.split('.');
  const connectorOwner = r.connector.existing?.owner;
  if (connectorOwner) {
    parts.push(
      t(
        msg(
          'The connector {0} ({1}) matches and is managed by {2}: referenced by var.vpc_connector_arn, never imported or changed here.',
          r.connector.name,
          r.connector.existing?.arn ?? '',
          connectorOwner,
        ),
      ),
    );
    return `${parts.join('\n\n')}\n`;
  }
  parts.push(
    block(
      `resource "${type}" "${name}"`,
      {
        vpc_connector_name: r.connector.name,
        subnets: expr('var.subnet_ids'),
        security_groups: [appGroupId],
        tags:
          r.connector.existing?.tags && Object.keys(r.connector.existing.tags).length > 0
            ? r.connector.existing.tags
            : r.connector.tags,
      },
      [
        '',
        '  lifecycle {',
        `    ${t(msg('A connector cannot change: a new subnet or group list replaces it. Create the new one first, so the service moves before the old one goes.'))}`,
        '    create_before_destroy = true',
        '  }',
      ],
      [
        ...(r.connector.supersedes
          ? [
              t(
                r.connector.supersedes.owner
                  ? msg(
                      '{0} ({1}) exists with other subnets or groups and cannot change, so this is a new connector {2} (revision suffix). Remove the old one in {3} once no service uses it.',
                      r.connector.supersedes.name,
                      r.connector.supersedes.arn,
                      r.connector.name,
                      r.connector.supersedes.owner,
                    )
                  : msg(
                      '{0} ({1}) exists with other subnets or groups and cannot change, so this is a new connector {2} (revision suffix). Delete the old one once no service uses it.',
                      r.connector.supersedes.name,
                      r.connector.supersedes.arn,
                      r.connector.name,
                    ),
              ),
            ]
          : []),
        ...(r.connector.existing
          ? [t(msg('Exists as {0}: adopted by the import block in imports.tf.', r.connector.existing.arn))]
          : []),
      ],
    ),
  );
  return `${parts.join('\n\n')}\n`;
}

function importsFile(r: SetupResources): string | undefined {
  const imports: [string, string][] = [];
  if (r.appGroup.existing && !r.appGroup.existing.owner) {
    imports.push([TF_APP_GROUP, r.appGroup.existing.id]);
    for (const rule of r.egress) if (rule.existingRuleId) imports.push([egressAddress(rule), rule.existingRuleId]);
  }
  if (!r.dbGroup.owner && r.ingress.existingRuleId) imports.push([TF_DB_INGRESS, r.ingress.existingRuleId]);
  if (r.connector.existing && !r.connector.existing.owner) imports.push([TF_CONNECTOR, r.connector.existing.arn]);
  if (imports.length === 0) return undefined;
  return `${imports.map(([to, id]) => `import {\n  to = ${to}\n  id = ${hclString(id)}\n}`).join('\n\n')}\n`;
}

function outputsFile(r: SetupResources, ctx: IacContext): string {
  const t = (text: Localized): string => `# ${oneLine(localize(text, ctx.lang))}`;
  const network: Record<string, HclValue> = {
    egress_configuration: { egress_type: 'VPC', vpc_connector_arn: expr(connectorArnExpr(r)) },
    ...(r.service.isPubliclyAccessible !== undefined
      ? { ingress_configuration: { is_publicly_accessible: r.service.isPubliclyAccessible } }
      : {}),
    ...(r.service.ipAddressType ? { ip_address_type: r.service.ipAddressType } : {}),
  };
  const paste = [
    'network_configuration {',
    '  egress_configuration {',
    '    egress_type       = "VPC"',
    `    vpc_connector_arn = ${connectorArnExpr(r)}`,
    '  }',
    ...(r.service.isPubliclyAccessible !== undefined
      ? ['  ingress_configuration {', `    is_publicly_accessible = ${r.service.isPubliclyAccessible}`, '  }']
      : []),
    ...(r.service.ipAddressType ? [`  ip_address_type = "${r.service.ipAddressType}"`] : []),
    '}',
  ];
  return (
    [
      block('output "apprunner_security_group_id"', { value: appGroupIdExpr(r) }),
      block('output "vpc_connector_arn"', { value: expr(connectorArnExpr(r)) }),
      [
        t(
          msg(
            'The App Runner service {0} ({1}) is referenced, not managed here: its definition is yours. Add this block to your aws_apprunner_service:',
            r.service.name,
            r.service.arn,
          ),
        ),
        ...paste.map((line) => `#   ${line}`),
        block('output "service_network_configuration"', { value: network }),
      ].join('\n'),
    ].join('\n\n') + '\n'
  );
}

function headerComment(r: SetupResources, ctx: IacContext): string {
  const t = (text: Localized): string => `# ${oneLine(localize(text, ctx.lang))}`;
  return [
    t(
      ctx.accountId
        ? msg(
            'App Runner VPC connector setup for {0} (runbook sections 3 and 4), exported by App Runner VPC Connector for VS Code on {1} from account {2}, region {3}.',
            r.service.name,
            ctx.generatedAt,
            ctx.accountId,
            r.region,
          )
        : msg(
            'App Runner VPC connector setup for {0} (runbook sections 3 and 4), exported by App Runner VPC Connector for VS Code on {1} from region {2}.',
            r.service.name,
            ctx.generatedAt,
            r.region,
          ),
    ),
    ...(ctx.basis === 'attached' ? [t(msg('The setup {0} uses now.', r.service.name))] : []),
    ...(ctx.basis === 'proposed'
      ? [t(msg('{0} has no active VPC connector: this is the setup Set Up VPC Connector proposes.', r.service.name))]
      : []),
    ...(r.replacedGroup
      ? [
          t(
            msg(
              'Not {0} ({1}): {2} This configuration leaves it unchanged and uses a dedicated group.',
              r.replacedGroup.name,
              r.replacedGroup.id,
              r.replacedGroup.why,
            ),
          ),
        ]
      : []),
    '',
  ].join('\n');
}

export function terraformExport(snapshot: Topology, d: DesiredSetup, ctx: IacContext): ExportFile[] {
  const r = setupResources(snapshot, d);
  const imports = importsFile(r);
  return [
    { path: 'versions.tf', content: versionsFile(ctx.accountId ?? r.accountId) },
    { path: 'variables.tf', content: variablesFile(r) },
    { path: 'main.tf', content: headerComment(r, ctx) + mainFile(r, ctx) },
    ...(imports ? [{ path: 'imports.tf', content: imports }] : []),
    { path: 'outputs.tf', content: outputsFile(r, ctx) },
  ];
}
