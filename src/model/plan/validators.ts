// Input rules checked before anything is planned, so a bad name or subnet choice fails with one clear
// sentence (en/ja) instead of an AWS error halfway through a setup.
import type { Localized } from '../common/awsError';
import type { Subnet, Topology } from '../topology/topology';
import { msg } from '../l10n/text';

export type IssueField = 'service' | 'dbInstance' | 'subnets' | 'connectorName' | 'securityGroupName' | 'port' | 'path';

export interface ValidationIssue {
  field: IssueField;
  code: string;
  message: Localized;
}

function issue(field: IssueField, code: string, message: Localized): ValidationIssue {
  return { field, code, message };
}

// App Runner's CreateVpcConnector pattern: 4 to 40 characters, letters, digits, '-' and '_', not starting with a symbol.
const CONNECTOR_NAME = /^[A-Za-z0-9][A-Za-z0-9\-_]{3,39}$/;

export function validateConnectorName(name: string): ValidationIssue[] {
  if (CONNECTOR_NAME.test(name)) return [];
  return [
    issue(
      'connectorName',
      'connector-name-invalid',
      msg(
        'Invalid connector name "{0}": use 4 to 40 letters, digits, "-" or "_", starting with a letter or digit.',
        name,
      ),
    ),
  ];
}

// EC2 (VPC) group names, as botocore's EC2 model documents CreateSecurityGroup's GroupName: up to 255
// characters from a fixed set, and "Can't start with sg-" (AWS answers InvalidParameterValue; the sandbox
// too). The runbook's "sg-apprunner" is therefore a Name tag (setting appRunnerSecurityGroupNameTag).
const GROUP_NAME = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/;

export function validateSecurityGroupName(name: string): ValidationIssue[] {
  if (/^sg-/i.test(name)) {
    return [
      issue(
        'securityGroupName',
        'security-group-name-reserved-prefix',
        msg(
          'Invalid security group name "{0}": EC2 refuses names starting with "sg-". Use a name such as "apprunner-connector"; the runbook\'s "{0}" can be the group\'s Name tag (setting appRunnerSecurityGroupNameTag).',
          name,
        ),
      ),
    ];
  }
  if (GROUP_NAME.test(name)) return [];
  return [
    issue(
      'securityGroupName',
      'security-group-name-invalid',
      msg(
        'Invalid security group name "{0}": 1 to 255 characters (letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*).',
        name,
      ),
    ),
  ];
}

export function validatePort(port: number): ValidationIssue[] {
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return [];
  return [
    issue('port', 'port-out-of-range', msg('Invalid port {0}: use a whole number from 1 to 65535.', String(port))),
  ];
}

export function validateHealthPath(path: string): ValidationIssue[] {
  if (/^\/[^\s]*$/.test(path)) return [];
  return [
    issue(
      'path',
      'path-invalid',
      msg('Invalid health check path "{0}": it must start with "/" and contain no spaces.', path),
    ),
  ];
}

/**
 * The runbook's subnet rules for a connector: known ids, all in the DB's VPC, private (a public subnet gives
 * App Runner egress no internet: it has no public IP), AZs App Runner supports, at least two, distinct AZs.
 */
export function validateSubnets(snapshot: Topology, subnetIds: readonly string[], vpcId: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const found: Subnet[] = [];
  for (const id of subnetIds) {
    const subnet = snapshot.subnets.find((s) => s.id === id);
    if (!subnet) {
      issues.push(
        issue('subnets', 'subnet-unknown', msg('Subnet {0} was not found in {1} in {2}.', id, vpcId, snapshot.region)),
      );
    } else found.push(subnet);
  }
  for (const s of found.filter((x) => x.vpcId !== vpcId)) {
    issues.push(
      issue(
        'subnets',
        'subnet-other-vpc',
        msg("Subnet {0} is in {1}, not in the database's VPC {2}.", s.id, s.vpcId, vpcId),
      ),
    );
  }
  // A subnet of another VPC is refused for that reason alone (its own VPC is not loaded to judge the rest).
  const inVpc = found.filter((x) => x.vpcId === vpcId);
  for (const s of inVpc.filter((x) => !x.isPrivate)) {
    issues.push(
      issue(
        'subnets',
        'subnet-public',
        msg(
          'Subnet {0} is public (its route table sends traffic to an internet gateway): App Runner egress through it has no public IP and so no internet. Choose private subnets routed to a NAT gateway.',
          s.id,
        ),
      ),
    );
  }
  for (const s of inVpc.filter((x) => x.ipv6Native === true)) {
    issues.push(
      issue(
        'subnets',
        'subnet-ipv6-only',
        msg(
          "Subnet {0} is IPv6-only: a VPC connector's interfaces need IPv4 addresses. Choose subnets with an IPv4 CIDR (dual-stack subnets are fine).",
          s.id,
        ),
      ),
    );
  }
  for (const s of inVpc.filter(
    (x) => x.availabilityZoneId && snapshot.unsupportedAzIds.includes(x.availabilityZoneId),
  )) {
    issues.push(
      issue(
        'subnets',
        'subnet-az-unsupported',
        msg(
          'Subnet {0} is in {1} ({2}), an Availability Zone App Runner VPC connectors do not support.',
          s.id,
          s.availabilityZone,
          s.availabilityZoneId ?? '',
        ),
      ),
    );
  }
  if (subnetIds.length < 2) {
    issues.push(
      issue(
        'subnets',
        'subnets-too-few',
        msg('Choose at least two subnets in different Availability Zones (got {0}).', subnetIds.length),
      ),
    );
  } else {
    const azs = found.map((s) => s.availabilityZone);
    const repeated = azs.filter((az, i) => azs.indexOf(az) !== i);
    if (repeated.length > 0) {
      issues.push(
        issue(
          'subnets',
          'subnets-same-az',
          msg(
            'Subnets must be in distinct Availability Zones; {0} is used more than once.',
            [...new Set(repeated)].join(', '),
          ),
        ),
      );
    }
  }
  return issues;
}
