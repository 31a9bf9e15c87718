import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { AuthFlowStrategy } from './auth-flow';
import { PasswordSignIn } from './password-sign-in';

/**
 * ADMIN_USER_PASSWORD_AUTH (and its legacy name ADMIN_NO_SRP_AUTH): a trusted back end signing with
 * the admin key checks the password on the server (AdminInitiateAuth only).
 */
@Injectable()
export class AdminUserPasswordAuthFlow implements AuthFlowStrategy {
  readonly flows = ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'];
  readonly operations = ['AdminInitiateAuth'] as const;
  readonly allowedBy = 'ADMIN_USER_PASSWORD_AUTH';

  constructor(@Inject(PasswordSignIn) private readonly password: PasswordSignIn) {}

  start(auth: ClientForAuth, params: Record<string, string>): Promise<InitiateAuthResponse> {
    return this.password.signIn(auth, params);
  }
}
