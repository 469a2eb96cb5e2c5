// Forwards a call unchanged to moto and streams moto's answer back (or, with holdMs, holds the finished
// answer that long before sending it: the call has taken effect, the client just does not know yet).
import * as http from 'node:http';

/** Sees each finished answer (status and body), for the call record. */
export type AnswerObserver = (status: number, body: Buffer) => void;

function relay(answer: http.IncomingMessage, res: http.ServerResponse, holdMs: number, observe?: AnswerObserver): void {
  const chunks: Buffer[] = [];
  answer.on('data', (c: Buffer) => chunks.push(c));
  if (holdMs <= 0) {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
    answer.on('end', () => observe?.(answer.statusCode ?? 502, Buffer.concat(chunks)));
    return;
  }
  answer.on('end', () => {
    observe?.(answer.statusCode ?? 502, Buffer.concat(chunks));
    setTimeout(() => {
      if (res.destroyed) return;
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      res.end(Buffer.concat(chunks));
    }, holdMs);
  });
}

export function proxyToMoto(
  motoPort: number,
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse,
  holdMs = 0,
  observe?: AnswerObserver,
): void {
  const upstream = http.request(
    { host: '127.0.0.1', port: motoPort, method: req.method, path: req.url, headers: req.headers },
    (answer) => relay(answer, res, holdMs, observe),
  );
  upstream.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`sandbox: moto is not answering (${e.message})`);
  });
  upstream.end(body);
}
