// Root hook of the sandbox layer only (.mocharc.sandbox.json lists it before hooks.js, so its afterAll runs
// while the sandbox is still up): the AWS operations the tool's own clients made during the whole layer, for
// the reliability layer's IAM policy check (test-results/aws-operations-sandbox.json).
// When npm test runs the layer in shards (scripts/test.mjs), each shard writes its own part and the runner adds
// them up into the one report.
import { writeLayerReport, writeShardReport } from '../support/layerReports';
import { callCounts } from './support';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    const { toolOperations } = await callCounts();
    const shard = process.env.APPRUNNER_VPC_TEST_SHARD;
    if (shard) writeShardReport('aws-operations-sandbox', shard, { toolOperations });
    else writeLayerReport('aws-operations-sandbox', { toolOperations });
  },
};
