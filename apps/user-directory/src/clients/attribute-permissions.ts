import { SchemaAttributeType } from '@idfed/contracts';
import { CognitoErrors } from '../common/cognito-errors';
import { unauthorizedWrite } from '../users/user-attributes';
import { ClientConfig } from './client-config';

/*
 * An app client's ReadAttributes / WriteAttributes. Left unset, AWS's API reference
 * (UserPoolClientType) gives a client read access to the pool's standard attributes, with
 * email_verified and phone_number_verified, and write access to its standard attributes; custom
 * and developer-only attributes need a list that names them. DescribeUserPoolClient then answers
 * no list at all. `sub` is always read. Developer-only attributes are never written by a user,
 * whatever the list says.
 */

const standard = (name: string) => !name.startsWith('custom:') && !name.startsWith('dev:');

/** The attributes a client's user may read (GetUser, the ID token's claims). */
export function readableAttributes(
  client: Pick<ClientConfig, 'readAttributes'> | undefined,
  attributes: Record<string, string>,
): Record<string, string> {
  const allowed = client?.readAttributes;
  const readable = allowed ? (name: string) => allowed.includes(name) : standard;
  return Object.fromEntries(Object.entries(attributes).filter(([name]) => readable(name)));
}

/**
 * Refuses, as AWS does (NotAuthorizedException "A client attempted to write unauthorized
 * attribute"), a write through a client of an attribute its WriteAttributes leaves out.
 */
export function checkWritable(
  client: Pick<ClientConfig, 'writeAttributes'> | undefined,
  names: Iterable<string>,
): void {
  const allowed = client?.writeAttributes;
  const writable = allowed ? (name: string) => allowed.includes(name) : standard;
  for (const name of names) if (name.startsWith('dev:') || !writable(name)) throw unauthorizedWrite();
}

/**
 * The lists CreateUserPoolClient / UpdateUserPoolClient take name attributes the pool has
 * ("Invalid write attributes specified while updating a client", as AWS words it); `sub` is no
 * attribute a client writes.
 */
export function checkAttributeLists(
  schema: SchemaAttributeType[],
  lists: { ReadAttributes?: string[]; WriteAttributes?: string[] },
  operation: 'creating' | 'updating',
): void {
  const known = new Set(schema.map((a) => a.Name));
  const invalid = (which: string) =>
    CognitoErrors.invalidParameter(`Invalid ${which} attributes specified while ${operation} a client`);
  if (lists.ReadAttributes?.some((n) => !known.has(n))) throw invalid('read');
  if (lists.WriteAttributes?.some((n) => !known.has(n) || n === 'sub')) throw invalid('write');
}
