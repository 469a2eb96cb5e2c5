// The tags infrastructure-as-code tools leave on what they create, so seeds can look IaC-owned.
import { createHash } from 'node:crypto';
import type { TagMap } from './build';

export const ACCOUNT_ID = '123456789012';

/**
 * The three tags CloudFormation itself puts on every taggable resource of a stack. AWS refuses `aws:` keys
 * from users (CreateTags, TagResource); the seeds set them by talking to moto and the emulator directly.
 */
export function cloudFormationTags(stackName: string, logicalId: string, region = 'ap-northeast-1'): TagMap {
  const stackUuid = uuidFrom(stackName);
  return {
    'aws:cloudformation:stack-name': stackName,
    'aws:cloudformation:logical-id': logicalId,
    'aws:cloudformation:stack-id': `arn:aws:cloudformation:${region}:${ACCOUNT_ID}:stack/${stackName}/${stackUuid}`,
  };
}

/** A CDK-style logical id: the construct path without separators plus 8 hex digits of its hash. */
export function cdkLogicalId(path: string): string {
  return path.replace(/[^A-Za-z0-9]/g, '') + hash(path).slice(0, 8).toUpperCase();
}

/** A stable uuid-shaped id from a name (the same seed gives the same ids on every reset). */
function uuidFrom(name: string): string {
  const h = hash(name);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function hash(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

/** The tags a Terraform configuration typically sets through `default_tags` or the module's `tags`. */
export function terraformTags(extra: TagMap = {}): TagMap {
  return { ManagedBy: 'terraform', Terraform: 'true', ...extra };
}
