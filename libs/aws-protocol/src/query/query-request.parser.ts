import { AwsError } from '../aws.error';

/** A Query-protocol request (STS, IAM): the operation, the API version and every flattened parameter. */
export interface QueryRequest {
  action: string;
  version: string | undefined;
  params: ReadonlyMap<string, string>;
}

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

export function isFormContentType(header: string | undefined): boolean {
  return header?.split(';')[0].trim().toLowerCase() === FORM_CONTENT_TYPE;
}

/**
 * Parses a form-encoded body (POST, what the SDKs send) or a query string (GET, what presigned
 * STS calls use); both are the same encoding, '+' meaning a space. A POST's query string may carry
 * parameters too (`alsoQueryString`): they count, except the X-Amz-* signing ones, so nothing the
 * signature covers is ignored. A parameter given twice, in one place or across both, is refused
 * rather than resolved by order: two readers picking different copies is how smuggling starts.
 */
export function parseQueryRequest(encoded: string | Buffer, alsoQueryString = ''): QueryRequest {
  const text = typeof encoded === 'string' ? encoded : encoded.toString('utf8');
  const params = new Map<string, string>();
  const add = (name: string, value: string) => {
    if (params.has(name)) {
      throw new AwsError('InvalidParameterValue', `Parameter ${truncate(name)} is given more than once.`);
    }
    params.set(name, value);
  };
  for (const [name, value] of new URLSearchParams(alsoQueryString)) {
    if (!/^x-amz-/i.test(name)) add(name, value);
  }
  for (const [name, value] of new URLSearchParams(text)) add(name, value);
  const action = params.get('Action');
  if (!action) throw new AwsError('MissingAction', 'Missing Action');
  if (!/^[A-Z][A-Za-z0-9]*$/.test(action)) {
    throw new AwsError('InvalidAction', `Could not find operation ${truncate(action)}`);
  }
  return { action, version: params.get('Version'), params };
}

/** `Name.member.1`, `Name.member.2`, ... as a list; the list ends at the first missing index. */
export function queryList(params: ReadonlyMap<string, string>, name: string): string[] {
  const items: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i++) items.push(params.get(`${name}.member.${i}`)!);
  return items;
}

/** `Name.member.N.Field` as a list of records (Tags, PolicyArns, ...); ends at the first empty index. */
export function queryStructList(params: ReadonlyMap<string, string>, name: string): Record<string, string>[] {
  const items: Record<string, string>[] = [];
  for (let i = 1; ; i++) {
    const prefix = `${name}.member.${i}.`;
    const item: Record<string, string> = {};
    for (const [key, value] of params) {
      if (key.startsWith(prefix)) item[key.slice(prefix.length)] = value;
    }
    if (Object.keys(item).length === 0) return items;
    items.push(item);
  }
}

/** Client-supplied text in a message: bounded, so a hostile request cannot bloat the answer. */
function truncate(value: string): string {
  return value.length > 64 ? `${value.slice(0, 64)}...` : value;
}
