import { Inject, Injectable } from '@nestjs/common';
import {
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService } from '../clients/clients.service';
import { Patterns, RequestValidator } from '../common/validate';
import { CHALLENGE_NAMES, ChallengeAnswers, challengeResponsesOf } from './challenge-answers';

/** RespondToAuthChallenge: the second step of a sign-in that answered with a challenge. */
@Injectable()
export class RespondToAuthChallengeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.RespondToAuthChallenge
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(ChallengeAnswers) private readonly challenges: ChallengeAnswers,
  ) {}

  async execute(req: RespondToAuthChallengeRequest): Promise<RespondToAuthChallengeResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .oneOf('ChallengeName', CHALLENGE_NAMES, true)
      .string('Session', { min: 20, max: 4096, secret: true })
      .check();
    const responses = challengeResponsesOf(req.ChallengeResponses);
    return this.challenges.answer(await this.clients.forAuth(req.ClientId), req, responses);
  }
}
