import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isTriggerError } from '../triggers/trigger-caller';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import {
  InitiateAuthResponse,
  OAuthMfaChallenge,
  OAuthSignInOutcome,
  RespondToAuthChallengeResponse,
} from '@idfed/contracts';
import { SignInCompletion } from '../auth/sign-in-completion';
import { hashRefreshToken } from '../auth/refresh-tokens';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { secretHash } from '../auth/secret-hash';
import { ClientForAuth } from '../clients/clients.service';
import { UserEntity } from '../database/entities';
import { AssociateSoftwareTokenUseCase } from '../mfa/associate-software-token.use-case';
import { MfaSignIn } from '../mfa/mfa-sign-in';
import { UsersRepository } from '../users/users.repository';
import { expiredTemporaryPasswordMessage, temporaryPasswordExpired } from '../users/temporary-password';
import { AuthorizeRequest } from './authorize-request';
import { OAuthGrants } from './oauth-grants';

const MFA_CHALLENGES: readonly string[] = [
  'SOFTWARE_TOKEN_MFA',
  'SMS_MFA',
  'EMAIL_OTP',
  'SELECT_MFA_TYPE',
  'MFA_SETUP',
] satisfies OAuthMfaChallenge[];

export function isHostedMfaChallenge(name: unknown): name is OAuthMfaChallenge {
  return typeof name === 'string' && MFA_CHALLENGES.includes(name);
}

/** SECRET_HASH / SecretHash for a client with a secret: the hosted pages act as the client itself. */
export function secretHashFor(auth: ClientForAuth, username: string): string | undefined {
  return auth.secret ? secretHash(auth.secret, username, auth.client.id) : undefined;
}

/** The payload of a JWT the user directory just issued (trusted: it never left this process). */
function subOf(idToken: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
      sub?: unknown;
    };
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}

/**
 * After the hosted page proved a password (or set a new one, or answered a challenge): the account
 * checks of any sign-in, the MFA pages the pool asks for (ADR 0026), then a hosted session and the
 * answer to the app.
 */
@Injectable()
export class HostedSignIn {
  constructor(
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(MfaSignIn) private readonly mfa: MfaSignIn,
    @Inject(OAuthGrants) private readonly grants: OAuthGrants,
    @Inject(AssociateSoftwareTokenUseCase) private readonly associate: AssociateSoftwareTokenUseCase,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
  ) {}

  async afterPassword(
    auth: ClientForAuth,
    request: AuthorizeRequest,
    user: UserEntity,
  ): Promise<OAuthSignInOutcome> {
    const clientName = auth.client.name;
    const failed = (message: string): OAuthSignInOutcome => ({ kind: 'login-failed', message, clientName });
    if (!user.enabled) return failed('User is disabled.');
    switch (user.status) {
      case 'UNCONFIRMED':
        return failed('User is not confirmed.');
      case 'RESET_REQUIRED':
        return failed('Password reset required for the user.');
      case 'FORCE_CHANGE_PASSWORD': {
        if (temporaryPasswordExpired(user)) return failed(expiredTemporaryPasswordMessage(auth.pool.config));
        const challenge = await this.completion.afterPasswordProof(auth, auth.pool, user);
        return { kind: 'new-password', session: challenge.Session!, username: user.username, clientName };
      }
      case 'CONFIRMED':
        return this.signedIn(auth, request, user);
      case 'EXTERNAL_PROVIDER':
        // A federated user has no password of the pool: answered as a wrong password.
        return failed('Incorrect username or password.');
    }
  }

  /**
   * After a provider's sign-in (ADR 0024): the provider authenticated the user, so no password
   * or second factor of the pool is asked; a hosted session opens as for a password sign-in.
   */
  async afterFederation(
    auth: ClientForAuth,
    request: AuthorizeRequest,
    user: UserEntity,
  ): Promise<OAuthSignInOutcome> {
    if (!user.enabled) return { kind: 'error', error: 'invalid_request', description: 'User is disabled.' };
    return this.finish(auth, request, user);
  }

  /** The first factor is proven: the MFA page the pool and the user call for, else signed in. */
  async signedIn(
    auth: ClientForAuth,
    request: AuthorizeRequest,
    user: UserEntity,
  ): Promise<OAuthSignInOutcome> {
    const challenge = await this.mfa.challengeFor(auth, user);
    if (challenge) return this.mfaPage(auth, user.username, challenge);
    return this.finish(auth, request, user);
  }

  /** Every factor is proven: a hosted session and the app's answer. */
  async finish(
    auth: ClientForAuth,
    request: AuthorizeRequest,
    user: UserEntity,
  ): Promise<OAuthSignInOutcome> {
    // PostAuthentication (ADR 0030) after the pool's own factors; a provider's sign-in is not one.
    const authTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    // The SSO session's id is drawn first: the code names it, for the token session it starts.
    const ssoSessionId = randomUUID();
    let location: string;
    try {
      if (user.status !== 'EXTERNAL_PROVIDER') {
        await this.triggers.postAuthentication(auth.pool, auth.client.id, user, false);
      }
      location = await this.grants.answer(auth, request, user, authTime, ssoSessionId);
    } catch (err) {
      // A trigger's refusal is shown on the page, as Cognito's pages show it; nothing was opened.
      if (isTriggerError(err))
        return { kind: 'login-failed', message: err.message, clientName: auth.client.name };
      throw err;
    }
    const session = await this.grants.openSession(user, authTime, auth.client.id, ssoSessionId);
    return {
      kind: 'signed-in',
      location,
      sessionToken: session.token,
      sessionMaxAgeSeconds: session.maxAgeSeconds,
    };
  }

  /**
   * After a challenge was answered through the sign-in API's own handlers: the next challenge's page,
   * or, once they issued tokens, the hosted session. Those tokens never leave: their refresh token
   * is revoked at once and the app gets its own through the authorization request.
   */
  async afterChallenge(
    auth: ClientForAuth,
    request: AuthorizeRequest,
    username: string,
    answer: RespondToAuthChallengeResponse,
  ): Promise<OAuthSignInOutcome> {
    const result = answer.AuthenticationResult;
    if (!result) return this.mfaPage(auth, username, answer);
    if (result.RefreshToken)
      await this.refreshTokens.revoke(hashRefreshToken(result.RefreshToken), new Date());
    const sub = result.IdToken ? subOf(result.IdToken) : undefined;
    const user = sub ? await this.users.findBySub(sub) : undefined;
    if (!user) return { kind: 'login-failed', message: 'Sign in again.', clientName: auth.client.name };
    return this.finish(auth, request, user);
  }

  /** The page of a challenge; MFA_SETUP first associates a new TOTP secret to show. */
  async mfaPage(
    auth: ClientForAuth,
    username: string,
    challenge: InitiateAuthResponse,
    message?: string,
  ): Promise<OAuthSignInOutcome> {
    const clientName = auth.client.name;
    const name = challenge.ChallengeName;
    if (!isHostedMfaChallenge(name) || !challenge.Session) {
      return {
        kind: 'login-failed',
        message: 'This sign-in step is not offered by these pages.',
        clientName,
      };
    }
    const params = challenge.ChallengeParameters ?? {};
    const base = {
      kind: 'mfa' as const,
      challenge: name,
      username,
      clientName,
      ...(message ? { message } : {}),
    };
    switch (name) {
      case 'SELECT_MFA_TYPE':
        return {
          ...base,
          session: challenge.Session,
          options: JSON.parse(params.MFAS_CAN_CHOOSE ?? '[]') as string[],
        };
      case 'MFA_SETUP': {
        const associated = await this.associate.execute({ Session: challenge.Session });
        const secretCode = associated.SecretCode!;
        const label = encodeURIComponent(`${auth.pool.name}:${username}`);
        const issuer = encodeURIComponent(auth.pool.name);
        return {
          ...base,
          session: associated.Session!,
          secretCode,
          otpauthUri: `otpauth://totp/${label}?secret=${secretCode}&issuer=${issuer}`,
        };
      }
      case 'SOFTWARE_TOKEN_MFA':
      case 'SMS_MFA':
      case 'EMAIL_OTP':
        return {
          ...base,
          session: challenge.Session,
          ...(params.CODE_DELIVERY_DESTINATION ? { destination: params.CODE_DELIVERY_DESTINATION } : {}),
        };
    }
  }
}
