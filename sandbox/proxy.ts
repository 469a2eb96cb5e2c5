// Forwards a call unchanged to moto and streams moto's answer back (or, with holdMs, holds the finished
// answer that long before sending it: the call has taken effect, the client just does not know yet).
import * as http from 'node:http';

function relay(answer: http.IncomingMessage, res: http.ServerResponse, holdMs: number): void {
  if (holdMs <= 0) {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
    return;
  }
  const chunks: Buffer[] = [];
  answer.on('data', (c: Buffer) => chunks.push(c));
  answer.on('end', () => {
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(Buffer.concat(chunks));
    }, holdMs);
  });
}

export function proxyToMoto(motoPort: number, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse, holdMs = 0): void {
  const upstream = http.request(
    { host: '127.0.0.1', port: motoPort, method: req.method, path: req.url, headers: req.headers },
    (answer) => relay(answer, res, holdMs),
  );
  upstream.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`sandbox: moto is not answering (${e.message})`);
  });
  upstream.end(body);
}
