import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  GetTokensFromRefreshTokenRequest,
  GetTokensFromRefreshTokenResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService, isClientSecret } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { clientMetadataOf } from './flows/auth-parameters';
import { RefreshTokenRenewal } from './refresh-token-renewal';
import { BlockedAddresses } from '../risk/threat-protection';

/**
 * GetTokensFromRefreshToken (ADR 0074): the session of a live refresh token renewed (and, for a
 * rotating client, its refresh token rotated) by RefreshTokenRenewal, as the token endpoint's
 * `refresh_token` grant renews it, and refused from a blocked address as they are. A confidential client proves itself with ClientSecret, either
 * of its secrets. ClientMetadata goes to the pre token generation trigger (ADR 0081).
 */
@Injectable()
export class GetTokensFromRefreshTokenUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetTokensFromRefreshToken
> {
  constructor(
    @Inject(ClientsService) private readonly clients: ClientsService,
    @Inject(RefreshTokenRenewal) private readonly renewal: RefreshTokenRenewal,
    @Inject(BlockedAddresses) private readonly blocked: BlockedAddresses,
  ) {}

  async execute(
    req: GetTokensFromRefreshTokenRequest,
    meta?: CommandMeta,
  ): Promise<GetTokensFromRefreshTokenResponse> {
    RequestValidator.of(req)
      .string('RefreshToken', { required: true, pattern: Patterns.token, secret: true })
      .string('ClientId', Members.clientId)
      .string('ClientSecret', { min: 24, max: 64, pattern: Patterns.clientSecret, secret: true })
      .string('DeviceKey', { min: 1, max: 55, pattern: /^[\w-]+_[0-9a-f-]+$/ })
      .check();
    const clientMetadata = clientMetadataOf(req.ClientMetadata);
    const auth = await this.clients.forAuth(req.ClientId, meta?.region);
    // Threat protection's block list (ADR 0091), as on REFRESH_TOKEN_AUTH and the token endpoint's
    // refresh_token grant: before the token is read, so a blocked request rotates nothing.
    await this.blocked.refuseBlocked(auth.pool, auth.client.id, meta?.sourceIp);
    if (auth.secret) {
      const given = req.ClientSecret;
      if (!given)
        throw CognitoErrors.notAuthorized(
          `Client ${auth.client.id} is configured with secret but ClientSecret was not received`,
        );
      if (!isClientSecret(auth, given))
        throw CognitoErrors.notAuthorized(`Unable to verify the client secret for client ${auth.client.id}`);
    }
    const { tokens } = await this.renewal.renew(auth, {
      refreshToken: req.RefreshToken,
      ...(req.DeviceKey ? { deviceKey: req.DeviceKey } : {}),
      ...(clientMetadata ? { clientMetadata } : {}),
      ...(meta?.requestId ? { requestId: meta.requestId } : {}),
    });
    return { AuthenticationResult: tokens };
  }
}
