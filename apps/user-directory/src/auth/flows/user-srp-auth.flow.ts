import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { SrpStart, UserSrpAuth } from '../user-srp-auth';
import { AuthFlowStrategy, SignInClaim } from './auth-flow';

/** USER_SRP_AUTH, first step: answers the PASSWORD_VERIFIER challenge (UserSrpAuth). */
@Injectable()
export class UserSrpAuthFlow implements AuthFlowStrategy<SrpStart> {
  readonly flows = ['USER_SRP_AUTH'];
  readonly operations = ['InitiateAuth', 'AdminInitiateAuth'] as const;
  readonly allowedBy = 'USER_SRP_AUTH';

  constructor(@Inject(UserSrpAuth) private readonly srp: UserSrpAuth) {}

  claim(_auth: ClientForAuth, params: Record<string, string>): Promise<SignInClaim<SrpStart>> {
    return this.srp.readChallenge(params);
  }

  start(
    auth: ClientForAuth,
    _params: Record<string, string>,
    given: SrpStart,
    validationData?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    return this.srp.challenge(auth, { ...given, ...(validationData ? { validationData } : {}) });
  }
}
