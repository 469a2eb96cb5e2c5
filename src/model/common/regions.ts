import { type Localized, msg } from '../l10n/text';
// Regions where AWS App Runner is offered (AWS General Reference, "AWS App Runner endpoints and quotas").
export interface RegionInfo {
  code: string;
  name: string;
}

export const APP_RUNNER_REGIONS: readonly RegionInfo[] = [
  { code: 'us-east-1', name: 'US East (N. Virginia)' },
  { code: 'us-east-2', name: 'US East (Ohio)' },
  { code: 'us-west-2', name: 'US West (Oregon)' },
  { code: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { code: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { code: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { code: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { code: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { code: 'eu-west-1', name: 'Europe (Ireland)' },
  { code: 'eu-west-2', name: 'Europe (London)' },
  { code: 'eu-west-3', name: 'Europe (Paris)' },
];

export function offersAppRunner(region: string): boolean {
  return APP_RUNNER_REGIONS.some((r) => r.code === region);
}

/**
 * A warning, not a refusal, for a region missing from the list above: the list is what AWS documented when
 * it was written, so App Runner's own answer decides (a region AWS adds later works without an update).
 */
export function regionNotListedWarning(region: string): Localized | undefined {
  if (offersAppRunner(region)) return undefined;
  return msg(
    "warning: App Runner is not offered in {0} as far as this version knows; trying anyway (App Runner's own answer decides).",
    region,
  );
}
