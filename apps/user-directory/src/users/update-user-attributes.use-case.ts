import { Inject, Injectable } from '@nestjs/common';
import {
  UpdateUserAttributesRequest,
  UpdateUserAttributesResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { checkWritable } from '../clients/attribute-permissions';
import { ClientsService } from '../clients/clients.service';
import { Members, RequestValidator } from '../common/validate';
import { userAttributesFromRequest } from './user-attributes';
import { UserAttributeEdits } from './user-attribute-edits';

/** UpdateUserAttributes: the holder of an access token changes their attributes; a changed email or phone gets a code. */
@Injectable()
export class UpdateUserAttributesUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateUserAttributes
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(UserAttributeEdits) private readonly edits: UserAttributeEdits,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: UpdateUserAttributesRequest): Promise<UpdateUserAttributesResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .attributeList('UserAttributes')
      .check();
    if (req.UserAttributes == null)
      RequestValidator.of(req).string('UserAttributes', { required: true }).check();
    const { user, claims } = await this.tokens.verify(req.AccessToken);
    const pool = await this.edits.poolOf(user);
    const updates = userAttributesFromRequest(pool.config, req.UserAttributes);
    // The token's app client may write only its WriteAttributes (ADR 0038).
    const client = await this.clients.forAuth(claims.client_id).catch(() => undefined);
    checkWritable(client?.client.config, Object.keys(updates));
    const sent = await this.edits.change(pool, user.sub, updates, {
      clientId: typeof claims.client_id === 'string' ? claims.client_id : 'CLIENT_ID_NOT_APPLICABLE',
      ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
    });
    return sent.length ? { CodeDeliveryDetailsList: sent } : {};
  }
}
