// NextToken pagination: the token is an opaque offset; a token that did not come from us is rejected.
import { invalidRequest } from './errors';

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** The model documents that without MaxResults "the request retrieves all available results in a single response". */
export function paginate<T>(all: T[], maxResults: number | undefined, nextToken: string | undefined): Page<T> {
  const start = nextToken === undefined ? 0 : decode(nextToken);
  const size = maxResults ?? all.length;
  const items = all.slice(start, start + size);
  const end = start + items.length;
  return end < all.length ? { items, nextToken: encode(end) } : { items };
}

function encode(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64');
}

function decode(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset?: unknown };
    if (typeof parsed.offset === 'number' && Number.isInteger(parsed.offset) && parsed.offset >= 0)
      return parsed.offset;
  } catch {
    // fall through
  }
  throw invalidRequest('The NextToken is not valid.');
}
