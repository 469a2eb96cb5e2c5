// Secrets Manager calls straight to moto (awsJson1.1, X-Amz-Target `secretsmanager.<Operation>`), for the
// seeds (CreateSecret) and for the fake application, which resolves RuntimeEnvironmentSecrets the way App
// Runner injects them. A few lines instead of another SDK package; moto takes the region from the
// credential scope and does not check the signature.
import * as http from 'node:http';

export class SecretsManagerError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export interface SecretsManagerClient {
  call<T = Record<string, unknown>>(operation: string, input: Record<string, unknown>): Promise<T>;
  destroy(): void;
}

export function secretsManagerClient(motoUrl: string, region: string): SecretsManagerClient {
  const agent = new http.Agent({ keepAlive: true });
  const { hostname, port } = new URL(motoUrl);
  return {
    call<T>(operation: string, input: Record<string, unknown>): Promise<T> {
      const body = JSON.stringify(input);
      const date = new Date().toISOString().slice(0, 10).replace(/-/g, '');
      const headers = {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `secretsmanager.${operation}`,
        authorization: `AWS4-HMAC-SHA256 Credential=testing/${date}/${region}/secretsmanager/aws4_request, SignedHeaders=host, Signature=0`,
        'content-length': Buffer.byteLength(body),
      };
      return new Promise<T>((resolve, reject) => {
        const req = http.request({ hostname, port, method: 'POST', path: '/', headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: Record<string, unknown> = {};
            try {
              parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
            } catch {
              return reject(
                new SecretsManagerError(
                  'InternalServiceError',
                  `Secrets Manager answered HTTP ${res.statusCode} without JSON`,
                ),
              );
            }
            if ((res.statusCode ?? 500) >= 300) {
              const code =
                String(parsed.__type ?? 'InternalServiceError')
                  .split('#')
                  .pop() ?? 'InternalServiceError';
              return reject(new SecretsManagerError(code, String(parsed.message ?? parsed.Message ?? code)));
            }
            resolve(parsed as T);
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(body);
      });
    },
    destroy: () => agent.destroy(),
  };
}
