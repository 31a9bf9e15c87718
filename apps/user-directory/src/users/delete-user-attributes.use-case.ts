import { Inject, Injectable } from '@nestjs/common';
import {
  DeleteUserAttributesRequest,
  DeleteUserAttributesResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { checkWritable } from '../clients/attribute-permissions';
import { ClientsService } from '../clients/clients.service';
import { Members, RequestValidator } from '../common/validate';
import { UserAttributeEdits } from './user-attribute-edits';

/** DeleteUserAttributes: the holder of an access token removes some of their attributes. */
@Injectable()
export class DeleteUserAttributesUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteUserAttributes
> {
  constructor(
    @Inject(AccessTokenVerifier) private readonly tokens: AccessTokenVerifier,
    @Inject(UserAttributeEdits) private readonly edits: UserAttributeEdits,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: DeleteUserAttributesRequest): Promise<DeleteUserAttributesResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .stringList('UserAttributeNames', { required: true })
      .check();
    const { user, claims } = await this.tokens.verify(req.AccessToken);
    // Developer-only attributes are an administrator's; the others, the client's WriteAttributes.
    const client = await this.clients.forAuth(claims.client_id).catch(() => undefined);
    checkWritable(client?.client.config, req.UserAttributeNames);
    await this.edits.remove(await this.edits.poolOf(user), user.sub, req.UserAttributeNames);
    return {};
  }
}
