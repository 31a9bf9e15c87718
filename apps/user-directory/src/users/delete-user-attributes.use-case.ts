import { Inject, Injectable } from '@nestjs/common';
import {
  DeleteUserAttributesRequest,
  DeleteUserAttributesResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
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
  ) {}

  async execute(req: DeleteUserAttributesRequest): Promise<DeleteUserAttributesResponse> {
    RequestValidator.of(req)
      .string('AccessToken', Members.accessToken)
      .stringList('UserAttributeNames', { required: true })
      .check();
    const user = await this.tokens.userOf(req.AccessToken);
    await this.edits.remove(await this.edits.poolOf(user), user.sub, req.UserAttributeNames);
    return {};
  }
}
