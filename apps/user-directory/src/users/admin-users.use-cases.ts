import {
  AccessTokenRequest,
  AdminDeleteUserResponse,
  AdminGetUserResponse,
  AdminUserRequest,
  DeleteUserResponse,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { toAttributeList } from './user-attributes';
import { deleteUserWithEvent } from './user-deletion';
import { lockUser, requireAdminUser } from './user-lookup';

/** AdminGetUser, AdminDeleteUser and DeleteUser. */
export class AdminUsersUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: PoolsService,
    private readonly outbox: OutboxService,
    private readonly tokens: AccessTokenVerifier,
  ) {}

  async get(req: AdminUserRequest): Promise<AdminGetUserResponse> {
    const { user } = await requireAdminUser(this.dataSource.manager, this.pools, req, false);
    return {
      Username: user.username,
      UserAttributes: toAttributeList(user.sub, user.attributes),
      UserCreateDate: user.createdAt.getTime() / 1000,
      UserLastModifiedDate: user.updatedAt.getTime() / 1000,
      Enabled: user.enabled,
      UserStatus: user.status,
    };
  }

  async delete(req: AdminUserRequest, correlationId: string): Promise<AdminDeleteUserResponse> {
    await this.dataSource.transaction(async (m) => {
      const { user } = await requireAdminUser(m, this.pools, req);
      await deleteUserWithEvent(m, this.outbox, user, correlationId);
    });
    this.outbox.nudge();
    return {};
  }

  /** DeleteUser: the holder of an access token deletes their own account. */
  async deleteSelf(req: AccessTokenRequest, correlationId: string): Promise<DeleteUserResponse> {
    RequestValidator.of(req).string('AccessToken', Members.accessToken).check();
    const user = await this.tokens.userOf(req.AccessToken);
    await this.dataSource.transaction(async (m) => {
      const locked = await lockUser(m, user.sub);
      await deleteUserWithEvent(m, this.outbox, locked, correlationId);
    });
    this.outbox.nudge();
    return {};
  }
}
