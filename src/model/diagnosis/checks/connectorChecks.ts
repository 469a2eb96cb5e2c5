// The service's egress: is it VPC, is the connector there, ACTIVE, and in the database's VPC.
import { Finding, Fix } from '../diagnosis';
import { finding } from '../findingBuilder';
import { AnalysisContext } from '../reachabilityContext';
import { msg } from '../../l10n/text';

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
        msg(
          "{0} sends outbound traffic through App Runner's default public egress, so it cannot reach private resources in a VPC.",
          service.name,
        ),
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
        msg(
          'The VPC connector {0} that {1} uses does not exist in this account and region.',
          ctx.connectorArnMissing,
          service.name,
        ),
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
        msg('The VPC connector {0} is {1}, so no traffic flows through it.', connector.name, connector.status),
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
        msg(
          "The connector {0} uses subnets outside the database's VPC {1}, so traffic cannot reach {2}.",
          connector.name,
          dbVpcId,
          db.id,
        ),
        foreign.map((s) => ({ kind: 'subnet' as const, id: s.id, detail: `in ${s.vpcId}, database in ${dbVpcId}` })),
        { kind: 'plan-step', step: 'create-connector', params: { serviceArn: service.arn, vpcId: dbVpcId ?? '' } },
      ),
    );
  }
  return out;
}
