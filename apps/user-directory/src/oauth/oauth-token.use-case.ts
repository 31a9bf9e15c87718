import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, OAuthFormRequest, OAuthHttpAnswer, UserDirectoryOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { createHash, timingSafeEqual } from 'node:crypto';
import { RefreshTokenRenewal } from '../auth/refresh-token-renewal';
import { SignInCompletion } from '../auth/sign-in-completion';
import { ClientForAuth } from '../clients/clients.service';
import { UsersRepository } from '../users/users.repository';
import { AuthorizationCodesRepository } from './authorization-codes.repository';
import { OAuthClientAuthentication } from './client-authentication';
import { ClientCredentialsGrant } from './client-credentials-grant';
import { digestOf } from './oauth-grants';
import { ExchangeRefusal, TokenExchange, TokenExchangeRequest } from './token-exchange';
import { BlockedAddresses, SECURITY_REFUSAL } from '../risk/threat-protection';

/** RFC 8693 3: the token type identifiers of the form, and GetDerivedToken's names for them. */
const TOKEN_TYPE_URNS = {
  'urn:ietf:params:oauth:token-type:access_token': 'ACCESS_TOKEN',
  'urn:ietf:params:oauth:token-type:id_token': 'ID_TOKEN',
  'urn:ietf:params:oauth:token-type:saml2': 'SAML2',
} as const;
type TokenTypeUrn = keyof typeof TOKEN_TYPE_URNS;
const isTokenTypeUrn = (v: string | undefined): v is TokenTypeUrn => v !== undefined && v in TOKEN_TYPE_URNS;
const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** The token endpoint's refusals: HTTP 400 with `{"error": ...}`, as Cognito answers. */
export const oauthError = (error: string, description?: string): OAuthHttpAnswer => ({
  status: 400,
  body: { error, ...(description ? { error_description: description } : {}) },
});

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * `aws_client_metadata`: URL-encoded JSON of string values for the pre token generation trigger
 * of a client_credentials grant, as Cognito's token endpoint takes it. Absent is undefined.
 */
function clientMetadataOfForm(value: string | undefined): Record<string, string> | undefined | 'bad' {
  if (value === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    if (
      typeof parsed !== 'object' ||
      parsed === null ||
      Array.isArray(parsed) ||
      Object.values(parsed).some((v) => typeof v !== 'string')
    )
      return 'bad';
    return parsed as Record<string, string>;
  } catch {
    return 'bad';
  }
}

/** RFC 7636: the verifier answers the challenge (S256: BASE64URL(SHA-256(verifier))). */
function verifierMatches(method: 'S256' | 'plain', challenge: string, verifier: string): boolean {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) return false;
  const computed = method === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
  return sameText(computed, challenge);
}

/**
 * POST /oauth2/token: an authorization code (with its PKCE verifier and the same redirect URI) or a
 * refresh token for tokens, to an authenticated client. Codes are taken out as they are redeemed,
 * so a second use finds nothing. A refresh token of a rotating client is rotated, as
 * GetTokensFromRefreshToken rotates it (RefreshTokenRenewal). client_credentials: the access token
 * of ClientCredentialsGrant, GetClientToken's (no ID or refresh token), as Cognito.
 */
@Injectable()
export class OAuthTokenUseCase implements OperationHandler<typeof UserDirectoryOperations.OAuthToken> {
  constructor(
    @Inject(OAuthClientAuthentication) private readonly clients: OAuthClientAuthentication,
    @Inject(AuthorizationCodesRepository) private readonly codes: AuthorizationCodesRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(RefreshTokenRenewal) private readonly renewal: RefreshTokenRenewal,
    @Inject(ClientCredentialsGrant) private readonly m2m: ClientCredentialsGrant,
    @Inject(TokenExchange) private readonly tokenExchange: TokenExchange,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  async execute(req: OAuthFormRequest, meta?: CommandMeta): Promise<OAuthHttpAnswer> {
    const form = req.Form ?? {};
    const grant = form.grant_type;
    if (!grant) return oauthError('invalid_request', 'grant_type is required.');
    if (!['authorization_code', 'refresh_token', 'client_credentials', TOKEN_EXCHANGE].includes(grant))
      return oauthError('unsupported_grant_type');
    const auth = await this.clients.authenticate(req.UserPoolId, form, req.Authorization);
    if (!auth) return oauthError('invalid_client');
    // Threat protection's block list (ADR 0091) on the grants that sign a user in, before the code
    // or token is looked at, so a blocked request spends nothing and reads the same for any grant.
    // client_credentials authenticates no user (a machine identity), and is not refused.
    if (
      (grant === 'authorization_code' || grant === 'refresh_token') &&
      (await this.blocked.isBlocked(auth.pool, auth.client.id, meta?.sourceIp))
    )
      return oauthError('invalid_grant', SECURITY_REFUSAL);
    if (grant === 'authorization_code') return this.redeemCode(auth, form);
    if (grant === 'refresh_token') return this.refreshTokens(auth, form, meta?.requestId);
    if (grant === TOKEN_EXCHANGE) return this.exchange(auth, form);
    return this.clientCredentials(auth, form);
  }

  /**
   * RFC 8693 token exchange: GetDerivedToken's exchange (ADR 0088) with the RFC's form names. The
   * answer carries the issued token as `access_token` whatever its type, as the RFC's response does.
   */
  private async exchange(auth: ClientForAuth, form: Record<string, string>): Promise<OAuthHttpAnswer> {
    const subjectType = form.subject_token_type;
    const actorType = form.actor_token_type;
    const requested = form.requested_token_type;
    if (!form.subject_token || form.subject_token.length > 131072 || !isTokenTypeUrn(subjectType))
      return oauthError('invalid_request', 'subject_token and subject_token_type are required.');
    if (actorType !== undefined && !isTokenTypeUrn(actorType))
      return oauthError('invalid_request', 'actor_token_type is not supported.');
    if (
      requested !== undefined &&
      requested !== 'urn:ietf:params:oauth:token-type:access_token' &&
      requested !== 'urn:ietf:params:oauth:token-type:id_token'
    )
      return oauthError('invalid_request', 'requested_token_type is not supported.');
    const listOf = (value: string | undefined) => (value ?? '').split(/[\s+]+/).filter(Boolean);
    const audiences = listOf(form.audience);
    const resources = listOf(form.resource);
    if (audiences.length > 1 || resources.length > 1) return oauthError('invalid_target');
    const scopes = listOf(form.scope);
    const request: TokenExchangeRequest = {
      subjectToken: form.subject_token,
      subjectTokenType: TOKEN_TYPE_URNS[subjectType],
      ...(form.actor_token !== undefined ? { actorToken: form.actor_token } : {}),
      ...(actorType !== undefined ? { actorTokenType: TOKEN_TYPE_URNS[actorType] } : {}),
      ...(scopes.length ? { scopes } : {}),
      ...(audiences.length ? { audiences } : {}),
      ...(resources.length ? { resources } : {}),
      ...(requested !== undefined ? { requestedTokenType: TOKEN_TYPE_URNS[requested] } : {}),
    };
    try {
      const issued = await this.tokenExchange.exchange(auth, request);
      const access = issued.type === 'ACCESS_TOKEN';
      return {
        status: 200,
        body: {
          access_token: issued.token,
          issued_token_type: `urn:ietf:params:oauth:token-type:${access ? 'access_token' : 'id_token'}`,
          token_type: access ? 'Bearer' : 'N_A',
          expires_in: issued.expiresIn,
          ...(issued.scopes ? { scope: issued.scopes.join(' ') } : {}),
        },
      };
    } catch (err) {
      if (err instanceof ExchangeRefusal) return oauthError(err.oauth);
      // A subject or actor token that is forged, expired, revoked, or another client's.
      if (err instanceof ServiceError) return oauthError('invalid_grant');
      throw err;
    }
  }

  private async clientCredentials(
    auth: ClientForAuth,
    form: Record<string, string>,
  ): Promise<OAuthHttpAnswer> {
    const asked = (form.scope ?? '').split(/[\s+]+/).filter(Boolean);
    const metadata = clientMetadataOfForm(form.aws_client_metadata);
    if (metadata === 'bad')
      return oauthError('invalid_request', 'aws_client_metadata is not a JSON object of strings.');
    const token = await this.m2m.issue(auth, asked, metadata);
    if (typeof token === 'string') return oauthError(token);
    return {
      status: 200,
      body: { access_token: token.accessToken, expires_in: token.expiresIn, token_type: 'Bearer' },
    };
  }

  private async redeemCode(auth: ClientForAuth, form: Record<string, string>): Promise<OAuthHttpAnswer> {
    const config = auth.client.config;
    if (!config.allowedOAuthFlowsUserPoolClient || !(config.allowedOAuthFlows ?? []).includes('code'))
      return oauthError('unauthorized_client');
    if (!form.code || form.code.length > 256) return oauthError('invalid_request', 'code is required.');
    const code = await this.codes.consume(digestOf(form.code));
    if (!code || code.clientId !== auth.client.id || code.expiresAt.getTime() <= Date.now())
      return oauthError('invalid_grant');
    if (form.redirect_uri !== code.redirectUri) return oauthError('invalid_grant');
    if (code.codeChallenge) {
      const verifier = form.code_verifier;
      if (!verifier || !verifierMatches(code.codeChallengeMethod ?? 'plain', code.codeChallenge, verifier))
        return oauthError('invalid_grant');
    }
    const user = await this.users.findBySub(code.userSub);
    if (!user || user.poolId !== auth.client.poolId || !user.enabled) return oauthError('invalid_grant');
    const tokens = await this.completion.startSession(auth, user, {
      scopes: code.scopes,
      nonce: code.nonce ?? undefined,
      authTime: Math.floor(code.authTime.getTime() / 1000),
      ...(code.ssoSessionId ? { ssoSessionId: code.ssoSessionId } : {}),
    });
    return {
      status: 200,
      body: {
        ...(code.scopes.includes('openid') ? { id_token: tokens.IdToken } : {}),
        access_token: tokens.AccessToken,
        refresh_token: tokens.RefreshToken,
        expires_in: tokens.ExpiresIn,
        token_type: 'Bearer',
      },
    };
  }

  private async refreshTokens(
    auth: ClientForAuth,
    form: Record<string, string>,
    requestId: string | undefined,
  ): Promise<OAuthHttpAnswer> {
    const token = form.refresh_token;
    if (!token || token.length > 4096) return oauthError('invalid_request', 'refresh_token is required.');
    try {
      // Renewed, and rotated for a rotating client, as GetTokensFromRefreshToken does (ADR 0081).
      const { tokens: t, scopes } = await this.renewal.renew(auth, {
        refreshToken: token,
        ...(requestId ? { requestId } : {}),
      });
      return {
        status: 200,
        body: {
          ...(!scopes || scopes.includes('openid') ? { id_token: t.IdToken } : {}),
          access_token: t.AccessToken,
          ...(t.RefreshToken ? { refresh_token: t.RefreshToken } : {}),
          expires_in: t.ExpiresIn,
          token_type: 'Bearer',
        },
      };
    } catch (err) {
      // A revoked, expired, rotated-out or reused token, or a disabled user: RFC 6749 5.2.
      if (err instanceof ServiceError) return oauthError('invalid_grant');
      throw err;
    }
  }
}
