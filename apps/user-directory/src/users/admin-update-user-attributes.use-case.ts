import { Inject, Injectable } from '@nestjs/common';
import {
  AdminUpdateUserAttributesRequest,
  AdminUpdateUserAttributesResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { userAttributesFromRequest } from './user-attributes';
import { UserLookup } from './user-lookup';
import { UserAttributeEdits } from './user-attribute-edits';

/** AdminUpdateUserAttributes: an administrator changes a user's attributes (codes go out for a changed email or phone). */
@Injectable()
export class AdminUpdateUserAttributesUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminUpdateUserAttributes
> {
  constructor(
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UserAttributeEdits) private readonly edits: UserAttributeEdits,
  ) {}

  async execute(req: AdminUpdateUserAttributesRequest): Promise<AdminUpdateUserAttributesResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .attributeList('UserAttributes')
      .check();
    if (req.UserAttributes == null)
      RequestValidator.of(req).string('UserAttributes', { required: true }).check();
    const pool = await this.lookup.requirePool(req.UserPoolId);
    const updates = userAttributesFromRequest(pool.config, req.UserAttributes, { admin: true });
    const user = await this.lookup.requireUser(pool, req.Username);
    await this.edits.change(pool, user.sub, updates, {
      clientId: 'CLIENT_ID_NOT_APPLICABLE',
      ...(req.ClientMetadata ? { clientMetadata: req.ClientMetadata } : {}),
    });
    return {};
  }
}
