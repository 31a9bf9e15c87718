import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenRequest, GetUserResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { readableAttributes } from '../clients/attribute-permissions';
import { ClientsService } from '../clients/clients.service';
import { Members, RequestValidator } from '../common/validate';
import { userMfaSettings } from '../mfa/mfa-preferences';
import { UserMfaRepository } from '../mfa/user-mfa.repository';
import { toAttributeList } from '../users/user-attributes';
import { AccessTokenVerifier } from './access-token.verifier';

/**
 * GetUser: the user's attributes its token's app client may read (ReadAttributes, ADR 0038) and
 * MFA settings, for the holder of their access token.
 */
@Injectable()
export class GetUserUseCase implements OperationHandler<typeof UserDirectoryOperations.GetUser> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(UserMfaRepository) private readonly mfa: UserMfaRepository,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: AccessTokenRequest): Promise<GetUserResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const { user, claims } = await this.tokens.verify(req.AccessToken);
    const client = await this.clients.forAuth(claims.client_id).catch(() => undefined);
    return {
      Username: user.username,
      UserAttributes: toAttributeList(user.sub, readableAttributes(client?.client.config, user.attributes)),
      ...userMfaSettings(await this.mfa.find(user.sub)),
    };
  }
}
