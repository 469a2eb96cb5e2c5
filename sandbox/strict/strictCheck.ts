// The sandbox as strict as AWS (docs/design.md, 'As strict as AWS'): EC2 calls that moto would accept but AWS refuses are
// answered here, before moto sees them, with AWS's error code (docs/sandbox.md lists each rule and its source).
import { DescribeSecurityGroupsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { checkGroupDescription, checkGroupName, checkGroupNameUnique } from './groupRules';
import { checkCidrFamilies, checkPortRanges, checkRuleDescriptions } from './permissionRules';
import { requestedPermissions } from './queryParams';
import type { StrictError } from './strictError';

export type { StrictError } from './strictError';

/** Names of the groups in a VPC, read straight from moto (not counted, no faults). */
async function groupNamesIn(ec2: EC2Client, vpcId: string): Promise<string[]> {
  const out = await ec2.send(new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpcId] }] }));
  return (out.SecurityGroups ?? []).map((g) => g.GroupName ?? '');
}

async function createSecurityGroup(params: URLSearchParams, ec2: () => EC2Client): Promise<StrictError | undefined> {
  const name = params.get('GroupName');
  const invalid = checkGroupName(name) ?? checkGroupDescription(params.get('GroupDescription'));
  if (invalid) return invalid;
  const vpcId = params.get('VpcId');
  // Without a VpcId the group goes to the default VPC; moto's own (exact-name) duplicate check covers that case.
  if (!vpcId || name === null) return undefined;
  return checkGroupNameUnique(name, vpcId, await groupNamesIn(ec2(), vpcId));
}

/**
 * The strict answer to an EC2 call, or undefined to pass it on to moto. `params` is the query form (body or URL);
 * `ec2` gives a client straight to moto in the call's region, for the rules that need the account's state.
 */
export async function strictEc2Error(
  operation: string,
  params: URLSearchParams,
  ec2: () => EC2Client,
): Promise<StrictError | undefined> {
  switch (operation) {
    case 'CreateSecurityGroup':
      return createSecurityGroup(params, ec2);
    case 'AuthorizeSecurityGroupIngress':
    case 'AuthorizeSecurityGroupEgress': {
      const permissions = requestedPermissions(params);
      return checkPortRanges(permissions) ?? checkRuleDescriptions(permissions);
    }
    case 'RevokeSecurityGroupIngress':
    case 'RevokeSecurityGroupEgress':
      return checkCidrFamilies(requestedPermissions(params));
    default:
      return undefined;
  }
}
