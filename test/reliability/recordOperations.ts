// Root hook of the reliability layer (.mocharc.reliability.json lists it before the sandbox's hooks.js, so its
// afterAll runs while the sandbox is still up): the AWS operations the tool's own clients made during the layer,
// for the audit's IAM policy check (test-results/aws-operations-reliability.json, `npm run test:audit`).
import { writeLayerReport } from '../support/layerReports';
import { callCounts } from '../sandbox/support';

export const mochaHooks = {
  async afterAll(): Promise<void> {
    const { toolOperations } = await callCounts();
    writeLayerReport('aws-operations-reliability', { toolOperations });
  },
};
