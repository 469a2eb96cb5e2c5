// Which endpoint URLs the AWS clients may use. Requests are signed and answers carry the account's data:
// over plain http they cross the network in clear text, so http is allowed only to this machine (the
// sandbox, LocalStack), and anything else must be https (issue 16).
import type { Localized } from './awsError';

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost, as the WHATWG URL parser normalises them. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name) || /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(name);
}

/** Why an endpoint URL is refused, or undefined when it may be used (none set means AWS's own https). */
export function endpointUrlProblem(url: string | undefined): Localized | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { en: `The endpoint URL "${url}" is not a URL; write it as https://host[:port].`, ja: `エンドポイント URL「${url}」は URL ではありません。https://ホスト[:ポート] の形で指定してください。` };
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:') {
    if (isLoopbackHostname(parsed.hostname)) return undefined;
    return {
      en: `Refusing the endpoint URL ${parsed.origin}: plain http to ${parsed.hostname} would send signed requests and the account's data in clear text. Use https, or a loopback address (127.0.0.1, ::1, localhost) for a local sandbox.`,
      ja: `エンドポイント URL ${parsed.origin} は使用できません: ${parsed.hostname} への平文の http では署名付きリクエストとアカウントのデータが暗号化されずに送られます。https を使うか、ローカルのサンドボックスにはループバックアドレス（127.0.0.1、::1、localhost）を指定してください。`,
    };
  }
  return { en: `The endpoint URL ${url} must start with https:// (or http:// to a loopback address).`, ja: `エンドポイント URL ${url} は https://（ループバックアドレスなら http://）で始めてください。` };
}
