import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { SignInCompletion } from '../auth/sign-in-completion';
import { ClientForAuth } from '../clients/clients.service';
import { UserEntity } from '../database/entities';
import { UsersRepository } from '../users/users.repository';
import { appendToRedirect, AuthorizeRequest } from './authorize-request';
import { AuthorizationCodesRepository } from './authorization-codes.repository';
import { HostedSessionsRepository } from './hosted-sessions.repository';

/** Cognito's authorization codes live five minutes. */
export const CODE_TTL_SECONDS = 300;
/** Cognito's hosted sign-in session lasts an hour. */
export const HOSTED_SESSION_TTL_SECONDS = 3600;

/** SHA-256 of a random secret: codes and session cookies are stored this way only. */
export function digestOf(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What a signed-in browser gets: a hosted session (its cookie) and, for an authorization request,
 * a code or (implicit) the tokens, sent back to the app's redirect URI.
 */
@Injectable()
export class OAuthGrants {
  constructor(
    @Inject(AuthorizationCodesRepository) private readonly codes: AuthorizationCodesRepository,
    @Inject(HostedSessionsRepository) private readonly sessions: HostedSessionsRepository,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  /** The redirect that answers the request for this user: a code, or the tokens in the fragment. */
  async answer(
    auth: ClientForAuth,
    req: AuthorizeRequest,
    user: UserEntity,
    authTime: Date,
    ssoSessionId?: string,
  ): Promise<string> {
    const state: Record<string, string> = req.state !== undefined ? { state: req.state } : {};
    if (req.responseType === 'code') {
      const code = newSecret();
      await this.codes.insert({
        codeHash: digestOf(code),
        poolId: user.poolId,
        clientId: auth.client.id,
        userSub: user.sub,
        redirectUri: req.redirectUri,
        scopes: req.scopes,
        nonce: req.nonce ?? null,
        codeChallenge: req.codeChallenge ?? null,
        codeChallengeMethod: req.codeChallengeMethod ?? null,
        authTime,
        expiresAt: new Date(Date.now() + CODE_TTL_SECONDS * 1000),
        ssoSessionId: ssoSessionId ?? null,
      });
      return appendToRedirect(req.redirectUri, false, new URLSearchParams({ code, ...state }));
    }
    const tokens = await this.completion.startSession(auth, user, {
      scopes: req.scopes,
      nonce: req.nonce,
      authTime: Math.floor(authTime.getTime() / 1000),
      ...(ssoSessionId ? { ssoSessionId } : {}),
    });
    // The implicit flow hands out no refresh token, as Cognito's.
    const fragment: Record<string, string> = { access_token: tokens.AccessToken };
    if (req.scopes.includes('openid')) fragment.id_token = tokens.IdToken!;
    const params = new URLSearchParams({
      ...fragment,
      token_type: 'Bearer',
      expires_in: String(tokens.ExpiresIn),
      ...state,
    });
    return appendToRedirect(req.redirectUri, true, params);
  }

  /** A new hosted session for the user: the cookie's value and lifetime. */
  async openSession(
    user: UserEntity,
    authTime: Date,
    clientId?: string,
    sessionId?: string,
  ): Promise<{ token: string; maxAgeSeconds: number }> {
    const token = newSecret();
    await this.sessions.insert(digestOf(token), {
      ...(clientId ? { clientId } : {}),
      ...(sessionId ? { sessionId } : {}),
      poolId: user.poolId,
      userSub: user.sub,
      authTime,
      expiresAt: new Date(Date.now() + HOSTED_SESSION_TTL_SECONDS * 1000),
    });
    return { token, maxAgeSeconds: HOSTED_SESSION_TTL_SECONDS };
  }

  /**
   * The user a session cookie signs in, if the session is live, of this pool, and its user may
   * still sign in (enabled, confirmed or federated, not signed out everywhere since).
   */
  async sessionUser(
    poolId: string,
    token: string | undefined,
  ): Promise<{ user: UserEntity; authTime: Date; sessionId?: string } | undefined> {
    if (!token || token.length > 256) return undefined;
    const session = await this.sessions.find(digestOf(token));
    if (!session || session.poolId !== poolId || session.expiresAt.getTime() <= Date.now()) return undefined;
    const user = await this.users.findBySub(session.userSub);
    if (!user || user.poolId !== poolId || !user.enabled) return undefined;
    if (user.status !== 'CONFIRMED' && user.status !== 'EXTERNAL_PROVIDER') return undefined;
    if (user.tokensValidAfter && session.createdAt <= user.tokensValidAfter) return undefined;
    return { user, authTime: session.authTime, sessionId: session.sessionId };
  }

  async closeSession(token: string | undefined): Promise<void> {
    if (token && token.length <= 256) await this.sessions.delete(digestOf(token));
  }
}
