// Identifiers and ARNs in App Runner's formats: service ids and connector ids are 32 hex characters,
// operation ids are UUIDs.
import { randomBytes, randomUUID } from 'node:crypto';

export const ACCOUNT_ID = '123456789012';

export function hexId(): string {
  return randomBytes(16).toString('hex');
}

export function operationId(): string {
  return randomUUID();
}

export function serviceArn(region: string, name: string, id: string): string {
  return `arn:aws:apprunner:${region}:${ACCOUNT_ID}:service/${name}/${id}`;
}

export function connectorArn(region: string, name: string, revision: number, id: string): string {
  return `arn:aws:apprunner:${region}:${ACCOUNT_ID}:vpcconnector/${name}/${revision}/${id}`;
}

export function ingressConnectionArn(region: string, name: string, id: string): string {
  return `arn:aws:apprunner:${region}:${ACCOUNT_ID}:vpcingressconnection/${name}/${id}`;
}

export function defaultAutoScalingArn(region: string): string {
  return `arn:aws:apprunner:${region}:${ACCOUNT_ID}:autoscalingconfiguration/DefaultConfiguration/1/00000000000000000000000000000001`;
}

/** Region of an App Runner ARN, so a call in one region cannot see another region's resources. */
export function arnRegion(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[2] === 'apprunner' ? parts[3] : undefined;
}
