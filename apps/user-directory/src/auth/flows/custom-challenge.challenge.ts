import { Inject, Injectable } from '@nestjs/common';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { UsersRepository } from '../../users/users.repository';
import { ChallengeHandler, SignInClaim } from './auth-flow';
import { deviceKeyOf } from './auth-parameters';
import { CustomAuth, CustomAuthSession } from './custom-auth';
import { userOfSession } from './first-factor-sessions';

/** What the answer read: the name, its user (none for a decoy), the opened Session and the ANSWER. */
export interface CustomChallengeAnswer {
  username: string;
  user: UserEntity | undefined;
  session: CustomAuthSession;
  answer: string;
}

/**
 * CUSTOM_CHALLENGE (ADR 0036): the ANSWER to a challenge the pool's CreateAuthChallenge made,
 * judged by VerifyAuthChallengeResponse; DefineAuthChallenge then decides the next round. The
 * Session must have been issued to this client (the seal) and this user (or, for a decoy, the same
 * name typed); it is answered once only.
 */
@Injectable()
export class CustomChallengeChallenge implements ChallengeHandler<CustomChallengeAnswer> {
  readonly challenge = 'CUSTOM_CHALLENGE';
  readonly allowedBy = 'CUSTOM_AUTH';

  constructor(
    @Inject(CustomAuth) private readonly custom: CustomAuth,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<CustomChallengeAnswer>> {
    const { USERNAME: username, ANSWER: answer } = responses;
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    if (answer === undefined) throw CognitoErrors.invalidParameter('Missing required parameter ANSWER');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.custom.open(auth, session);
    const user = await userOfSession(this.users, auth, opened, username);
    return {
      secretHashNames: user ? [username, user.username] : [username],
      found: { username, user, session: opened, answer },
    };
  }

  answer(
    auth: ClientForAuth,
    responses: Record<string, string>,
    { username, user, session, answer }: CustomChallengeAnswer,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    return this.custom.answer(
      auth,
      { username, user },
      session,
      answer,
      deviceKeyOf(responses),
      clientMetadata,
    );
  }
}
