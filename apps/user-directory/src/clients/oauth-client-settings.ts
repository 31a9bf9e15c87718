import { CreateUserPoolClientRequest } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { CognitoErrors } from '../common/cognito-errors';

/** The scopes every pool knows; custom scopes come from its resource servers. */
export const STANDARD_SCOPES = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];
export type OAuthFlow = 'code' | 'implicit' | 'client_credentials';
const FLOWS: OAuthFlow[] = ['code', 'implicit', 'client_credentials'];
/** The pool's own directory, which every app client may name. */
const COGNITO_PROVIDER = 'COGNITO';

/** What the pool has that an app client may name: its identity providers and custom scopes. */
export interface PoolOAuthNames {
  /** The pool's identity providers' names (COGNITO is always known). */
  providers: string[];
  /** `<resource server identifier>/<ScopeName>` of each custom scope. */
  customScopes: string[];
}

/** Whether a request names anything that only the pool's providers or resource servers can know. */
export function needsPoolOAuthNames(req: {
  AllowedOAuthScopes?: string[];
  SupportedIdentityProviders?: string[];
}): boolean {
  return (
    (req.AllowedOAuthScopes ?? []).some((s) => !STANDARD_SCOPES.includes(s)) ||
    (req.SupportedIdentityProviders ?? []).some((p) => p !== COGNITO_PROVIDER)
  );
}

const invalidFlow = (message: string) => new ServiceError('InvalidOAuthFlowException', message);

/**
 * A callback or sign-out URL as Cognito takes it: absolute, no fragment, and HTTPS except on
 * localhost (http://localhost, http://127.0.0.1) or for an app's own scheme (myapp://).
 */
export function redirectUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a valid URL';
  }
  if (parsed.hash || url.includes('#')) return 'must not contain a fragment';
  if (parsed.protocol === 'http:') {
    const local =
      parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1' || parsed.hostname === '[::1]';
    if (!local) return 'must use HTTPS, except for http://localhost';
  }
  if (parsed.protocol === 'javascript:' || parsed.protocol === 'data:') return 'must not use this scheme';
  return undefined;
}

export interface OAuthClientSettings {
  allowedOAuthFlows?: OAuthFlow[];
  allowedOAuthScopes?: string[];
  callbackUrls?: string[];
  logoutUrls?: string[];
  defaultRedirectUri?: string;
  supportedIdentityProviders?: string[];
  allowedOAuthFlowsUserPoolClient: boolean;
}

/**
 * The OAuth members of Create/UpdateUserPoolClient, checked as Cognito checks them: flows and
 * scopes from the known sets, HTTPS callback and sign-out URLs, a default redirect among the
 * callbacks, client_credentials alone, with a secret and custom scopes only, and a client enabled
 * for OAuth naming its flows and scopes.
 */
export function oauthClientSettings(
  req: Pick<
    CreateUserPoolClientRequest,
    | 'AllowedOAuthFlows'
    | 'AllowedOAuthScopes'
    | 'CallbackURLs'
    | 'LogoutURLs'
    | 'DefaultRedirectURI'
    | 'SupportedIdentityProviders'
    | 'AllowedOAuthFlowsUserPoolClient'
  >,
  hasSecret: boolean,
  known: PoolOAuthNames = { providers: [], customScopes: [] },
): OAuthClientSettings {
  const flows = req.AllowedOAuthFlows;
  const scopes = req.AllowedOAuthScopes;
  for (const f of flows ?? []) {
    if (!FLOWS.includes(f)) throw CognitoErrors.invalidParameter(`Invalid OAuth flow requested: ${f}`);
  }
  for (const s of scopes ?? []) {
    if (!STANDARD_SCOPES.includes(s) && !known.customScopes.includes(s))
      throw new ServiceError('ScopeDoesNotExistException', `Invalid scope requested: ${s}`);
  }
  for (const [member, urls] of [
    ['CallbackURLs', req.CallbackURLs],
    ['LogoutURLs', req.LogoutURLs],
  ] as const) {
    for (const url of urls ?? []) {
      const problem = redirectUrlProblem(url);
      if (problem) throw CognitoErrors.invalidParameter(`${member}: ${url.slice(0, 256)} ${problem}.`);
    }
  }
  if (req.DefaultRedirectURI !== undefined) {
    const problem = redirectUrlProblem(req.DefaultRedirectURI);
    if (problem) throw CognitoErrors.invalidParameter(`DefaultRedirectURI ${problem}.`);
    if (!(req.CallbackURLs ?? []).includes(req.DefaultRedirectURI))
      throw CognitoErrors.invalidParameter('DefaultRedirectURI must be one of the CallbackURLs.');
  }
  for (const p of req.SupportedIdentityProviders ?? []) {
    if (p !== COGNITO_PROVIDER && !known.providers.includes(p))
      throw CognitoErrors.invalidParameter(`The provider ${p.slice(0, 128)} does not exist for User Pool.`);
  }
  const enabled = req.AllowedOAuthFlowsUserPoolClient ?? false;
  if (flows?.includes('client_credentials')) {
    if (flows.length > 1)
      throw invalidFlow('client_credentials flow can not be selected along with code flow or implicit flow.');
    if (!hasSecret)
      throw invalidFlow(
        'client_credentials flow can not be selected if client does not have a client secret.',
      );
    const standard = (scopes ?? []).find((s) => STANDARD_SCOPES.includes(s));
    if (standard) throw invalidFlow(`${standard} is not supported with client_credentials flow`);
  }
  if (enabled) {
    if (!flows?.length)
      throw invalidFlow('AllowedOAuthFlows is required when AllowedOAuthFlowsUserPoolClient is true.');
    if (!scopes?.length)
      throw invalidFlow('AllowedOAuthScopes is required when AllowedOAuthFlowsUserPoolClient is true.');
    if ((flows.includes('code') || flows.includes('implicit')) && !req.CallbackURLs?.length)
      throw CognitoErrors.invalidParameter(
        'CallbackURLs are required when code or implicit flow is allowed.',
      );
  }
  return {
    allowedOAuthFlows: flows,
    allowedOAuthScopes: scopes,
    callbackUrls: req.CallbackURLs,
    logoutUrls: req.LogoutURLs,
    defaultRedirectUri: req.DefaultRedirectURI,
    supportedIdentityProviders: req.SupportedIdentityProviders,
    allowedOAuthFlowsUserPoolClient: enabled,
  };
}
