// Which IAM actions a piece of TypeScript source can call, read from how it uses the AWS SDK: each
// `XCommand` or `paginateX` imported from `@aws-sdk/client-<service>` is the action `<prefix>:X`.
// The least-privilege policy (docs/iam-policy.json, built by iamPolicyDocument.ts) is checked against this.

const IAM_PREFIX: Record<string, string> = {
  apprunner: 'apprunner',
  ec2: 'ec2',
  rds: 'rds',
  sts: 'sts',
  cloudwatch: 'cloudwatch',
  'cloudwatch-logs': 'logs',
  'secrets-manager': 'secretsmanager',
  ssm: 'ssm',
  cloudtrail: 'cloudtrail',
  'route-53': 'route53',
  ecs: 'ecs',
  iam: 'iam',
};

const IMPORT = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*['"]@aws-sdk\/client-([a-z0-9-]+)['"]/g;

export function iamActionsInSource(source: string): string[] {
  const actions = new Set<string>();
  for (const match of source.matchAll(IMPORT)) {
    if (/^import\s+type/.test(match[0])) continue;
    const prefix = IAM_PREFIX[match[2]];
    if (!prefix) throw new Error(`no IAM prefix known for @aws-sdk/client-${match[2]}`);
    for (const raw of match[1].split(',')) {
      const name = raw
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0];
      if (raw.trim().startsWith('type ')) continue;
      const command = /^([A-Z][A-Za-z0-9]+)Command$/.exec(name)?.[1] ?? /^paginate([A-Z][A-Za-z0-9]+)$/.exec(name)?.[1];
      if (command) actions.add(`${prefix}:${command}`);
    }
  }
  return [...actions].sort();
}

// Actions AWS authorises alongside another one: tagging a security group in CreateSecurityGroup's
// TagSpecifications is checked as ec2:CreateTags; the first VPC connector in an account makes App Runner create
// its networking service-linked role, which the caller must be allowed to create; an Express service takes
// its roles by iam:PassRole.
const IMPLIED: Record<string, string[]> = {
  'ec2:CreateSecurityGroup': ['ec2:CreateTags'],
  'apprunner:CreateVpcConnector': ['iam:CreateServiceLinkedRole'],
  // CreateExpressGatewayService hands ECS the execution and infrastructure roles: the caller must pass them.
  'ecs:CreateExpressGatewayService': ['iam:PassRole'],
};

export function withImpliedActions(actions: readonly string[]): string[] {
  return [...new Set(actions.flatMap((a) => [a, ...(IMPLIED[a] ?? [])]))].sort();
}

export interface IamPolicy {
  Version: string;
  Statement: {
    Sid?: string;
    Effect: string;
    Action: string | string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
  }[];
}

export function actionsInPolicy(policy: IamPolicy): string[] {
  return [
    ...new Set(
      policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) =>
        Array.isArray(s.Action) ? s.Action : [s.Action],
      ),
    ),
  ].sort();
}
