// Input rules checked before anything is planned, so a bad name or subnet choice fails with one clear
// sentence (en/ja) instead of an AWS error halfway through a setup.
import type { Localized } from '../common/awsError';
import type { Subnet, Topology } from '../topology/topology';

export type IssueField = 'service' | 'dbInstance' | 'subnets' | 'connectorName' | 'securityGroupName' | 'port' | 'path';

export interface ValidationIssue {
  field: IssueField;
  code: string;
  message: Localized;
}

function issue(field: IssueField, code: string, en: string, ja: string): ValidationIssue {
  return { field, code, message: { en, ja } };
}

// App Runner's CreateVpcConnector pattern: 4 to 40 characters, letters, digits, '-' and '_', not starting with a symbol.
const CONNECTOR_NAME = /^[A-Za-z0-9][A-Za-z0-9\-_]{3,39}$/;

export function validateConnectorName(name: string): ValidationIssue[] {
  if (CONNECTOR_NAME.test(name)) return [];
  return [
    issue(
      'connectorName',
      'connector-name-invalid',
      `Invalid connector name "${name}": use 4 to 40 letters, digits, "-" or "_", starting with a letter or digit.`,
      `VPC Connector 名「${name}」は無効です。英数字・「-」・「_」の 4〜40 文字で、先頭は英数字にしてください。`,
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
        `Invalid security group name "${name}": EC2 refuses names starting with "sg-". Use a name such as "apprunner-connector"; the runbook's "${name}" can be the group's Name tag (setting appRunnerSecurityGroupNameTag).`,
        `セキュリティグループ名「${name}」は無効です。EC2 は「sg-」で始まる名前を受け付けません。「apprunner-connector」などの名前を使ってください。手順書の「${name}」はグループの Name タグにできます（設定 appRunnerSecurityGroupNameTag）。`,
      ),
    ];
  }
  if (GROUP_NAME.test(name)) return [];
  return [
    issue(
      'securityGroupName',
      'security-group-name-invalid',
      `Invalid security group name "${name}": 1 to 255 characters (letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*).`,
      `セキュリティグループ名「${name}」は無効です。1〜255 文字（英数字・空白・._-:/()#,@[]+=&;{}!$*）にしてください。`,
    ),
  ];
}

export function validatePort(port: number): ValidationIssue[] {
  if (Number.isInteger(port) && port >= 1 && port <= 65535) return [];
  return [
    issue(
      'port',
      'port-out-of-range',
      `Invalid port ${String(port)}: use a whole number from 1 to 65535.`,
      `ポート ${String(port)} は無効です。1〜65535 の整数を指定してください。`,
    ),
  ];
}

export function validateHealthPath(path: string): ValidationIssue[] {
  if (/^\/[^\s]*$/.test(path)) return [];
  return [
    issue(
      'path',
      'path-invalid',
      `Invalid health check path "${path}": it must start with "/" and contain no spaces.`,
      `ヘルスチェックパス「${path}」は無効です。「/」で始まり空白を含まないパスにしてください。`,
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
        issue(
          'subnets',
          'subnet-unknown',
          `Subnet ${id} was not found in ${vpcId} in ${snapshot.region}.`,
          `サブネット ${id} が ${snapshot.region} の ${vpcId} に見つかりません。`,
        ),
      );
    } else found.push(subnet);
  }
  for (const s of found.filter((x) => x.vpcId !== vpcId)) {
    issues.push(
      issue(
        'subnets',
        'subnet-other-vpc',
        `Subnet ${s.id} is in ${s.vpcId}, not in the database's VPC ${vpcId}.`,
        `サブネット ${s.id} は ${s.vpcId} にあり、データベースの VPC ${vpcId} ではありません。`,
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
        `Subnet ${s.id} is public (its route table sends traffic to an internet gateway): App Runner egress through it has no public IP and so no internet. Choose private subnets routed to a NAT gateway.`,
        `サブネット ${s.id} はパブリックです（ルートテーブルがインターネットゲートウェイ向け）。App Runner の送信はパブリック IP を持たないためインターネットに出られません。NAT ゲートウェイ経由のプライベートサブネットを選んでください。`,
      ),
    );
  }
  for (const s of inVpc.filter((x) => x.ipv6Native === true)) {
    issues.push(
      issue(
        'subnets',
        'subnet-ipv6-only',
        `Subnet ${s.id} is IPv6-only: a VPC connector's interfaces need IPv4 addresses. Choose subnets with an IPv4 CIDR (dual-stack subnets are fine).`,
        `サブネット ${s.id} は IPv6 専用です。VPC Connector のインターフェイスには IPv4 アドレスが必要です。IPv4 CIDR のあるサブネット（デュアルスタック可）を選んでください。`,
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
        `Subnet ${s.id} is in ${s.availabilityZone} (${s.availabilityZoneId ?? ''}), an Availability Zone App Runner VPC connectors do not support.`,
        `サブネット ${s.id} の AZ ${s.availabilityZone}（${s.availabilityZoneId ?? ''}）は App Runner の VPC Connector が対応していません。`,
      ),
    );
  }
  if (subnetIds.length < 2) {
    issues.push(
      issue(
        'subnets',
        'subnets-too-few',
        `Choose at least two subnets in different Availability Zones (got ${subnetIds.length}).`,
        `異なる AZ のサブネットを 2 つ以上選択してください（指定: ${subnetIds.length} 個）。`,
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
          `Subnets must be in distinct Availability Zones; ${[...new Set(repeated)].join(', ')} is used more than once.`,
          `サブネットは異なる AZ にしてください。${[...new Set(repeated)].join(', ')} が重複しています。`,
        ),
      );
    }
  }
  return issues;
}
