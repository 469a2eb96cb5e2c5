// Installs the optional test dependencies (without changing package.json or the lockfile): aws-cdk-lib and
// constructs, to compile the CDK export with tsc and synthesize it. They add about 40 s to `npm ci` on the
// development machine, so `npm ci` leaves them out; the tests that need them skip naming this script, and
// .ci/run calls it. Versions pinned here so CI checks against a known aws-cdk-lib.
import { execFileSync } from 'node:child_process';

const OPTIONAL = ['aws-cdk-lib@2.276.0', 'constructs@10.8.1'];
execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', ...OPTIONAL], { stdio: 'inherit' });
