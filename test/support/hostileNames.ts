// Names an attacker could put where the exported script shows them: a workspace's settings (group and
// connector names, health paths), tags and names read from the account. CANARY stands for a file path: if any
// of these ever runs, the file appears. Shared by the unit and sandbox tests and the reliability figures.

export const CANARY = '@CANARY@';

export const HOSTILE_NAMES: readonly string[] = [
  `evil\ntouch ${CANARY}`,
  `evil\r\ntouch ${CANARY}`,
  `evil\rtouch ${CANARY}`,
  `evil\u2028touch ${CANARY}`,
  `evil\u2029touch ${CANARY}`,
  `evil\u0085touch ${CANARY}`,
  `evil\u000btouch ${CANARY}\u000c`,
  `$(touch ${CANARY})`,
  `\`touch ${CANARY}\``,
  `'; touch ${CANARY}; '`,
  `"; touch ${CANARY}; "`,
  `x' $(touch ${CANARY}) 'y`,
  `x" \`touch ${CANARY}\` "y`,
  `\${IFS}touch\${IFS}${CANARY}`,
  `a\\\ntouch ${CANARY}`,
  `; touch ${CANARY} #`,
  `&& touch ${CANARY} ||`,
  `| tee ${CANARY}`,
  `> ${CANARY}`,
  `\u001b]0;pwned\u0007\u001b[2J$(touch ${CANARY})`,
  `evil\u0000touch ${CANARY}`,
  `}; touch ${CANARY}; {`,
];

/** Every string field of the exported script's input that a hostile name can reach. */
export const HOSTILE_FIELDS = [
  'serviceName',
  'connectorName',
  'appRunnerSecurityGroupName',
  'dbInstanceId',
  'healthCheckPath',
  'dbHealthPath',
  'vpcId',
  'dbSecurityGroupId',
  'serviceArn',
  'subnetIds',
  'dbSecurityGroupName',
  'generatedAt',
  'region',
  'accountId',
] as const;

export type HostileField = (typeof HOSTILE_FIELDS)[number];

export function withCanary(name: string, canaryPath: string): string {
  return name.split(CANARY).join(canaryPath);
}
