// `npm run iam-policy`: rewrites docs/iam-policy.json (the one copy; docs/iam.md links it) from the SDK commands the extension and CLI use
// (src/aws, src/engine, src/cli). A unit test fails when the file and the code disagree.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
const require = createRequire(import.meta.url);
const {
  iamActionsInSource,
  withImpliedActions,
  SCOPED_STATEMENTS,
  OPT_IN_STATEMENT,
} = require('../out/test/support/iamActions.js');
const { sourceFiles } = require('../out/test/support/sourceFiles.js');
const actions = withImpliedActions(
  sourceFiles('src/aws', 'src/engine', 'src/cli').flatMap((f) => iamActionsInSource(f.text)),
);
const optIn = actions.filter((a) => OPT_IN_STATEMENT.Action.includes(a));
const read = actions.filter((a) => /:(Describe|List|Get|Filter)/.test(a) && !optIn.includes(a));
const scoped = actions.filter((a) => SCOPED_STATEMENTS[a]);
const write = actions.filter((a) => !read.includes(a) && !scoped.includes(a) && !optIn.includes(a));
const policy = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadTopologyAndLogs', Effect: 'Allow', Action: read, Resource: '*' },
    { Sid: 'ApplyTheRunbook', Effect: 'Allow', Action: write, Resource: '*' },
    ...scoped.map((a) => SCOPED_STATEMENTS[a]),
    ...(optIn.length > 0 ? [{ ...OPT_IN_STATEMENT, Action: optIn }] : []),
  ],
};
writeFileSync('docs/iam-policy.json', `${JSON.stringify(policy, null, 2)}\n`);
console.log(`docs/iam-policy.json: ${actions.length} actions`);
