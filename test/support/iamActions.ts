// Which IAM actions a piece of TypeScript source can call, read from how it uses the AWS SDK: each
// `XCommand` or `paginateX` imported from `@aws-sdk/client-<service>` is the action `<prefix>:X`.
// The README's least-privilege policy (docs/iam-policy.json) is checked against this.

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
};

/**
 * Actions called only when the user opts in for one command (reading a DATABASE_URL held in a secret: VS Code's
 * confirmation, the CLI's --read-secrets). The policy keeps them in their own statement, so an administrator
 * can leave it out and everything else still works (the diagnosis then names the secret it could not read).
 */
export const OPT_IN_STATEMENT: Statement = {
  Sid: 'ReadDatabaseUrlSecretsOnlyWhenOptedIn',
  Effect: 'Allow',
  Action: ['secretsmanager:GetSecretValue', 'ssm:GetParameter'],
  Resource: '*',
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
// its networking service-linked role, which the caller must be allowed to create.
const IMPLIED: Record<string, string[]> = {
  'ec2:CreateSecurityGroup': ['ec2:CreateTags'],
  'apprunner:CreateVpcConnector': ['iam:CreateServiceLinkedRole'],
};

type Statement = IamPolicy['Statement'][number];

/** Implied actions that must not be granted on every resource: their statement, scoped. */
export const SCOPED_STATEMENTS: Record<string, Statement> = {
  // Tag-on-create only: the code never tags an existing resource (it has no CreateTags call of its own), so
  // the principal must not be able to retag any EC2 resource.
  'ec2:CreateTags': {
    Sid: 'TagOnlyTheGroupItCreates',
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: 'arn:aws:ec2:*:*:security-group/*',
    Condition: { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' } },
  },
  'iam:CreateServiceLinkedRole': {
    Sid: 'AppRunnerNetworkingRoleOnce',
    Effect: 'Allow',
    Action: 'iam:CreateServiceLinkedRole',
    Resource:
      'arn:aws:iam::*:role/aws-service-role/networking.apprunner.amazonaws.com/AWSServiceRoleForAppRunnerNetworking',
    Condition: { StringLike: { 'iam:AWSServiceName': 'networking.apprunner.amazonaws.com' } },
  },
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
    Condition?: Record<string, Record<string, string>>;
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
