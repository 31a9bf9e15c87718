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
