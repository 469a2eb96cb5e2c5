// Short hover documentation for every key the App Runner configuration file defines, in English and
// Japanese. Written for this extension from the App Runner configuration file reference.
import { formatKeyPath, type KeyPath } from './keyPath';
import type { Localized } from './types';

export interface KeyDoc {
  /** The documented key, with `[]` for list items: `run.env[].name`. */
  key: string;
  doc: Localized;
}

export const KEY_DOCS: Readonly<Record<string, Localized>> = {
  version: {
    en: 'Required. The configuration file format version; App Runner documents only `1.0`.',
    ja: '必須。設定ファイル形式のバージョンです。App Runner が定めているのは `1.0` のみです。',
  },
  runtime: {
    en: 'Required. The managed runtime that builds and runs the code, named <language><major version>: python311, nodejs22, corretto11, go1 and so on.',
    ja: '必須。コードのビルドと実行に使うマネージドランタイムです。<言語名><メジャーバージョン> の形式（python311、nodejs22、corretto11、go1 など）で指定します。',
  },
  build: {
    en: 'Required. The build stage: commands to build the application and variables they see.',
    ja: '必須。ビルドステージです。アプリケーションをビルドするコマンドと、そのコマンドに渡す環境変数を指定します。',
  },
  'build.commands': {
    en: 'Required. Build commands by phase: pre-build, build (required) and post-build.',
    ja: '必須。フェーズごとのビルドコマンドです（pre-build、build（必須）、post-build）。',
  },
  'build.commands.pre-build': {
    en: 'Optional. Commands run before the build, for example installing system packages.',
    ja: '任意。ビルドの前に実行するコマンドです（例: システムパッケージのインストール）。',
  },
  'build.commands.build': {
    en: 'Required. Commands that build the application, for example `pip install -r requirements.txt` or `npm ci`.',
    ja: '必須。アプリケーションをビルドするコマンドです（例: `pip install -r requirements.txt`、`npm ci`）。',
  },
  'build.commands.post-build': {
    en: 'Optional. Commands run after the build, for example tests or packaging.',
    ja: '任意。ビルドの後に実行するコマンドです（例: テストやパッケージング）。',
  },
  'build.env': {
    en: 'Optional. Environment variables for the build commands only, as a list of name/value pairs.',
    ja: '任意。ビルドコマンドだけに渡す環境変数です。name と value の組のリストで指定します。',
  },
  'build.env[].name': { en: 'The variable name.', ja: '環境変数の名前です。' },
  'build.env[].value': { en: 'The variable value (a string).', ja: '環境変数の値（文字列）です。' },
  run: {
    en: 'Required. The run stage: how App Runner starts the application and what it sees at run time.',
    ja: '必須。実行ステージです。App Runner がアプリケーションを起動する方法と、実行時の設定を指定します。',
  },
  'run.runtime-version': {
    en: 'Optional. Pins the runtime to a version (major[.minor[.patch]], e.g. 3.11.9) instead of the latest.',
    ja: '任意。ランタイムを最新版ではなく特定のバージョン（major[.minor[.patch]]、例: 3.11.9）に固定します。',
  },
  'run.pre-run': {
    en: 'Optional, revised-build runtimes only (python311, nodejs18, nodejs22). Commands run in the run image before the start command.',
    ja: '任意。改訂版ビルドのランタイム（python311、nodejs18、nodejs22）のみ。起動コマンドの前に実行イメージ内で実行するコマンドです。',
  },
  'run.command': {
    en: 'Required. The command that starts the web application; it must listen on run.network.port (default 8080).',
    ja: '必須。Web アプリケーションを起動するコマンドです。run.network.port（既定 8080）で待ち受ける必要があります。',
  },
  'run.network': {
    en: 'Optional. The port the application listens on and the variable that tells it that port.',
    ja: '任意。アプリケーションが待ち受けるポートと、そのポートを伝える環境変数を指定します。',
  },
  'run.network.port': {
    en: 'Optional. The port App Runner sends requests to (1-65535, default 8080).',
    ja: '任意。App Runner がリクエストを転送するポートです（1〜65535、既定 8080）。',
  },
  'run.network.env': {
    en: 'Optional. The name of an environment variable App Runner sets to the port, for code that reads its port from the environment.',
    ja: '任意。App Runner がポート番号を設定する環境変数の名前です。ポートを環境変数から読むコード向けです。',
  },
  'run.env': {
    en: 'Optional. Environment variables of the running service, as name/value pairs. Keep passwords in run.secrets instead.',
    ja: '任意。実行中のサービスの環境変数です（name と value の組）。パスワードは run.secrets に置いてください。',
  },
  'run.env[].name': { en: 'The variable name; names starting with AWSAPPRUNNER are reserved.', ja: '環境変数の名前です。AWSAPPRUNNER で始まる名前は予約されています。' },
  'run.env[].value': { en: 'The variable value (a string); visible to anyone who can read the service configuration.', ja: '環境変数の値（文字列）です。サービス設定を読める人には見えます。' },
  'run.secrets': {
    en: 'Optional. Environment variables filled from Secrets Manager or SSM Parameter Store at start; the instance role needs read access.',
    ja: '任意。起動時に Secrets Manager または SSM パラメータストアから値を取得する環境変数です。インスタンスロールに読み取り権限が必要です。',
  },
  'run.secrets[].name': { en: 'The environment variable name the secret is exposed as.', ja: 'シークレットを渡す環境変数の名前です。' },
  'run.secrets[].value-from': {
    en: 'The full ARN of a Secrets Manager secret or an SSM parameter; a bare parameter name works for a parameter in the same region.',
    ja: 'Secrets Manager シークレットまたは SSM パラメータの完全な ARN です。同じリージョンのパラメータならパラメータ名でも指定できます。',
  },
};

/** The documentation for a key path (list indexes ignored); on a list item, its list's documentation. */
export function keyDocFor(path: KeyPath): KeyDoc | undefined {
  let key = formatKeyPath(path).replace(/\[\d+\]/g, '[]');
  for (;;) {
    const doc = KEY_DOCS[key];
    if (doc) return { key, doc };
    if (!key.endsWith('[]')) return undefined;
    key = key.slice(0, -2);
  }
}
