// A small evaluator of identity policies, enough for the conditions docs/iam-policy.json uses (String*, Arn*,
// Null; AWS's "Policy evaluation logic" and "IAM JSON policy elements: Condition operators"): a request is
// allowed when no statement denies it and, for each resource it touches, an Allow statement matches the action,
// that resource, and all of its conditions over the request's context keys.
import type { IamPolicy } from './iamActions';

export interface IamRequest {
  action: string;
  /** The resources AWS authorises the call against, each with its resource-specific keys (aws:ResourceTag/..., ec2:Vpc). */
  resources: { arn: string; keys?: Record<string, string> }[];
  /** Request keys (aws:RequestTag/..., ec2:CreateAction, apprunner:VpcConnectorArn). */
  keys?: Record<string, string>;
}

type Statement = IamPolicy['Statement'][number];

function glob(pattern: string, value: string, caseInsensitive = false): boolean {
  const re = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${re}$`, caseInsensitive ? 'i' : '').test(value);
}

function lookup(keys: Record<string, string>, key: string): string | undefined {
  const found = Object.keys(keys).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : keys[found];
}

function conditionHolds(operator: string, key: string, expected: string[], keys: Record<string, string>): boolean {
  const actual = lookup(keys, key);
  if (operator === 'Null') return expected.some((e) => (e === 'true') === (actual === undefined));
  if (actual === undefined) return false;
  switch (operator) {
    case 'StringEquals':
    case 'ArnEquals':
      return expected.includes(actual);
    case 'StringLike':
    case 'ArnLike':
      return expected.some((e) => glob(e, actual));
    default:
      throw new Error(`condition operator ${operator} is not evaluated here`);
  }
}

function matches(s: Statement, action: string, arn: string, keys: Record<string, string>): boolean {
  if (![s.Action].flat().some((a) => glob(a, action, true))) return false;
  if (![s.Resource].flat().some((r) => glob(r, arn))) return false;
  return Object.entries(s.Condition ?? {}).every(([operator, block]) =>
    Object.entries(block).every(([key, value]) => conditionHolds(operator, key, [value].flat(), keys)),
  );
}

export function isAllowed(policy: IamPolicy, request: IamRequest): boolean {
  const resources = request.resources.length > 0 ? request.resources : [{ arn: '*' }];
  return resources.every((r) => {
    const keys = { ...(request.keys ?? {}), ...(r.keys ?? {}) };
    const relevant = policy.Statement.filter((s) => matches(s, request.action, r.arn, keys));
    return relevant.some((s) => s.Effect === 'Allow') && !relevant.some((s) => s.Effect === 'Deny');
  });
}
