import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  OAuthConfirmLinkOutcome,
  OAuthConfirmLinkRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientForAuth, ClientsService } from '../clients/clients.service';
import { ConfirmSignUpUseCase } from '../users/confirm-sign-up.use-case';
import { confirmsByLink } from '../users/confirmation-links';
import { secretHashFor } from './hosted-sign-in';
import { isSecurityRefusal, SECURITY_REFUSAL } from '../risk/threat-protection';

/** Cognito's answer to a link it will not honour (its `ExpiredCodeException` text for links). */
export const INVALID_LINK = 'Invalid link provided, please request a link again.';
const TOO_MANY = 'Attempt limit exceeded, please try after some time.';

/**
 * GET /confirmUser with a confirmation link's parameters (ADR 0062): ConfirmSignUp as the API runs
 * it (the same code, attempt counting and PostConfirmation), for a client of the pool the path
 * names, in a pool that confirms by link. Every refusal reads alike, so the page tells nobody
 * whether a user exists or is already confirmed.
 */
@Injectable()
export class OAuthConfirmLinkUseCase implements OperationHandler<
  typeof UserDirectoryOperations.OAuthConfirmLink
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(ConfirmSignUpUseCase) private readonly confirm: ConfirmSignUpUseCase,
  ) {}

  async execute(req: OAuthConfirmLinkRequest, meta: CommandMeta): Promise<OAuthConfirmLinkOutcome> {
    const refused: OAuthConfirmLinkOutcome = { confirmed: false, message: INVALID_LINK };
    const username = typeof req.Username === 'string' ? req.Username : '';
    const code = typeof req.Code === 'string' ? req.Code : '';
    let auth: ClientForAuth;
    try {
      auth = await this.clients.forAuth(req.ClientId);
    } catch (err) {
      if (err instanceof ServiceError) return refused;
      throw err;
    }
    if (auth.client.poolId !== req.UserPoolId || !confirmsByLink(auth.pool.config)) return refused;
    if (!username || !code) return refused;
    try {
      await this.confirm.execute(
        {
          ClientId: auth.client.id,
          Username: username,
          ConfirmationCode: code,
          ...(auth.secret ? { SecretHash: secretHashFor(auth, username) } : {}),
        },
        meta,
      );
    } catch (err) {
      if (!(err instanceof ServiceError)) throw err;
      // A blocked address (ADR 0091), refused before the name is looked at: the same for every link.
      if (isSecurityRefusal(err)) return { confirmed: false, message: SECURITY_REFUSAL };
      const name: string = (err as ServiceError).errorName;
      return name === 'LimitExceededException' || name === 'TooManyRequestsException'
        ? { confirmed: false, message: TOO_MANY }
        : refused;
    }
    return { confirmed: true, clientName: auth.client.name };
  }
}
