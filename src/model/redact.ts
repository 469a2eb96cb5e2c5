// Last line of defence for anything we log or show: masks AWS access key ids, secret keys and session tokens
// that might appear inside an error text or a URL.

const ACCESS_KEY_ID = /\b(A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{12,}\b/g;
const KEY_VALUE = /((?:aws_)?(?:secret_access_key|session_token|secretAccessKey|sessionToken|X-Amz-Security-Token|X-Amz-Credential|Signature)["']?\s*[=:]\s*["']?)([^\s"'&,;]+)/gi;

export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text.replace(ACCESS_KEY_ID, '[redacted-key-id]').replace(KEY_VALUE, '$1[redacted]');
  for (const secret of knownSecrets) {
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}
