import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  RespondToAuthChallengeRequest,
  RespondToAuthChallengeResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { BlockedAddresses, userAddress } from '../risk/threat-protection';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { ClientsService } from '../clients/clients.service';
import { Patterns, RequestValidator } from '../common/validate';
import { AuthFlows } from './flows/auth-flows';
import { CHALLENGE_NAMES, challengeResponsesOf, clientMetadataOf } from './flows/auth-parameters';

/** RespondToAuthChallenge: the second step of a sign-in that answered with a challenge. */
@Injectable()
export class RespondToAuthChallengeUseCase implements OperationHandler<
  typeof UserDirectoryOperations.RespondToAuthChallenge
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(AuthFlows) private readonly flows: AuthFlows,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  async execute(
    req: RespondToAuthChallengeRequest,
    meta?: CommandMeta,
  ): Promise<RespondToAuthChallengeResponse> {
    RequestValidator.of(req)
      .string('ClientId', { required: true, min: 1, max: 128, pattern: Patterns.clientId })
      .oneOf('ChallengeName', CHALLENGE_NAMES, true)
      .string('Session', { min: 20, max: 4096, secret: true })
      .check();
    const responses = challengeResponsesOf(req.ChallengeResponses);
    const clientMetadata = clientMetadataOf(req.ClientMetadata);
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    const sourceIp = userAddress(auth.client, req.UserContextData, meta?.sourceIp);
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, sourceIp);
    return this.events.within({ sourceIp, userAgent: meta?.userAgent }, () =>
      this.flows.respond(req.ChallengeName, auth, req.Session, responses, clientMetadata),
    );
  }
}
