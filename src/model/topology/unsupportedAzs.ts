// Availability Zone ids where App Runner does not offer VPC connectors. The loader copies this list into each
// snapshot (Topology.unsupportedAzIds) so validators and diagnosis stay pure; extend it as AWS documents more.
export const KNOWN_UNSUPPORTED_AZ_IDS: readonly string[] = ['use1-az3'];
