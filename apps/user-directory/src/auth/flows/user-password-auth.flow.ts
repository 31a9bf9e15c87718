import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { AuthFlowStrategy } from './auth-flow';
import { PasswordSignIn } from './password-sign-in';

/** USER_PASSWORD_AUTH: the client sends the password itself (InitiateAuth only). */
@Injectable()
export class UserPasswordAuthFlow implements AuthFlowStrategy {
  readonly flows = ['USER_PASSWORD_AUTH'];
  readonly operations = ['InitiateAuth'] as const;
  readonly allowedBy = 'USER_PASSWORD_AUTH';

  constructor(@Inject(PasswordSignIn) private readonly password: PasswordSignIn) {}

  start(auth: ClientForAuth, params: Record<string, string>): Promise<InitiateAuthResponse> {
    return this.password.signIn(auth, params);
  }
}
