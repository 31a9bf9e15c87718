import { QUERY_NAMESPACES } from '@idfed/aws-protocol';
import { AnyOperation, OPERATION_CATALOG } from '@idfed/contracts';

/** Who may call a Query action: the admin key, any valid signature (admin or temporary), anyone. */
export type QueryAuth = 'admin' | 'signed' | 'none';

/** What the gateway forwards a Query action as. */
export interface QueryOperation {
  command: AnyOperation;
  /** Members the Query protocol sends as text that the command takes as integers. */
  integers: readonly string[];
  /** Whether the answer has an `<Action>Result` element (IAM's write actions have none). */
  hasResult: boolean;
}

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
  'Audience',
]);

/** Answer members that are maps (the Query protocol writes them as `<entry>` pairs, not members). */
export const QUERY_MAP_MEMBERS: ReadonlySet<string> = new Set(['SummaryMap']);

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

const AUTH = { public: 'none', admin: 'admin', signed: 'signed' } as const;

const ACTIONS: ReadonlyMap<string, QueryAction> = new Map([
  ...OPERATION_CATALOG.flatMap((op) => {
    const s = op.surface;
    if (s.protocol !== 'query' || op.access === 'internal') return [];
    const forward: QueryOperation = { command: op, integers: s.integers, hasResult: s.hasResult };
    return [[op.name, action(s.api, op.name, AUTH[op.access], forward)] as const];
  }),
  ['GetCallerIdentity', action('sts', 'GetCallerIdentity', 'signed')] as const,
]);

export function findQueryAction(name: string): QueryAction | undefined {
  return ACTIONS.get(name);
}

/** The namespace errors are written in before the action is known: by the API version asked for. */
export function namespaceForVersion(version: string | undefined): string {
  return version === API_VERSIONS.iam ? QUERY_NAMESPACES.iam : QUERY_NAMESPACES.sts;
}
