// The move-to-Express plan as readable text: what maps one to one, approximately or not at all (each with its
// reason), then the steps (the task group's from the setup planner, then IAM and ECS), warnings and notes.
import { type Lang, type Localized, localize, msg } from '../l10n/text';
import { migrationHasChanges, type MappingItem, type MigrationPlan, type MigrationStep } from './expressMigration';
import { stepText } from './planText';

const HEADINGS = {
  same: msg('Carried over as it is'),
  approximate: msg('Carried over approximately'),
  notCarried: msg('Not carried over'),
  steps: msg('Steps'),
  warnings: msg('Warnings'),
  notes: msg('Notes'),
  check: msg('(check)'),
  nothing: msg('No changes: the Express service, its roles and its network already exist.'),
};

function apiOf(step: MigrationStep): string {
  switch (step.kind) {
    case 'create-role':
      return `iam:CreateRole RoleName=${step.roleName} Principal=${step.trustedService}`;
    case 'attach-role-policy':
      return `iam:AttachRolePolicy RoleName=${step.roleName} PolicyArn=${step.policyArn}`;
    case 'put-role-policy':
      return `iam:PutRolePolicy RoleName=${step.roleName} PolicyName=${step.policyName}`;
    case 'create-express-service': {
      const r = step.request;
      return `ecs:CreateExpressGatewayService serviceName=${r.serviceName} image=${r.primaryContainer.image} subnets=[${r.networkConfiguration.subnets.join(', ')}] securityGroups=[${r.networkConfiguration.securityGroups.join(', ')}]`;
    }
    case 'wait-for-express':
      return 'ecs:DescribeExpressGatewayService';
    default:
      return `GET ${step.path}`;
  }
}

function mappingLines(title: Localized, items: MappingItem[], lang: Lang): string[] {
  if (items.length === 0) return [];
  return [
    `${localize(title, lang)}:`,
    ...items.map((i) => `  - ${i.aspect}: ${i.from || '-'}${i.to ? ` -> ${i.to}` : ''} (${localize(i.reason, lang)})`),
  ];
}

export function renderMigrationPlan(plan: MigrationPlan, lang: Lang = 'en'): string {
  const h = (t: Localized): string => localize(t, lang);
  const lines: string[] = [
    ...mappingLines(HEADINGS.same, plan.mapping.same, lang),
    ...mappingLines(HEADINGS.approximate, plan.mapping.approximate, lang),
    ...mappingLines(HEADINGS.notCarried, plan.mapping.notCarried, lang),
  ];
  if (!migrationHasChanges(plan)) lines.push(h(HEADINGS.nothing));
  lines.push(`${h(HEADINGS.steps)}:`);
  plan.network.steps.forEach((s, i) => lines.push(stepText(s, i, lang)));
  const offset = plan.network.steps.length;
  plan.steps.forEach((s, i) => {
    const mark = s.mutating ? '' : ` ${h(HEADINGS.check)}`;
    lines.push(`${offset + i + 1}. [${s.kind}] ${h(s.title)}${mark}\n     ${apiOf(s)}`);
  });
  if (plan.warnings.length > 0) {
    lines.push(`${h(HEADINGS.warnings)}:`);
    for (const w of plan.warnings) lines.push(`  ! ${h(w.message)}`);
  }
  if (plan.notes.length > 0) {
    lines.push(`${h(HEADINGS.notes)}:`);
    for (const n of plan.notes) lines.push(`  - ${h(n)}`);
  }
  return lines.join('\n');
}

/** After apply: the cut-over stays the user's; how to go back is to delete what the move created. */
export function cutOverChecklist(plan: MigrationPlan, endpoint: string | undefined): Localized[] {
  return [
    msg('Cut-over checklist for {0}:', plan.service.name),
    msg('1. Compare the Express endpoint {0} with the App Runner URL under real traffic.', endpoint ?? '-'),
    msg('2. Move your DNS record (or custom domain) to the Express endpoint, with a short TTL first.'),
    msg('3. Watch the Express service a while; keep the App Runner service running until then.'),
    msg(
      'Roll back: point DNS back at App Runner (it was never changed); delete the Express service with ecs delete-express-gateway-service --service-arn {0}.',
      plan.expressServiceArn,
    ),
  ];
}
