// The local AWS every test layer above unit talks to: the project's sandbox (sandbox/), started on a free
// loopback port. Credentials are placeholders written to a throwaway config, never the user's ~/.aws.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Sandbox, SandboxOptions } from '../../sandbox/index';

export interface LocalAws {
  endpoint: string;
  adminUrl?: string;
  sandbox?: Sandbox;
  stop(): Promise<void>;
}

export async function startLocalAws(options: SandboxOptions = {}): Promise<LocalAws> {
  // Debugging against an already running `npm run sandbox`: its endpoint in the environment is used as is.
  const running = process.env.APPRUNNER_VPC_TEST_ENDPOINT;
  if (running) return { endpoint: running, adminUrl: `${running}/_sandbox`, stop: async () => undefined };
  const { startSandbox } = require('../../sandbox/index') as typeof import('../../sandbox/index');
  const sandbox = await startSandbox({ port: 0, seed: 'runbook', operationDelayMs: 1500, quiet: true, ...options });
  return { endpoint: sandbox.endpoint, adminUrl: sandbox.adminUrl, sandbox, stop: () => sandbox.stop() };
}

export const TEST_SECRET_ACCESS_KEY = 'testingSecretAccessKeyDoNotLog0123456789';
export const TEST_SESSION_TOKEN = 'testingSessionTokenDoNotLogFwoGZXIvYXdzEJr0123456789';

/** Environment for processes that should see the sandbox credentials (and nothing of the real ~/.aws). */
export function testAwsEnvironment(workDir: string): NodeJS.ProcessEnv {
  const awsDir = path.join(workDir, 'aws');
  mkdirSync(awsDir, { recursive: true });
  writeFileSync(
    path.join(awsDir, 'config'),
    '[default]\nregion = ap-northeast-1\n\n[profile sandbox]\nregion = ap-northeast-1\n\n[profile tokyo-sso]\nsso_session = campus\nsso_account_id = 123456789012\nsso_role_name = Developer\nregion = ap-northeast-1\n',
  );
  writeFileSync(
    path.join(awsDir, 'credentials'),
    `[sandbox]\naws_access_key_id = AKIATESTSANDBOX00001\naws_secret_access_key = ${TEST_SECRET_ACCESS_KEY}\n`,
  );
  return {
    AWS_ACCESS_KEY_ID: 'ASIATESTSESSION00001',
    AWS_SECRET_ACCESS_KEY: TEST_SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: TEST_SESSION_TOKEN,
    AWS_CONFIG_FILE: path.join(awsDir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
    AWS_PROFILE: undefined,
    AWS_DEFAULT_PROFILE: undefined,
    AWS_REGION: undefined,
    AWS_DEFAULT_REGION: undefined,
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
