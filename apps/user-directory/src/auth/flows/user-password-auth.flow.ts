import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { AuthFlowStrategy, SignInClaim } from './auth-flow';
import { PasswordGiven, PasswordSignIn } from './password-sign-in';

/** USER_PASSWORD_AUTH: the client sends the password itself (InitiateAuth only). */
@Injectable()
export class UserPasswordAuthFlow implements AuthFlowStrategy<PasswordGiven> {
  readonly flows = ['USER_PASSWORD_AUTH'];
  readonly operations = ['InitiateAuth'] as const;
  readonly allowedBy = 'USER_PASSWORD_AUTH';

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
