// `npm run package`: a .vsix holding only the bundled files (everything is bundled, so no dependencies).
import { execSync } from 'node:child_process';
execSync('node scripts/build.mjs', { stdio: 'inherit' });
execSync(
  'npx vsce package --no-dependencies --allow-missing-repository --skip-license --no-rewrite-relative-links -o apprunner-vpc.vsix',
  { stdio: 'inherit' },
);
execSync('npx vsce ls --no-dependencies', { stdio: 'inherit' });
