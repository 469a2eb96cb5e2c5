// Forwards a call unchanged to moto and streams moto's answer back.
import * as http from 'node:http';

export function proxyToMoto(motoPort: number, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
  const upstream = http.request(
    { host: '127.0.0.1', port: motoPort, method: req.method, path: req.url, headers: req.headers },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', (e) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`sandbox: moto is not answering (${e.message})`);
  });
  upstream.end(body);
}
