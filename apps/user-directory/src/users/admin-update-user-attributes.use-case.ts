import { Inject, Injectable } from '@nestjs/common';
import {
  AdminUpdateUserAttributesRequest,
  AdminUpdateUserAttributesResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { userAttributesFromRequest } from './user-attributes';
import { findUser } from './user-lookup';
import { UserAttributeEdits } from './user-attribute-edits';

/** AdminUpdateUserAttributes: an administrator changes a user's attributes (codes go out for a changed email or phone). */
@Injectable()
export class AdminUpdateUserAttributesUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminUpdateUserAttributes
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
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
    const pool = await this.pools.require(this.dataSource.manager, req.UserPoolId);
    const updates = userAttributesFromRequest(pool.config, req.UserAttributes, { admin: true });
    const user = await findUser(this.dataSource.manager, pool.id, pool.config, req.Username);
    if (!user) throw CognitoErrors.userNotFound();
    await this.edits.change(pool, user.sub, updates);
    return {};
  }
}
