// `npm run iam-policy`: rewrites docs/iam-policy.json (everything the extension and CLI can do) and
// docs/iam-policy-readonly.json (explorer, diagram, Diagnose) from the SDK commands the code uses (src/aws,
// src/engine, src/cli). A unit test fails when the files and the code disagree.
// `npm run iam-policy -- --vpc vpc-0abc --region ap-northeast-1 --account 123456789012` prints the policy
// narrowed to that VPC instead (docs/iam.md).
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
const require = createRequire(import.meta.url);
const { iamActionsInSource, withImpliedActions } = require('../out/test/support/iamActions.js');
const { fullPolicy, readOnlyPolicy, narrowToVpc } = require('../out/test/support/iamPolicyDocument.js');
const { sourceFiles } = require('../out/test/support/sourceFiles.js');
const { values } = parseArgs({
  options: { vpc: { type: 'string' }, region: { type: 'string' }, account: { type: 'string' } },
});
const actions = withImpliedActions(
  sourceFiles('src/aws', 'src/engine', 'src/cli').flatMap((f) => iamActionsInSource(f.text)),
);
const json = (policy) => `${JSON.stringify(policy, null, 2)}\n`;
if (values.vpc) {
  if (!values.region || !values.account) throw new Error('--vpc needs --region and --account');
  process.stdout.write(
    json(narrowToVpc(fullPolicy(actions), { vpcId: values.vpc, region: values.region, account: values.account })),
  );
} else {
  writeFileSync('docs/iam-policy.json', json(fullPolicy(actions)));
  writeFileSync('docs/iam-policy-readonly.json', json(readOnlyPolicy(actions)));
  console.log(`docs/iam-policy.json: ${actions.length} actions`);
}
