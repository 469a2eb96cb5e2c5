// CreateSecurityGroup's documented constraints that moto does not enforce (botocore's EC2 model,
// CreateSecurityGroupRequest: "Up to 255 characters in length. Can't start with sg-. Valid characters: a-z,
// A-Z, 0-9, spaces, and ._-:/()#,@[]+=&;{}!$*", and "Names are case-insensitive and must be unique within
// the VPC"). Each rule answers with the code AWS sends; the messages follow AWS's wording.
import type { StrictError } from './strictError';

/** The character set botocore's EC2 model documents for group names, group descriptions and rule descriptions. */
export const EC2_TEXT_CHARS = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]*$/;
const ALLOWED_TEXT = 'a-zA-Z0-9. _-:/()#,@[]+=&;{}!$*';
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

const invalid = (message: string): StrictError => ({ code: 'InvalidParameterValue', message });

export function checkGroupName(name: string | null): StrictError | undefined {
  if (name === null || name === '')
    return { code: 'MissingParameter', message: 'The request must contain the parameter GroupName' };
  if (/^sg-/i.test(name))
    return invalid(`Value (${name}) for parameter GroupName is invalid. Group names may not be in the format sg-*.`);
  if (!ASCII.test(name))
    return invalid(
      `Value (${name}) for parameter GroupName is invalid. Character sets beyond ASCII are not supported.`,
    );
  if (name.length > 255 || !EC2_TEXT_CHARS.test(name)) {
    return invalid(
      `Invalid security group name. Valid names are strings less than 256 characters from the following set: ${ALLOWED_TEXT}`,
    );
  }
  return undefined;
}

export function checkGroupDescription(description: string | null): StrictError | undefined {
  // A missing description is moto's to refuse (it does, with MissingParameter).
  if (description === null || description === '') return undefined;
  if (!ASCII.test(description)) {
    return invalid(
      `Value (${description}) for parameter GroupDescription is invalid. Character sets beyond ASCII are not supported.`,
    );
  }
  if (description.length > 255 || !EC2_TEXT_CHARS.test(description)) {
    return invalid(
      `Invalid security group description. Valid descriptions are strings less than 256 characters from the following set: ${ALLOWED_TEXT}`,
    );
  }
  return undefined;
}

/** moto compares names case-sensitively; EC2 does not. `existing` are the names already in the VPC. */
export function checkGroupNameUnique(
  name: string,
  vpcId: string,
  existing: readonly string[],
): StrictError | undefined {
  const clash = existing.find((n) => n.toLowerCase() === name.toLowerCase());
  if (clash === undefined) return undefined;
  return { code: 'InvalidGroup.Duplicate', message: `The security group '${name}' already exists for VPC '${vpcId}'` };
}

export { ALLOWED_TEXT };
