// Plain types for a parsed apprunner.yaml: the values App Runner reads, each with the range it came from,
// and the problems found. No vscode here: ranges are zero-based so the editor side maps them 1:1 to
// vscode.Range (columns are UTF-16 code units, like JavaScript string offsets and VS Code positions).
import type { Localized } from '../common/awsError';

export type { Localized };

export interface TextRange {
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** Stable identifiers; tests, quick fixes and docs rely on them. */
export type ProblemCode =
  | 'yaml-syntax'
  | 'yaml-duplicate-key'
  | 'yaml-warning'
  | 'empty-file'
  | 'wrong-type'
  | 'missing-key'
  | 'empty-value'
  | 'unknown-key'
  | 'unsupported-version'
  | 'unknown-runtime'
  | 'runtime-end-of-support'
  | 'invalid-runtime-version'
  | 'pre-run-not-supported'
  | 'invalid-port'
  | 'port-mismatch-command'
  | 'invalid-env-name'
  | 'reserved-env-name'
  | 'duplicate-env-name'
  | 'plaintext-secret'
  | 'invalid-secret-reference'
  | 'secret-parameter-name';

export interface Problem {
  code: ProblemCode;
  severity: Severity;
  message: Localized;
  range: TextRange;
  /** The key path the problem is about, dotted (`run.env[1].name`), when there is one. */
  path?: string;
}

/** A value read from the file and where it is. */
export interface Located<T> {
  value: T;
  range: TextRange;
}

export interface EnvEntry {
  name?: Located<string>;
  value?: Located<string>;
  /** The whole list item. */
  range: TextRange;
}

export type SecretReference =
  | { kind: 'secretsmanager-arn'; partition: string; region: string; accountId: string; secretName: string }
  | { kind: 'ssm-arn'; partition: string; region: string; accountId: string; parameterName: string }
  | { kind: 'ssm-name'; parameterName: string };

export interface SecretEntry {
  name?: Located<string>;
  valueFrom?: Located<string>;
  /** Set when value-from is a well-formed reference. */
  reference?: SecretReference;
  range: TextRange;
}

export interface BuildSection {
  range: TextRange;
  preBuild: Located<string>[];
  build: Located<string>[];
  postBuild: Located<string>[];
  env: EnvEntry[];
}

export interface RunNetwork {
  /** Valid ports only (1-65535); a bad port is a problem, not a value. */
  port?: Located<number>;
  /** The environment variable App Runner sets to the port. */
  portEnv?: Located<string>;
}

export interface RunSection {
  range: TextRange;
  runtimeVersion?: Located<string>;
  preRun: Located<string>[];
  command?: Located<string>;
  network?: RunNetwork;
  env: EnvEntry[];
  secrets: SecretEntry[];
}

export interface ApprunnerConfig {
  version?: Located<string>;
  runtime?: Located<string>;
  build?: BuildSection;
  run?: RunSection;
}

export interface ParseResult {
  config: ApprunnerConfig;
  problems: Problem[];
}

/** App Runner's port when run.network.port is absent. */
export const DEFAULT_PORT = 8080;
