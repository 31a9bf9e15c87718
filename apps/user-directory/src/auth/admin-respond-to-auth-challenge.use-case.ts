import { Inject, Injectable } from '@nestjs/common';
import {
  AdminRespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService } from '../clients/clients.service';
import { Members, RequestValidator } from '../common/validate';
import { AuthFlows } from './flows/auth-flows';
import { CHALLENGE_NAMES, challengeResponsesOf, clientMetadataOf } from './flows/auth-parameters';

/** AdminRespondToAuthChallenge: RespondToAuthChallenge for a back end signing with the admin key. */
@Injectable()
export class AdminRespondToAuthChallengeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminRespondToAuthChallenge
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(AuthFlows) private readonly flows: AuthFlows,
  ) {}

  async execute(req: AdminRespondToAuthChallengeRequest): Promise<RespondToAuthChallengeResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .oneOf('ChallengeName', CHALLENGE_NAMES, true)
      .string('Session', { min: 20, max: 4096, secret: true })
      .check();
    const responses = challengeResponsesOf(req.ChallengeResponses);
    const clientMetadata = clientMetadataOf(req.ClientMetadata);
    const auth = await this.clients.forAdminAuth(req.UserPoolId, req.ClientId);
    return this.flows.respond(req.ChallengeName, auth, req.Session, responses, clientMetadata);
  }
}
