// Root hook of the sandbox layer only (.mocharc.sandbox.json lists it before hooks.js, so its afterAll runs
// while the sandbox is still up): the AWS operations the tool's own clients made during the whole layer, for
// the reliability layer's IAM policy check (test-results/aws-operations-sandbox.json).
import { writeLayerReport } from '../support/layerReports';
import { callCounts } from './support';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    const { toolOperations } = await callCounts();
    writeLayerReport('aws-operations-sandbox', { toolOperations });
  },
};
