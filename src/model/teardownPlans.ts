// The two plans that undo the setup: detach (back to DEFAULT egress) and delete a connector no service uses.
import type { ValidationIssue } from './validators';
import type { Plan } from './planSteps';
import { deleteConnectorStep, detachStep, waitStep } from './stepBuilders';
import type { Topology } from './topology';

export type PlanResult = { ok: true; plan: Plan } | { ok: false; issues: ValidationIssue[] };

export function detachPlan(snapshot: Topology, serviceName: string): PlanResult {
  const service = snapshot.services.find((s) => s.name === serviceName);
  if (!service) {
    return { ok: false, issues: [{ field: 'service', code: 'service-unknown', message: {
      en: `App Runner service "${serviceName}" was not found in ${snapshot.region}.`,
      ja: `App Runner サービス「${serviceName}」が ${snapshot.region} に見つかりません。` } }] };
  }
  const ref = { name: service.name, arn: service.arn };
  const steps = service.egressType === 'VPC' ? [detachStep(ref), waitStep(ref)] : [];
  const notes = steps.length === 0 ? [] : [{
    en: `${service.name} loses access to private resources (such as the database) in the VPC once detached. The connector itself is kept.`,
    ja: `外すと ${service.name} は VPC 内のプライベートリソース（データベースなど）に接続できなくなります。VPC コネクタ自体は残ります。` }];
  return { ok: true, plan: { kind: 'detach', steps, warnings: [], notes } };
}

export function deleteConnectorPlan(snapshot: Topology, connectorName: string): PlanResult {
  const named = snapshot.connectors.filter((c) => c.name === connectorName);
  if (named.length === 0) {
    return { ok: false, issues: [{ field: 'connectorName', code: 'connector-unknown', message: {
      en: `VPC connector "${connectorName}" was not found in ${snapshot.region}.`,
      ja: `VPC コネクタ「${connectorName}」が ${snapshot.region} に見つかりません。` } }] };
  }
  const active = named.find((c) => c.status === 'ACTIVE');
  if (!active) return { ok: true, plan: { kind: 'delete-connector', steps: [], warnings: [], notes: [] } };
  const users = snapshot.services.filter((s) => s.vpcConnectorArn === active.arn).map((s) => s.name);
  if (users.length > 0) {
    return { ok: false, issues: [{ field: 'connectorName', code: 'connector-in-use', message: {
      en: `VPC connector "${connectorName}" is used by ${users.join(', ')}; detach it from them first.`,
      ja: `VPC コネクタ「${connectorName}」は ${users.join(', ')} が使用中です。先にサービスから外してください。` } }] };
  }
  return { ok: true, plan: { kind: 'delete-connector', steps: [deleteConnectorStep(active.name, active.arn)], warnings: [], notes: [] } };
}
