// The service's egress: is it VPC, is the connector there, ACTIVE, and in the database's VPC.
import { Finding, Fix } from '../diagnosis';
import { finding } from '../findingBuilder';
import { AnalysisContext } from '../reachabilityContext';

export function checkConnector(ctx: AnalysisContext): Finding[] {
  const { service, connector, db } = ctx;
  const out: Finding[] = [];
  const serviceEvidence = {
    kind: 'service' as const,
    id: service.arn,
    detail: `egressType=${service.egressType ?? 'unknown'} vpcConnectorArn=${service.vpcConnectorArn ?? 'none'}`,
  };
  if (!ctx.attached) {
    const fix: Extract<Fix, { kind: 'plan-step' }> & { step: 'attach-connector' | 'create-connector' } = connector
      ? {
          kind: 'plan-step',
          step: 'attach-connector',
          params: { serviceArn: service.arn, connectorArn: connector.arn },
        }
      : { kind: 'plan-step', step: 'create-connector', params: { serviceArn: service.arn } };
    out.push(
      finding(
        'egress-not-vpc',
        'error',
        'database',
        `${service.name} sends outbound traffic through App Runner's default public egress, so it cannot reach private resources in a VPC.`,
        `${service.name} の送信トラフィックは App Runner の既定のパブリック経路を通るため、VPC 内のプライベートリソースに到達できません。`,
        connector
          ? [
              serviceEvidence,
              { kind: 'connector', id: connector.arn, detail: `candidate ${connector.name} (${connector.status})` },
            ]
          : [serviceEvidence],
        fix,
      ),
    );
    return out;
  }
  if (ctx.connectorArnMissing) {
    out.push(
      finding(
        'connector-missing',
        'error',
        'database',
        `The VPC connector ${ctx.connectorArnMissing} that ${service.name} uses does not exist in this account and region.`,
        `${service.name} が使う VPC コネクタ ${ctx.connectorArnMissing} がこのアカウントとリージョンに存在しません。`,
        [serviceEvidence],
        { kind: 'plan-step', step: 'create-connector', params: { serviceArn: service.arn } },
      ),
    );
    return out;
  }
  if (connector && connector.status !== 'ACTIVE') {
    out.push(
      finding(
        'connector-inactive',
        'error',
        'database',
        `The VPC connector ${connector.name} is ${connector.status}, so no traffic flows through it.`,
        `VPC コネクタ ${connector.name} の状態が ${connector.status} のため、通信が流れません。`,
        [{ kind: 'connector', id: connector.arn, detail: `status=${connector.status}` }],
        { kind: 'plan-step', step: 'create-connector', params: { serviceArn: service.arn } },
      ),
    );
  }
  const dbVpcId = db?.vpcId ?? ctx.dbSubnets[0]?.vpcId;
  const foreign = dbVpcId ? ctx.connectorSubnets.filter((s) => s.vpcId !== dbVpcId) : [];
  if (connector && db && foreign.length > 0) {
    out.push(
      finding(
        'connector-other-vpc',
        'error',
        'database',
        `The connector ${connector.name} uses subnets outside the database's VPC ${dbVpcId}, so traffic cannot reach ${db.id}.`,
        `コネクタ ${connector.name} はデータベースの VPC ${dbVpcId} 以外のサブネットを使っているため、${db.id} に到達できません。`,
        foreign.map((s) => ({ kind: 'subnet' as const, id: s.id, detail: `in ${s.vpcId}, database in ${dbVpcId}` })),
        { kind: 'plan-step', step: 'create-connector', params: { serviceArn: service.arn, vpcId: dbVpcId ?? '' } },
      ),
    );
  }
  return out;
}
