import { QUERY_NAMESPACES } from '@idfed/aws-protocol';
import { IAM_QUERY_OPERATIONS, QueryAuth, QueryOperation, STS_QUERY_OPERATIONS } from '@idfed/contracts';

/** One Query action: which API it belongs to, who may call it and what serves it. */
export interface QueryAction {
  name: string;
  api: 'sts' | 'iam';
  namespace: string;
  version: string;
  /** SigV4 service name in the credential scope of signed requests. */
  signingName: string;
  auth: QueryAuth;
  /** The bus operation; absent for actions the gateway answers itself (GetCallerIdentity). */
  operation?: QueryOperation;
}

const API_VERSIONS = { sts: '2011-06-15', iam: '2010-05-08' } as const;

/** Members sent as lists: `Name=` with an empty value is an empty list for these. */
export const QUERY_LIST_MEMBERS: ReadonlySet<string> = new Set([
  'ClientIDList',
  'ThumbprintList',
  'Tags',
  'PolicyArns',
  'TransitiveTagKeys',
]);

function action(api: 'sts' | 'iam', name: string, auth: QueryAuth, operation?: QueryOperation): QueryAction {
  return {
    name,
    api,
    namespace: QUERY_NAMESPACES[api],
    version: API_VERSIONS[api],
    signingName: api,
    auth,
    ...(operation ? { operation } : {}),
  };
}

const ACTIONS: ReadonlyMap<string, QueryAction> = new Map([
  ...Object.entries(STS_QUERY_OPERATIONS).map(
    ([name, op]) => [name, action('sts', name, op.auth, op)] as const,
  ),
  ['GetCallerIdentity', action('sts', 'GetCallerIdentity', 'signed')] as const,
  ...Object.entries(IAM_QUERY_OPERATIONS).map(
    ([name, op]) => [name, action('iam', name, op.auth, op)] as const,
  ),
]);

export function findQueryAction(name: string): QueryAction | undefined {
  return ACTIONS.get(name);
}

/** The namespace errors are written in before the action is known: by the API version asked for. */
export function namespaceForVersion(version: string | undefined): string {
  return version === API_VERSIONS.iam ? QUERY_NAMESPACES.iam : QUERY_NAMESPACES.sts;
}
