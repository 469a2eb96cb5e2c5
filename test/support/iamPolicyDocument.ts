// The policies docs/iam-policy.json (everything the tool can do) and docs/iam-policy-readonly.json (explorer,
// diagram, Diagnose), built from the actions the code calls (iamActions.ts) and the access level AWS's Service
// Authorization Reference gives each action (iamServiceReference.json). Every write is scoped by resource ARN
// and, where the reference offers a condition key for it, by a condition: docs/iam.md explains each statement
// and how to narrow the policy to one VPC (narrowToVpc).
import {
  EXECUTION_ROLE_POLICY_ARN,
  INFRASTRUCTURE_ROLE_NAME,
  INFRASTRUCTURE_ROLE_POLICY_ARN,
} from '../../src/model/plan/expressMigration';
import { MANAGED_BY_TAG } from '../../src/model/plan/setupSettings';
import type { IamPolicy } from './iamActions';
import reference from './iamServiceReference.json';

type Statement = IamPolicy['Statement'][number];

/** The tag an administrator puts on the secrets and parameters the tool may read (docs/iam.md). */
export const READABLE_SECRET_TAG = { key: 'apprunner-vpc-readable', value: 'true' } as const;

/** The roles the move to ECS Express creates or reuses (src/model/plan/expressMigration.ts names them). */
const EXPRESS_ROLES = ['arn:aws:iam::*:role/*-ecs-task-execution', `arn:aws:iam::*:role/${INFRASTRUCTURE_ROLE_NAME}`];

const MANAGED = { [`aws:ResourceTag/${MANAGED_BY_TAG.key}`]: MANAGED_BY_TAG.value };
const REQUESTED = { [`aws:RequestTag/${MANAGED_BY_TAG.key}`]: MANAGED_BY_TAG.value };

/** The statement that grants each write action, scoped. A write the code calls without an entry here fails the build. */
const WRITE_STATEMENTS: Statement[] = [
  {
    // UpdateService has no condition key for the image or the environment; the ones it has keep the source
    // connection, auto scaling and observability as they are (the tool sends only NetworkConfiguration).
    // Narrow Resource to your service's ARN (docs/iam.md).
    Sid: 'ChangeOnlyTheServicesNetwork',
    Effect: 'Allow',
    Action: 'apprunner:UpdateService',
    Resource: ['arn:aws:apprunner:*:*:service/*/*', 'arn:aws:apprunner:*:*:vpcconnector/*/*/*'],
    Condition: {
      Null: {
        'apprunner:ConnectionArn': 'true',
        'apprunner:AutoScalingConfigurationArn': 'true',
        'apprunner:ObservabilityConfigurationArn': 'true',
      },
    },
  },
  {
    Sid: 'CreateOnlyTaggedConnectors',
    Effect: 'Allow',
    Action: 'apprunner:CreateVpcConnector',
    Resource: 'arn:aws:apprunner:*:*:vpcconnector/*/*/*',
    Condition: { StringEquals: REQUESTED },
  },
  {
    Sid: 'DeleteOnlyTheConnectorsItCreated',
    Effect: 'Allow',
    Action: 'apprunner:DeleteVpcConnector',
    Resource: 'arn:aws:apprunner:*:*:vpcconnector/*/*/*',
    Condition: { StringEquals: MANAGED },
  },
  {
    Sid: 'CreateGroupsInTheVpc',
    Effect: 'Allow',
    Action: 'ec2:CreateSecurityGroup',
    Resource: 'arn:aws:ec2:*:*:vpc/*',
  },
  {
    Sid: 'CreateOnlyTaggedGroups',
    Effect: 'Allow',
    Action: 'ec2:CreateSecurityGroup',
    Resource: 'arn:aws:ec2:*:*:security-group/*',
    Condition: { StringEquals: REQUESTED },
  },
  {
    // Tag-on-create only: the code never tags an existing resource (it has no CreateTags call of its own).
    Sid: 'TagOnlyTheGroupItCreates',
    Effect: 'Allow',
    Action: 'ec2:CreateTags',
    Resource: 'arn:aws:ec2:*:*:security-group/*',
    Condition: { StringEquals: { 'ec2:CreateAction': 'CreateSecurityGroup' } },
  },
  {
    Sid: 'EgressOnlyOfTheGroupItCreated',
    Effect: 'Allow',
    Action: ['ec2:AuthorizeSecurityGroupEgress', 'ec2:RevokeSecurityGroupEgress'],
    Resource: 'arn:aws:ec2:*:*:security-group/*',
    Condition: { StringEquals: MANAGED },
  },
  {
    // The database's group is not the tool's, so no tag can name it: narrow it with ec2:Vpc or its ARN.
    Sid: 'IngressToTheDatabaseGroup',
    Effect: 'Allow',
    Action: 'ec2:AuthorizeSecurityGroupIngress',
    Resource: 'arn:aws:ec2:*:*:security-group/*',
  },
  {
    Sid: 'TurnOnTheVpcsDns',
    Effect: 'Allow',
    Action: 'ec2:ModifyVpcAttribute',
    Resource: 'arn:aws:ec2:*:*:vpc/*',
  },
  {
    Sid: 'AppRunnerNetworkingRoleOnce',
    Effect: 'Allow',
    Action: 'iam:CreateServiceLinkedRole',
    Resource:
      'arn:aws:iam::*:role/aws-service-role/networking.apprunner.amazonaws.com/AWSServiceRoleForAppRunnerNetworking',
    Condition: { StringLike: { 'iam:AWSServiceName': 'networking.apprunner.amazonaws.com' } },
  },
  // Moving a service to ECS Express Mode (docs/migrate-to-ecs-express.md): only the two roles the move names,
  // only the two AWS managed policies, and Express services tagged as the tool's in the default cluster.
  {
    Sid: 'MoveToEcsExpressCreateItsRoles',
    Effect: 'Allow',
    Action: 'iam:CreateRole',
    Resource: EXPRESS_ROLES,
    Condition: { StringEquals: REQUESTED },
  },
  {
    Sid: 'MoveToEcsExpressAttachOnlyEcsManagedPolicies',
    Effect: 'Allow',
    Action: 'iam:AttachRolePolicy',
    Resource: EXPRESS_ROLES,
    Condition: { ArnEquals: { 'iam:PolicyARN': [EXECUTION_ROLE_POLICY_ARN, INFRASTRUCTURE_ROLE_POLICY_ARN] } },
  },
  {
    // The execution role's inline policy: read access to exactly the secrets the service references.
    Sid: 'MoveToEcsExpressSecretsPolicyOfTheExecutionRole',
    Effect: 'Allow',
    Action: 'iam:PutRolePolicy',
    Resource: 'arn:aws:iam::*:role/*-ecs-task-execution',
  },
  {
    Sid: 'MoveToEcsExpressPassItsRolesToEcs',
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: EXPRESS_ROLES,
    Condition: { StringEquals: { 'iam:PassedToService': ['ecs.amazonaws.com', 'ecs-tasks.amazonaws.com'] } },
  },
  {
    Sid: 'MoveToEcsExpressCreateTaggedServices',
    Effect: 'Allow',
    Action: 'ecs:CreateExpressGatewayService',
    Resource: 'arn:aws:ecs:*:*:service/default/*',
    Condition: { StringEquals: REQUESTED },
  },
];

/**
 * Read only when the user opts in for one command (VS Code's confirmation, the CLI's --read-secrets), and only
 * the secrets and parameters an administrator tagged (or names by ARN, docs/iam.md).
 */
const SECRET_STATEMENTS: Statement[] = [
  {
    Sid: 'ReadDatabaseUrlSecretsOnlyWhenOptedIn',
    Effect: 'Allow',
    Action: 'secretsmanager:GetSecretValue',
    Resource: 'arn:aws:secretsmanager:*:*:secret:*',
    Condition: { StringEquals: { [`aws:ResourceTag/${READABLE_SECRET_TAG.key}`]: READABLE_SECRET_TAG.value } },
  },
  {
    Sid: 'ReadDatabaseUrlParametersOnlyWhenOptedIn',
    Effect: 'Allow',
    Action: 'ssm:GetParameter',
    Resource: 'arn:aws:ssm:*:*:parameter/*',
    Condition: { StringEquals: { [`aws:ResourceTag/${READABLE_SECRET_TAG.key}`]: READABLE_SECRET_TAG.value } },
  },
];

export const SECRET_ACTIONS = ['secretsmanager:GetSecretValue', 'ssm:GetParameter'];

interface ReferenceAction {
  accessLevel: string;
  resourceTypes: { name: string; required: boolean; conditionKeys: string[] }[];
  conditionKeys: string[];
}
export const SERVICE_REFERENCE = reference as {
  source: string;
  actions: Record<string, ReferenceAction>;
  resourceTypes: Record<string, { arn: string; conditionKeys: string[] }>;
};

/** Read and List access in the reference: the actions the read-only policy holds. */
export function isReadAction(action: string): boolean {
  const level = SERVICE_REFERENCE.actions[action]?.accessLevel;
  if (!level)
    throw new Error(`${action} is not in test/support/iamServiceReference.json: run scripts/iam-reference-extract.mjs`);
  return level === 'Read' || level === 'List';
}

export function readOnlyPolicy(actions: readonly string[]): IamPolicy {
  const read = actions.filter((a) => isReadAction(a) && !SECRET_ACTIONS.includes(a));
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'ReadTopologyAndLogs', Effect: 'Allow', Action: read, Resource: '*' }],
  };
}

export function fullPolicy(actions: readonly string[]): IamPolicy {
  const writes = actions.filter((a) => !isReadAction(a) && !SECRET_ACTIONS.includes(a));
  const granted = (s: Statement): string[] => [s.Action].flat();
  const unscoped = writes.filter((a) => !WRITE_STATEMENTS.some((s) => granted(s).includes(a)));
  if (unscoped.length > 0)
    throw new Error(`no scoped statement for ${unscoped.join(', ')} (test/support/iamPolicyDocument.ts)`);
  const used = (s: Statement): boolean => granted(s).every((a) => actions.includes(a));
  return {
    Version: '2012-10-17',
    Statement: [
      ...readOnlyPolicy(actions).Statement,
      ...WRITE_STATEMENTS.filter(used),
      ...SECRET_STATEMENTS.filter(used),
    ],
  };
}

export interface VpcScope {
  region: string;
  account: string;
  vpcId: string;
}

/**
 * The policy for one VPC of one account in one region: every ARN pattern gets the region and account, the VPC
 * statements name the VPC, and the security group statements carry `ec2:Vpc` (AWS evaluates it for
 * Authorize/Revoke on a group), so no group of another VPC can be changed.
 */
export function narrowToVpc(policy: IamPolicy, scope: VpcScope): IamPolicy {
  const vpcArn = `arn:aws:ec2:${scope.region}:${scope.account}:vpc/${scope.vpcId}`;
  const arn = (r: string): string =>
    r === '*'
      ? r
      : r
          .replace(/^arn:aws:(apprunner|ec2|secretsmanager|ssm):\*:\*:/, `arn:aws:$1:${scope.region}:${scope.account}:`)
          .replace(/^arn:aws:iam::\*:/, `arn:aws:iam::${scope.account}:`)
          .replace(/:vpc\/\*$/, `:vpc/${scope.vpcId}`);
  return {
    ...policy,
    Statement: policy.Statement.map((s) => {
      const Resource = Array.isArray(s.Resource) ? s.Resource.map(arn) : arn(s.Resource);
      const changesGroups = [s.Action].flat().some((a) => /^ec2:(Authorize|Revoke)SecurityGroup/.test(a));
      if (!changesGroups) return { ...s, Resource };
      return { ...s, Resource, Condition: { ...(s.Condition ?? {}), ArnEquals: { 'ec2:Vpc': vpcArn } } };
    }),
  };
}

/** Writes granted on every resource with no condition (the figure policyWildcardWrites). */
export function wildcardWrites(policy: IamPolicy): string[] {
  return policy.Statement.filter(
    (s) => s.Effect === 'Allow' && [s.Resource].flat().includes('*') && !s.Condition,
  ).flatMap((s) => [s.Action].flat().filter((a) => !isReadAction(a) || SECRET_ACTIONS.includes(a)));
}
