import { Inject, Injectable } from '@nestjs/common';
import {
  AdminDeleteUserAttributesRequest,
  AdminDeleteUserAttributesResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { findUser } from './user-lookup';
import { UserAttributeEdits } from './user-attribute-edits';

/** AdminDeleteUserAttributes: an administrator removes attributes of a user. */
@Injectable()
export class AdminDeleteUserAttributesUseCase implements OperationHandler<
  typeof UserDirectoryOperations.AdminDeleteUserAttributes
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserAttributeEdits) private readonly edits: UserAttributeEdits,
  ) {}

  async execute(req: AdminDeleteUserAttributesRequest): Promise<AdminDeleteUserAttributesResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('Username', Members.username)
      .stringList('UserAttributeNames', { required: true })
      .check();
    const pool = await this.pools.require(this.dataSource.manager, req.UserPoolId);
    const user = await findUser(this.dataSource.manager, pool.id, pool.config, req.Username);
    if (!user) throw CognitoErrors.userNotFound();
    await this.edits.remove(pool, user.sub, req.UserAttributeNames);
    return {};
  }
}
