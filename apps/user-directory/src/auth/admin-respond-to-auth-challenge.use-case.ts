import { Inject, Injectable } from '@nestjs/common';
import {
  AdminRespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService } from '../clients/clients.service';
import { Members, RequestValidator } from '../common/validate';
import { CHALLENGE_NAMES, ChallengeAnswers, challengeResponsesOf } from './challenge-answers';

/** AdminRespondToAuthChallenge: RespondToAuthChallenge for a back end signing with the admin key. */
@Injectable()
export class AdminRespondToAuthChallengeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminRespondToAuthChallenge
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(ChallengeAnswers) private readonly challenges: ChallengeAnswers,
  ) {}

  async execute(req: AdminRespondToAuthChallengeRequest): Promise<RespondToAuthChallengeResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .oneOf('ChallengeName', CHALLENGE_NAMES, true)
      .string('Session', { min: 20, max: 4096, secret: true })
      .check();
    const responses = challengeResponsesOf(req.ChallengeResponses);
    return this.challenges.answer(
      await this.clients.forAdminAuth(req.UserPoolId, req.ClientId),
      req,
      responses,
    );
  }
}
