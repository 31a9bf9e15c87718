import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { AuthFlowStrategy, SignInClaim } from './auth-flow';
import { PasswordGiven, PasswordSignIn } from './password-sign-in';

/**
 * ADMIN_USER_PASSWORD_AUTH (and its legacy name ADMIN_NO_SRP_AUTH): a trusted back end signing with
 * the admin key checks the password on the server (AdminInitiateAuth only).
 */
@Injectable()
export class AdminUserPasswordAuthFlow implements AuthFlowStrategy<PasswordGiven> {
  readonly flows = ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];
  readonly operations = ['AdminInitiateAuth'] as const;
  readonly allowedBy = 'ADMIN_USER_PASSWORD_AUTH';

  constructor(@Inject(PasswordSignIn) private readonly password: PasswordSignIn) {}

  claim(_auth: ClientForAuth, params: Record<string, string>): Promise<SignInClaim<PasswordGiven>> {
    return this.password.claim(params);
  }

  start(
    auth: ClientForAuth,
    _params: Record<string, string>,
    given: PasswordGiven,
    validationData?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    return this.password.signIn(auth, { ...given, ...(validationData ? { validationData } : {}) });
  }
}
