import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { SrpProof, UserSrpAuth } from '../user-srp-auth';
import { ChallengeHandler, SignInClaim } from './auth-flow';

/**
 * PASSWORD_VERIFIER, the second step of USER_SRP_AUTH and of USER_AUTH's PASSWORD_SRP: the
 * client's proof of the password.
 */
@Injectable()
export class PasswordVerifierChallenge implements ChallengeHandler<SrpProof> {
  readonly challenge = 'PASSWORD_VERIFIER';
  readonly allowedBy = ['USER_SRP_AUTH', 'USER_AUTH'] as const;

  constructor(@Inject(UserSrpAuth) private readonly srp: UserSrpAuth) {}

  claim(
    auth: ClientForAuth,
    _session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<SrpProof>> {
    return this.srp.readProof(auth, responses);
  }

  answer(
    auth: ClientForAuth,
    _responses: Record<string, string>,
    proof: SrpProof,
  ): Promise<RespondToAuthChallengeResponse> {
    return this.srp.verify(auth, proof);
  }
}
