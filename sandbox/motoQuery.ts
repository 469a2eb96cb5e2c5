// A query-protocol call (form-encoded POST) the front itself makes to moto: to read what moto holds when an
// answer needs more than moto gives (a cluster member's subnet group, who signed a call).
import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { WireReply } from './faultResponses';

export function postQueryToMoto(motoPort: number, headers: IncomingHttpHeaders, body: string): Promise<WireReply> {
  return new Promise((resolve, reject) => {
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: motoPort,
        method: 'POST',
        path: '/',
        headers: {
          ...headers,
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 500,
            headers: { 'content-type': String(answer.headers['content-type'] ?? 'text/xml') },
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    upstream.on('error', reject);
    upstream.end(body);
  });
}
