// Which endpoint URLs the AWS clients may use. Requests are signed and answers carry the account's data:
// over plain http they cross the network in clear text, so http is allowed only to this machine (the
// sandbox, LocalStack), and anything else must be https (docs/design.md, 'Secrets and endpoints').
import type { Localized } from './awsError';
import { msg } from '../l10n/text';

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost, as the WHATWG URL parser normalises them. */
export function isLoopbackHostname(hostname: string): boolean {
  const name = hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  return (
    name === 'localhost' ||
    name === '::1' ||
    /^127(\.\d{1,3}){3}$/.test(name) ||
    /^::ffff:(127\.|7f[0-9a-f]{2}:)/.test(name)
  );
}

/** Why an endpoint URL is refused, or undefined when it may be used (none set means AWS's own https). */
export function endpointUrlProblem(url: string | undefined): Localized | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return msg('The endpoint URL "{0}" is not a URL; write it as https://host[:port].', url);
  }
  if (parsed.protocol === 'https:') return undefined;
  if (parsed.protocol === 'http:') {
    if (isLoopbackHostname(parsed.hostname)) return undefined;
    return msg(
      "Refusing the endpoint URL {0}: plain http to {1} would send signed requests and the account's data in clear text. Use https, or a loopback address (127.0.0.1, ::1, localhost) for a local sandbox.",
      parsed.origin,
      parsed.hostname,
    );
  }
  return msg('The endpoint URL {0} must start with https:// (or http:// to a loopback address).', url);
}
