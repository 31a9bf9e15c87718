import { Inject, Injectable } from '@nestjs/common';
import {
  AdminDeleteUserAttributesRequest,
  AdminDeleteUserAttributesResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { UserLookup } from './user-lookup';
import { UserAttributeEdits } from './user-attribute-edits';

/** AdminDeleteUserAttributes: an administrator removes attributes of a user. */
@Injectable()
export class AdminDeleteUserAttributesUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminDeleteUserAttributes
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserAttributeEdits) private readonly edits: UserAttributeEdits,
  ) {}

  async execute(req: AdminDeleteUserAttributesRequest): Promise<AdminDeleteUserAttributesResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .stringList('UserAttributeNames', { required: true })
      .check();
    const pool = await this.lookup.requirePool(req.UserPoolId);
    const user = await this.lookup.requireUser(pool, req.Username);
    await this.edits.remove(pool, user.sub, req.UserAttributeNames);
    return {};
  }
}
