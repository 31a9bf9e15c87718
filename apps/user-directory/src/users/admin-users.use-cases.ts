import {
  AdminDeleteUserResponse,
  AdminGetUserResponse,
  AdminUserRequest,
  UserDeletedEvent,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { DataSource } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { UserEntity } from '../database/entities';
import { PoolsService } from '../pools/pools.service';
import { toAttributeList } from './user-attributes';
import { findUser } from './user-lookup';

/** AdminGetUser and AdminDeleteUser. */
export class AdminUsersUseCases {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: PoolsService,
    private readonly outbox: OutboxService,
  ) {}

  private validate(req: AdminUserRequest): void {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .string('Username', { required: true, min: 1, max: 128, pattern: Patterns.username })
      .check();
  }

  async get(req: AdminUserRequest): Promise<AdminGetUserResponse> {
    this.validate(req);
    const m = this.dataSource.manager;
    const pool = await this.pools.require(m, req.UserPoolId);
    const user = await findUser(m, pool.id, pool.config, req.Username);
    if (!user) throw CognitoErrors.userNotFound();
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
    this.validate(req);
    await this.dataSource.transaction(async (m) => {
      const pool = await this.pools.require(m, req.UserPoolId);
      const user = await findUser(m, pool.id, pool.config, req.Username, true);
      if (!user) throw CognitoErrors.userNotFound();
      // Codes and refresh tokens go with the user (ON DELETE CASCADE).
      await m.delete(UserEntity, { sub: user.sub });
      const event: UserDeletedEvent = {
        userPoolId: pool.id,
        sub: user.sub,
        username: user.username,
        occurredAt: new Date().toISOString(),
      };
      await this.outbox.add(m, {
        topic: UserDirectoryTopics.userDeleted,
        key: user.sub,
        payload: event,
        correlationId,
      });
    });
    this.outbox.nudge();
    return {};
  }
}
