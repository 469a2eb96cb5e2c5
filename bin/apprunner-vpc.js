#!/usr/bin/env node
// The `apprunner-vpc` command: the bundled CLI (built from src/cli/index.ts by the build script).
'use strict';
require('../dist/cli.js');
