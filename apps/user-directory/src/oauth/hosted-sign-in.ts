import { Inject, Injectable } from '@nestjs/common';
import { OAuthSignInOutcome } from '@idfed/contracts';
import { SignInCompletion } from '../auth/sign-in-completion';
import { ClientForAuth } from '../clients/clients.service';
import { UserEntity } from '../database/entities';
import { MfaSignIn } from '../mfa/mfa-sign-in';
import { AuthorizeRequest } from './authorize-request';
import { OAuthGrants } from './oauth-grants';

/**
 * After the hosted page proved a password (or set a new one): the account checks of any sign-in,
 * then a hosted session and the answer to the app. A user the pool asks for MFA is told the hosted
 * pages cannot do it yet rather than let in without the second factor.
 */
@Injectable()
export class HostedSignIn {
  constructor(
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(MfaSignIn) private readonly mfa: MfaSignIn,
    @Inject(OAuthGrants) private readonly grants: OAuthGrants,
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
        if (user.passwordExpiresAt && user.passwordExpiresAt.getTime() <= Date.now())
          return failed('Temporary password has expired and must be reset by an administrator.');
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
    return this.open(auth, request, user);
  }

  async signedIn(
    auth: ClientForAuth,
    request: AuthorizeRequest,
    user: UserEntity,
  ): Promise<OAuthSignInOutcome> {
    if (await this.mfa.challengeFor(auth, user)) {
      return {
        kind: 'login-failed',
        message:
          'This account signs in with multi-factor authentication, which these pages do not offer yet.',
        clientName: auth.client.name,
      };
    }
    return this.open(auth, request, user);
  }

  private async open(
    auth: ClientForAuth,
    request: AuthorizeRequest,
    user: UserEntity,
  ): Promise<OAuthSignInOutcome> {
    const authTime = new Date(Math.floor(Date.now() / 1000) * 1000);
    const session = await this.grants.openSession(user, authTime);
    const location = await this.grants.answer(auth, request, user, authTime);
    return {
      kind: 'signed-in',
      location,
      sessionToken: session.token,
      sessionMaxAgeSeconds: session.maxAgeSeconds,
    };
  }
}
