// The setup wizard's prompt steps. Each writes its answer into the context and offers the earlier answer
// first when shown again after Back.
import { groupLabel, matchesGroupName } from '../../model/topology/groupNames';
import * as vscode from 'vscode';
import type { DatabaseTarget } from '../../model/topology/databaseTargets';
import type { DbInstance } from '../../model/topology/topology';
import { UserError } from '../../model/common/userError';
// The validators, the database list and the subnet choice run from the analysis bundle (loaded on the first
// prompt), so the main bundle carries none of them (bench: mainBundle).
import type { ValidationIssue } from '../../model/plan/validators';
import { loadAnalysis } from '../analysisLoader';
import { pick } from '../localize';
import { readSecretsWithConsent } from '../secretConsent';
import { answered, type PromptStep } from '../wizard/wizard';
import { BACK, confirmed, type PickItem } from '../ui/ui';
import { MANUAL, type SetupContext } from './setupContext';
import { serviceEndpointUrl } from '../../model/common/awsTarget';
import { msg } from '../../model/l10n/text';

const firstIssue = (issues: ValidationIssue[]): string | undefined => (issues[0] ? pick(issues[0].message) : undefined);
const activeIndex = <T>(items: PickItem<T>[], value: T | undefined): number =>
  Math.max(
    0,
    items.findIndex((i) => i.value === value),
  );

export const serviceStep: PromptStep<SetupContext> = {
  id: 'service',
  shouldPrompt: (ctx) => !ctx.given.service,
  async prompt(ctx, ui, position) {
    const preferred = ctx.serviceName ?? ctx.settings.serviceName;
    const items = [...ctx.snapshot.services]
      .sort((a, b) => Number(b.name === preferred) - Number(a.name === preferred) || a.name.localeCompare(b.name))
      .map((s) => ({
        label: s.name,
        description: `${s.status} · ${s.egressType ?? '?'}`,
        detail: s.url ? serviceEndpointUrl(s.url, '') : undefined,
        value: s.name,
      }));
    const answer = answered(
      await ui.pick({
        ...position,
        id: 'service',
        placeholder: vscode.l10n.t('App Runner service'),
        items,
        activeIndex: activeIndex(items, preferred),
      }),
    );
    if (answer === BACK) return BACK;
    ctx.serviceName = answer;
    return undefined;
  },
};

const KIND_LABEL = {
  instance: 'DB instance',
  cluster: 'DB cluster',
  proxy: 'RDS Proxy',
  ec2: 'Database on EC2',
} as const;

export function dbItem(db: DatabaseTarget): PickItem<string> {
  const kind = vscode.l10n.t(KIND_LABEL[db.kind]);
  const behind = db.behind ? ` → ${db.behind.id}` : '';
  return {
    label: db.id,
    description: `${kind} · ${db.engine} · ${db.status} · ${db.vpcId ?? ''}`,
    detail: `${db.endpointAddress ?? ''}:${db.port}${behind} · ${db.securityGroupIds.join(', ')}`,
    value: db.id,
  };
}

/**
 * Several databases and a database named in a secret (a URL, DB_HOST=<arn>:host::, a JSON database secret): ask
 * once whether to read it (only host and port are used). The database the service's variables name (plain
 * ones too: PGHOST, DB_HOST...) is offered first, with the variable that named it. Declining leaves the plain
 * choice.
 */
async function namedDatabase(ctx: SetupContext): Promise<{ id: string; variable: string } | undefined> {
  const service = ctx.snapshot.services.find((s) => s.name === ctx.serviceName);
  if (!service) return undefined;
  if (!ctx.secretReadAsked) {
    ctx.secretReadAsked = true;
    const refs = loadAnalysis().secretsToOffer(ctx.snapshot, service, 'setup');
    ctx.secretUrls = await readSecretsWithConsent(
      refs,
      ctx.services.connection.state.target,
      (message, detail, action) => confirmed(ctx.ui, message, detail, action),
    );
  }
  const found = loadAnalysis().findDatabase(ctx.snapshot, service, undefined, ctx.secretUrls);
  const variable = found.naming?.variable;
  return found.db && variable ? { id: found.db.id, variable } : undefined;
}

export const databaseStep: PromptStep<SetupContext> = {
  id: 'database',
  async prompt(ctx, ui, position) {
    const named = await namedDatabase(ctx);
    const items = [
      ...loadAnalysis()
        .databaseTargets(ctx.snapshot)
        .map((db) => {
          const item = dbItem(db);
          return db.id === named?.id
            ? { ...item, description: `${item.description ?? ''} · ${vscode.l10n.t('named by {0}', named.variable)}` }
            : item;
        }),
      {
        label: vscode.l10n.t('Not an RDS database: choose its security group...'),
        description: vscode.l10n.t('manual'),
        value: MANUAL,
      },
    ];
    const answer = answered(
      await ui.pick({
        ...position,
        id: 'database',
        placeholder: vscode.l10n.t('Database the service must reach'),
        items,
        activeIndex: activeIndex(items, ctx.database ?? named?.id),
      }),
    );
    if (answer === BACK) return BACK;
    if (answer !== ctx.database) ctx.subnetIds = undefined;
    ctx.database = answer;
    return undefined;
  },
};

export const manualGroupStep: PromptStep<SetupContext> = {
  id: 'databaseGroup',
  shouldPrompt: (ctx) => ctx.database === MANUAL,
  async prompt(ctx, ui, position) {
    const items = ctx.snapshot.securityGroups
      .filter((g) => !matchesGroupName(g, ctx.appRunnerSecurityGroupName, ctx.settings.appRunnerSecurityGroupNameTag))
      .map((g) => ({ label: groupLabel(g), description: `${g.id} · ${g.vpcId}`, detail: g.description, value: g.id }));
    const answer = answered(
      await ui.pick({
        ...position,
        id: 'databaseGroup',
        placeholder: vscode.l10n.t("The database's security group"),
        items,
        activeIndex: activeIndex(items, ctx.manualGroupId),
      }),
    );
    if (answer === BACK) return BACK;
    if (answer !== ctx.manualGroupId) ctx.subnetIds = undefined;
    ctx.manualGroupId = answer;
    return undefined;
  },
};

export const manualPortStep: PromptStep<SetupContext> = {
  id: 'databasePort',
  shouldPrompt: (ctx) => ctx.database === MANUAL,
  async prompt(ctx, ui, position) {
    const answer = answered(
      await ui.input({
        ...position,
        id: 'databasePort',
        prompt: vscode.l10n.t('Database port'),
        value: String(ctx.manualPort ?? ctx.settings.databasePort),
        validate: (v) => firstIssue(loadAnalysis().validatePort(Number(v))),
      }),
    );
    if (answer === BACK) return BACK;
    ctx.manualPort = Number(answer);
    return undefined;
  },
};

/** The DB the context points at, or a stand-in in the manual group's VPC (for the subnet choice). */
export function contextDb(ctx: SetupContext): DbInstance | undefined {
  if (ctx.database !== MANUAL) return ctx.database ? loadAnalysis().targetById(ctx.snapshot, ctx.database) : undefined;
  const group = ctx.snapshot.securityGroups.find((g) => g.id === ctx.manualGroupId);
  return (
    group && {
      id: '',
      engine: '',
      status: '',
      port: ctx.manualPort ?? 0,
      vpcId: group.vpcId,
      securityGroupIds: [group.id],
      subnetIds: [],
    }
  );
}

export const subnetsStep: PromptStep<SetupContext> = {
  id: 'subnets',
  async prompt(ctx, ui, position) {
    const db = contextDb(ctx);
    const vpcId = db?.vpcId ?? '';
    const chosen =
      ctx.subnetIds ?? (db ? loadAnalysis().chooseSubnets(ctx.snapshot, db, ctx.connectorName).subnetIds : []);
    const items = ctx.snapshot.subnets
      .filter((s) => s.vpcId === vpcId)
      .sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone) || a.id.localeCompare(b.id))
      .map((s) => ({
        label: s.id,
        picked: chosen.includes(s.id),
        value: s.id,
        detail: s.name,
        description: `${s.availabilityZone} · ${s.cidrBlock} · ${s.isPrivate ? vscode.l10n.t('private') : vscode.l10n.t('public')}`,
      }));
    for (;;) {
      const answer = answered(
        await ui.pickMany({
          ...position,
          id: 'subnets',
          placeholder: vscode.l10n.t(
            'Subnets for the connector: two or more private subnets in different Availability Zones',
          ),
          items,
        }),
      );
      if (answer === BACK) return BACK;
      const problem = firstIssue(loadAnalysis().validateSubnets(ctx.snapshot, answer, vpcId));
      if (!problem) {
        ctx.subnetIds = answer;
        return;
      }
      void ctx.ui.notify('warning', problem, []);
      for (const item of items) item.picked = answer.includes(item.value);
    }
  },
};

/** A name typed by the user, validated as typed, defaulting to the setting (or the earlier answer). */
function nameStep(
  id: 'connectorName' | 'appRunnerSecurityGroupName',
  prompt: () => string,
  validate: (v: string) => ValidationIssue[],
): PromptStep<SetupContext> {
  return {
    id,
    async prompt(ctx, ui, position) {
      const answer = answered(
        await ui.input({ ...position, id, prompt: prompt(), value: ctx[id], validate: (v) => firstIssue(validate(v)) }),
      );
      if (answer === BACK) return BACK;
      ctx[id] = answer;
      return undefined;
    },
  };
}

export const connectorNameStep = nameStep(
  'connectorName',
  () => vscode.l10n.t('VPC connector name'),
  (name) => loadAnalysis().validateConnectorName(name),
);
export const groupNameStep = nameStep(
  'appRunnerSecurityGroupName',
  () => vscode.l10n.t('Security group name for the connector'),
  (name) => loadAnalysis().validateSecurityGroupName(name),
);

export const connectorPickStep: PromptStep<SetupContext> = {
  id: 'connector',
  shouldPrompt: (ctx) => !ctx.given.connector,
  async prompt(ctx, ui, position) {
    const items = ctx.snapshot.connectors
      .filter((c) => c.status === 'ACTIVE')
      .sort(
        (a, b) =>
          Number(b.name === ctx.settings.connectorName) - Number(a.name === ctx.settings.connectorName) ||
          a.name.localeCompare(b.name),
      )
      .map((c) => ({
        label: c.name,
        description: `rev ${c.revision} · ${c.status}`,
        detail: c.subnetIds.join(', '),
        value: c.arn,
      }));
    if (items.length === 0)
      throw new UserError(msg('There is no ACTIVE VPC connector: run "Set up VPC connector" first.'));
    const answer = answered(
      await ui.pick({
        ...position,
        id: 'connector',
        placeholder: vscode.l10n.t('VPC connector'),
        items,
        activeIndex: activeIndex(items, ctx.connectorArn),
      }),
    );
    if (answer === BACK) return BACK;
    ctx.connectorArn = answer;
    ctx.connectorName = ctx.snapshot.connectors.find((c) => c.arn === answer)?.name ?? ctx.connectorName;
    return undefined;
  },
};
