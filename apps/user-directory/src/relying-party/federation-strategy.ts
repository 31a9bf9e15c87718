import { IdentityProviderTypeType } from '@idfed/contracts';
import { ProviderSecrets } from '../providers/provider-details';

/** One sign-in through a provider, as its strategy sees it (ADR 0024). */
export interface ProviderSignIn {
  poolId: string;
  providerName: string;
  type: IdentityProviderTypeType;
  /** ProviderDetails as Describe answers them (the computed endpoints included), secrets apart. */
  details: Record<string, string>;
  /** The provider's AttributeMapping (pool attribute -> provider attribute): what Facebook is asked for. */
  attributeMapping: Record<string, string>;
  /** The provider's opened secrets (client_secret, Apple's private_key): used here, never stored. */
  secrets: ProviderSecrets;
  /** This pool's /oauth2/idpresponse, as the browser reaches it: the redirect_uri given to the provider. */
  callbackUrl: string;
  /** The state sent to the provider (random; its digest names the stored request). */
  state: string;
  /** The nonce of the ID token asked for (OpenID Connect providers). */
  nonce: string;
  /** The PKCE verifier toward the provider (S256). */
  codeVerifier: string;
}

/**
 * A verified provider answer: the claims the mapping reads (ID token and user endpoint merged),
 * and what the InboundFederation trigger is shown of it (ADR 0061): the token endpoint's answer
 * and the checked ID token's claims, as text. The tokens are passed on in process to the trigger
 * call only: never stored, logged or put in an event.
 */
export interface ProviderAnswer {
  claims: Record<string, unknown>;
  /** The token endpoint's answer (access_token, id_token, refresh_token, token_type, expires_in, scope). */
  tokenResponse?: Record<string, string>;
  /** The ID token's claims (OpenID Connect providers). */
  idToken?: Record<string, string>;
}

/** A JSON value as the trigger events carry attributes: text (objects as JSON), nothing for null. */
export function attributeText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Every member of `values` that has a text form, as text. */
export function attributeTexts(values: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const text = attributeText(value);
    if (text !== undefined) out[name] = text;
  }
  return out;
}

/**
 * A provider's answer the strategy refuses: the app gets `error=<error>` as Cognito relays it,
 * nothing is created. `description` never carries a secret or the provider's token.
 */
export class ProviderAnswerRefused extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/**
 * How idfed signs in through one kind of provider: where to send the browser, and the verified
 * claims of the answer that comes back (the code exchanged, the ID token checked or the user
 * endpoint read). One per ProviderType (OpenID Connect for OIDC, Google and Sign in with Apple;
 * OAuth 2.0 for Facebook and Login with Amazon), each driving passport strategies (ADR 0029).
 */
export interface FederationStrategy {
  readonly types: readonly IdentityProviderTypeType[];
  /** The provider's authorization URL for this sign-in. */
  authorizationUrl(signIn: ProviderSignIn): Promise<string>;
  /**
   * The verified provider answer (`params`: its query for GET, its form for a `form_post` POST),
   * or ProviderAnswerRefused.
   */
  claims(
    signIn: ProviderSignIn,
    params: Record<string, string>,
    method: 'GET' | 'POST',
  ): Promise<ProviderAnswer>;
}

/** The injection token of the strategies (a multi-provider list, one per type group). */
export const FEDERATION_STRATEGIES = Symbol('FEDERATION_STRATEGIES');
