import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface KeysetPage<T> {
  page: T[];
  /** The key to continue after, when more rows follow. */
  next?: string;
}

/**
 * One page of a list in key order, continuing after `after`: the pagination every List* operation
 * uses (the AWS NextToken/Marker is the last key of the previous page, encoded). One row more than
 * asked for tells whether another page follows.
 */
export async function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  after: string | undefined,
  limit: number,
  keyOf: (row: T) => string,
): Promise<KeysetPage<T>> {
  if (after !== undefined) query.andWhere(`${column} > :keysetAfter`, { keysetAfter: after });
  const rows = await query
    .orderBy(column)
    .limit(limit + 1)
    .getMany();
  const page = rows.slice(0, limit);
  return { page, ...(rows.length > limit ? { next: keyOf(page[page.length - 1]) } : {}) };
}

/**
 * The opaque token a List* answer hands back (NextToken, PaginationToken, Marker): the last key of
 * the page, encoded. Every List* operation of every service uses this one encoding, so each refuses
 * a token it did not issue the same way.
 */
export function encodePageToken(lastKey: string): string {
  return Buffer.from(JSON.stringify({ after: lastKey })).toString('base64url');
}

/**
 * The key to continue after, or undefined for the first page. A token this helper did not issue
 * fails with `invalid()`, the service's own error (AWS refuses a garbage token, it never answers
 * a first page for it).
 */
export function decodePageToken(token: unknown, invalid: () => Error): string | undefined {
  if (token === undefined || token === null) return undefined;
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]+$/.test(token)) throw invalid();
  try {
    const decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
    if (typeof decoded === 'object' && decoded !== null) {
      const after = (decoded as { after?: unknown }).after;
      if (typeof after === 'string') return after;
    }
  } catch {
    // not JSON: refused below
  }
  throw invalid();
}
