import { CognitoErrors } from '../common/cognito-errors';

/** The attributes ListUsers can search, as the Cognito API reference lists them. */
export const SEARCHABLE_ATTRIBUTES = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;
export type SearchableAttribute = (typeof SEARCHABLE_ATTRIBUTES)[number];

export interface UserFilter {
  attribute: SearchableAttribute;
  /** `=` matches exactly, `^=` by prefix. */
  prefix: boolean;
  value: string;
}

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/**
 * Parses ListUsers' Filter: `attribute = "value"` or `attribute ^= "value"`, a backslash escaping
 * a quote or backslash in the value. An empty filter means every user.
 */
export function parseUserFilter(filter: string | undefined): UserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const m = FILTER.exec(filter);
  if (!m) throw CognitoErrors.invalidParameter('Error while parsing filter.');
  const [, attribute, op, raw] = m;
  if (!(SEARCHABLE_ATTRIBUTES as readonly string[]).includes(attribute)) {
    throw CognitoErrors.invalidParameter(`Invalid search attribute: ${attribute}`);
  }
  return {
    attribute: attribute as SearchableAttribute,
    prefix: op === '^=',
    value: raw.replace(/\\(.)/g, '$1'),
  };
}

/** Escapes LIKE's wildcards so a prefix matches literally. */
export function likePrefix(value: string): string {
  return `${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
