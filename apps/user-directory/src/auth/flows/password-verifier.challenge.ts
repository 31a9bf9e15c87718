import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { allowsFlow } from '../../clients/client-config';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { invalidSession } from '../../mfa/mfa-sessions';
import { UsersRepository } from '../../users/users.repository';
import { AuthSessionSeal } from '../auth-session-seal';
import { SrpProof, UserSrpAuth } from '../user-srp-auth';
import { ChallengeHandler, SignInClaim } from './auth-flow';
import { CustomAuth, CustomAuthSession } from './custom-auth';
import { userOfSession } from './first-factor-sessions';

/** The proof, and for CUSTOM_AUTH's SRP path the opened CUSTOM_AUTH Session it answers. */
export interface PasswordVerifierAnswer {
  proof: SrpProof;
  custom?: CustomAuthSession;
}

/**
 * PASSWORD_VERIFIER, the second step of USER_SRP_AUTH and of USER_AUTH's PASSWORD_SRP: the
 * client's proof of the password. With a CUSTOM_AUTH Session (ADR 0036's SRP path) it is the
 * answer to the PASSWORD_VERIFIER DefineAuthChallenge asked for, and DefineAuthChallenge decides
 * what follows; without one, the client must allow USER_SRP_AUTH or USER_AUTH, so a client that
 * allows only CUSTOM_AUTH cannot skip its functions with a bare SRP proof.
 */
@Injectable()
export class PasswordVerifierChallenge implements ChallengeHandler<PasswordVerifierAnswer> {
  readonly challenge = 'PASSWORD_VERIFIER';
  readonly allowedBy = ['USER_SRP_AUTH', 'USER_AUTH', 'CUSTOM_AUTH'] as const;

  constructor(
    @Inject(UserSrpAuth) private readonly srp: UserSrpAuth,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(CustomAuth) private readonly custom: CustomAuth,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<PasswordVerifierAnswer>> {
    const opened = session
      ? this.seal.open<CustomAuthSession>('custom-auth-session', auth.client.id, session)
      : undefined;
    if (opened && !opened.ok && opened.reason === 'expired') throw invalidSession('expired');
    if (opened?.ok) {
      if (!allowsFlow(auth.client.config, 'CUSTOM_AUTH'))
        throw CognitoErrors.invalidParameter('CUSTOM_AUTH flow not enabled for this client');
      const claim = await this.srp.readProof(auth, responses);
      const user = await userOfSession(this.users, auth, opened.value, claim.found.username);
      return {
        secretHashNames: claim.secretHashNames,
        found: { proof: { ...claim.found, user }, custom: opened.value },
      };
    }
    if (!allowsFlow(auth.client.config, 'USER_SRP_AUTH') && !allowsFlow(auth.client.config, 'USER_AUTH'))
      throw CognitoErrors.invalidParameter('USER_SRP_AUTH flow not enabled for this client');
    const claim = await this.srp.readProof(auth, responses);
    return { secretHashNames: claim.secretHashNames, found: { proof: claim.found } };
  }

  answer(
    auth: ClientForAuth,
    _responses: Record<string, string>,
    { proof, custom }: PasswordVerifierAnswer,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    if (custom)
      return this.custom.answerPassword(
        auth,
        { username: proof.username, user: proof.user },
        custom,
        proof,
        clientMetadata,
      );
    return this.srp.verify(auth, proof, clientMetadata);
  }
}
