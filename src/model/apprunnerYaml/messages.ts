// Every user-facing sentence of the validator, in English and Japanese, in one place so wording stays
// consistent and translators find it.
import type { Localized } from './types';

export type ExpectedType = 'mapping' | 'list' | 'list-of-strings' | 'string' | 'port';

const typeNames: Record<ExpectedType, Localized> = {
  mapping: { en: 'a mapping (key: value)', ja: 'マッピング（キー: 値）' },
  list: { en: 'a list', ja: 'リスト' },
  'list-of-strings': { en: 'a list of command strings', ja: 'コマンド文字列のリスト' },
  string: { en: 'a string', ja: '文字列' },
  port: { en: 'a port number', ja: 'ポート番号' },
};

export const messages = {
  emptyFile: (): Localized => ({
    en: 'The file is empty; App Runner needs at least version, runtime, build and run.',
    ja: 'ファイルが空です。App Runner には少なくとも version、runtime、build、run が必要です。',
  }),
  rootNotMapping: (got: Localized): Localized => ({
    en: `The file must be a mapping of keys (version, runtime, build, run), not ${got.en}.`,
    ja: `ファイルはキー（version、runtime、build、run）のマッピングで書いてください（現在は${got.ja}）。`,
  }),
  wrongType: (path: string, expected: ExpectedType, got: Localized): Localized => ({
    en: `"${path}" must be ${typeNames[expected].en}, not ${got.en}.`,
    ja: `「${path}」は${typeNames[expected].ja}で指定してください（現在は${got.ja}）。`,
  }),
  commandIsMapping: (path: string): Localized => ({
    en: `"${path}" is read as a mapping because of an unquoted ": "; quote the whole command.`,
    ja: `「${path}」は引用符のない「: 」のためマッピングとして読まれています。コマンド全体を引用符で囲んでください。`,
  }),
  missingKey: (path: string): Localized => ({
    en: `Required key "${path}" is missing.`,
    ja: `必須のキー「${path}」がありません。`,
  }),
  emptyValue: (path: string): Localized => ({
    en: `"${path}" has no value.`,
    ja: `「${path}」に値がありません。`,
  }),
  unknownKey: (key: string, parentPath: string, known: readonly string[]): Localized => ({
    en: `Unknown key "${key}" in ${parentPath === '' ? 'the top level' : `"${parentPath}"`}; App Runner ignores or rejects it (known keys: ${known.join(', ')}).`,
    ja: `${parentPath === '' ? '最上位' : `「${parentPath}」`}に不明なキー「${key}」があります。App Runner では無視されるか拒否されます（有効なキー: ${known.join(', ')}）。`,
  }),
  unsupportedVersion: (got: string): Localized => ({
    en: `Configuration file version "${got}" is not supported; use version: 1.0.`,
    ja: `設定ファイルのバージョン「${got}」はサポートされていません。version: 1.0 を指定してください。`,
  }),
  unknownRuntime: (got: string, known: readonly string[], suggestion?: string): Localized => ({
    en: `Unknown runtime "${got}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (available: ${known.join(', ')}).`,
    ja: `不明なランタイム「${got}」です${suggestion ? `。「${suggestion}」のことですか？` : '。'}（使用可能: ${known.join(', ')}）`,
  }),
  runtimeEndOfSupport: (runtime: string): Localized => ({
    en: `App Runner ended support for runtime "${runtime}" on 2025-12-01; move to a supported runtime such as python311 or nodejs22.`,
    ja: `ランタイム「${runtime}」は 2025-12-01 に App Runner のサポートが終了しました。python311 や nodejs22 などサポート中のランタイムに移行してください。`,
  }),
  invalidRuntimeVersion: (got: string): Localized => ({
    en: `run.runtime-version "${got}" must look like major[.minor[.patch]], for example 3.11.9.`,
    ja: `run.runtime-version「${got}」は major[.minor[.patch]] の形式（例: 3.11.9）で指定してください。`,
  }),
  preRunNotSupported: (runtime: string, revised: readonly string[]): Localized => ({
    en: `run.pre-run works only with the revised-build runtimes (${revised.join(', ')}), not "${runtime}".`,
    ja: `run.pre-run は改訂版ビルドのランタイム（${revised.join(', ')}）でのみ使えます。「${runtime}」では使えません。`,
  }),
  invalidPort: (got: string): Localized => ({
    en: `Port "${got}" is not a whole number from 1 to 65535.`,
    ja: `ポート「${got}」は 1〜65535 の整数ではありません。`,
  }),
  portMismatchCommand: (commandPort: number, networkPort: number, defaulted: boolean): Localized => ({
    en: `run.command listens on port ${commandPort}, but App Runner sends traffic to port ${networkPort}${defaulted ? ' (the default, as run.network.port is not set)' : ''}.`,
    ja: `run.command はポート ${commandPort} で待ち受けますが、App Runner はポート ${networkPort} に転送します${defaulted ? '（run.network.port 未指定のため既定値）' : ''}。`,
  }),
  invalidEnvName: (name: string): Localized => ({
    en: `"${name}" is not a usable environment variable name (letters, digits and _, not starting with a digit).`,
    ja: `「${name}」は環境変数名として使えません（英字・数字・_ のみ、先頭は数字以外）。`,
  }),
  reservedEnvName: (name: string): Localized => ({
    en: `Environment variable names starting with AWSAPPRUNNER are reserved by App Runner ("${name}").`,
    ja: `AWSAPPRUNNER で始まる環境変数名は App Runner が予約しています（「${name}」）。`,
  }),
  duplicateEnvName: (name: string, firstPath: string): Localized => ({
    en: `Environment variable "${name}" is already defined at ${firstPath}; only one value will reach the application.`,
    ja: `環境変数「${name}」は ${firstPath} ですでに定義されています。アプリケーションに届く値は一つだけです。`,
  }),
  plaintextSecret: (name: string): Localized => ({
    en: `"${name}" looks like a secret written in plain text; move it to run.secrets (Secrets Manager or SSM Parameter Store).`,
    ja: `「${name}」は平文で書かれたシークレットのようです。run.secrets（Secrets Manager または SSM パラメータストア）に移してください。`,
  }),
  passwordInUrl: (name: string): Localized => ({
    en: `The URL in "${name}" contains a password in plain text; keep the password in run.secrets and only the host in the URL.`,
    ja: `「${name}」の URL にパスワードが平文で含まれています。パスワードは run.secrets に置き、URL にはホストだけを書いてください。`,
  }),
  invalidSecretReference: (got: string): Localized => ({
    en: `value-from "${got}" is not a Secrets Manager secret ARN, an SSM parameter ARN, or an SSM parameter name.`,
    ja: `value-from「${got}」は Secrets Manager シークレットの ARN、SSM パラメータの ARN、SSM パラメータ名のいずれでもありません。`,
  }),
  secretParameterName: (got: string): Localized => ({
    en: `value-from "${got}" is a parameter name, which works only for an SSM parameter in the service's own region; use the full ARN otherwise.`,
    ja: `value-from「${got}」はパラメータ名です。サービスと同じリージョンの SSM パラメータにのみ有効で、それ以外は完全な ARN を指定してください。`,
  }),
};
