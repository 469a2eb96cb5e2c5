// CloudWatch Logs' paging as AWS does it and moto does not: FilterLogEvents searches a log group in
// stretches and may answer a page with no events and a nextToken (AWS documents that only a missing nextToken
// ends the result). moto answers every page full. With the `emptyLogPages: N` fault, the front answers N
// empty pages (with a token) before each page moto returns, so a client that stops at the first empty page
// loses the newest lines, as it would on AWS. Source: the FilterLogEvents API reference ("the returned
// results might be empty ... continue until nextToken is not returned"); listed in docs/sandbox.md.
import * as http from 'node:http';

const PREFIX = 'sandbox-empty:';

interface Token {
  remaining: number;
  motoToken?: string;
}

function encode(t: Token): string {
  return `${PREFIX}${t.remaining}:${Buffer.from(t.motoToken ?? '', 'utf8').toString('base64url')}`;
}

function decode(token: unknown, pages: number): Token {
  if (typeof token !== 'string' || !token.startsWith(PREFIX)) return { remaining: pages };
  const [remaining, moto] = token.slice(PREFIX.length).split(':');
  const motoToken = Buffer.from(moto ?? '', 'base64url').toString('utf8');
  return { remaining: Number(remaining) || 0, motoToken: motoToken || undefined };
}

function reply(res: http.ServerResponse, status: number, headers: http.OutgoingHttpHeaders, body: string): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Answers one FilterLogEvents call with empty pages in front of moto's. */
export function filterLogEventsWithEmptyPages(
  motoPort: number,
  pages: number,
  req: http.IncomingMessage,
  body: Buffer,
  res: http.ServerResponse,
): void {
  const input = JSON.parse(body.toString('utf8') || '{}') as Record<string, unknown>;
  const token = decode(input.nextToken, pages);
  // A first call (no token) starts with the empty pages too, unless the client sent moto's own token.
  if (token.remaining > 0) {
    const page = {
      events: [],
      searchedLogStreams: [],
      nextToken: encode({ remaining: token.remaining - 1, motoToken: token.motoToken }),
    };
    return reply(
      res,
      200,
      { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'sandbox-empty-page' },
      JSON.stringify(page),
    );
  }
  const forwarded = { ...input, nextToken: token.motoToken };
  if (!token.motoToken) delete forwarded.nextToken;
  const payload = Buffer.from(JSON.stringify(forwarded), 'utf8');
  const headers = { ...req.headers, 'content-length': String(payload.length) };
  const upstream = http.request(
    { host: '127.0.0.1', port: motoPort, method: req.method, path: req.url, headers },
    (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const rest = { ...answer.headers };
        delete rest['content-length'];
        if ((answer.statusCode ?? 500) !== 200) return reply(res, answer.statusCode ?? 502, rest, text);
        const page = JSON.parse(text) as { nextToken?: string };
        // More of moto's pages to come: put the empty pages in front of the next one as well.
        if (page.nextToken) page.nextToken = encode({ remaining: pages, motoToken: page.nextToken });
        reply(res, 200, rest, JSON.stringify(page));
      });
    },
  );
  upstream.on('error', (e) =>
    reply(res, 502, { 'content-type': 'text/plain' }, `sandbox: moto is not answering (${e.message})`),
  );
  upstream.end(payload);
}
