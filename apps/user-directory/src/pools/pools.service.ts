import {
  CreateUserPoolRequest,
  CreateUserPoolResponse,
  DescribeUserPoolResponse,
  ListUserPoolsRequest,
  ListUserPoolsResponse,
  SigningKeyActivatedEvent,
  UserDirectoryTopics,
  UserPoolDeletedEvent,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { keysetPage } from '@idfed/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { newUserPoolId } from '../common/ids';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { Patterns, RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { poolConfigFromRequest, toUserPoolType } from './pool-config';

export interface PoolsSettings {
  region: string;
  accountId: string;
}

/** Creating, reading, listing and deleting user pools. */
export class PoolsService {
  private readonly deletedListeners: ((poolId: string) => void)[] = [];

  /** Lets caches of this process drop what they hold for a pool as soon as it is deleted. */
  onPoolDeleted(listener: (poolId: string) => void): void {
    this.deletedListeners.push(listener);
  }

  constructor(
    private readonly dataSource: DataSource,
    private readonly signingKeys: SigningKeysService,
    private readonly outbox: OutboxService,
    private readonly settings: PoolsSettings,
  ) {}

  async create(req: CreateUserPoolRequest, correlationId: string): Promise<CreateUserPoolResponse> {
    RequestValidator.of(req)
      .string('PoolName', { required: true, min: 1, max: 128, pattern: Patterns.poolName })
      .enumList('AutoVerifiedAttributes', ['email', 'phone_number'])
      .enumList('UsernameAttributes', ['email', 'phone_number'])
      .enumList('AliasAttributes', ['email', 'phone_number', 'preferred_username'])
      .oneOf('MfaConfiguration', ['OFF', 'ON', 'OPTIONAL'])
      .oneOf('DeletionProtection', ['ACTIVE', 'INACTIVE'])
      .check();
    const id = newUserPoolId(this.settings.region);
    const arn = `arn:aws:cognito-idp:${this.settings.region}:${this.settings.accountId}:userpool/${id}`;
    const config = poolConfigFromRequest(req, arn);
    const now = new Date();
    const pool = await this.dataSource.transaction(async (m) => {
      const entity = m.create(UserPoolEntity, {
        id,
        name: req.PoolName,
        config,
        createdAt: now,
        updatedAt: now,
      });
      await m.insert(UserPoolEntity, entity);
      const key = await this.signingKeys.createForPool(m, id);
      const event: SigningKeyActivatedEvent = { userPoolId: id, ...key, occurredAt: now.toISOString() };
      await this.outbox.add(m, {
        topic: UserDirectoryTopics.signingKeyActivated,
        key: id,
        payload: event,
        correlationId,
      });
      return entity;
    });
    this.outbox.nudge();
    return { UserPool: toUserPoolType(pool, 0) };
  }

  async describe(poolId: string): Promise<DescribeUserPoolResponse> {
    const pool = await this.require(this.dataSource.manager, poolId);
    const users = await this.dataSource.manager.count(UserEntity, { where: { poolId } });
    return { UserPool: toUserPoolType(pool, users) };
  }

  async list(req: ListUserPoolsRequest): Promise<ListUserPoolsResponse> {
    RequestValidator.of(req).integer('MaxResults', { required: true, min: 1, max: 60 }).check();
    const { page, next } = await keysetPage(
      this.dataSource.getRepository(UserPoolEntity).createQueryBuilder('p'),
      'p.id',
      decodePageToken(req.NextToken),
      req.MaxResults,
      (p) => p.id,
    );
    return {
      UserPools: page.map((p) => ({
        Id: p.id,
        Name: p.name,
        LastModifiedDate: p.updatedAt.getTime() / 1000,
        CreationDate: p.createdAt.getTime() / 1000,
      })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }

  /** Deletes the pool and, by cascade, its clients, users, codes, tokens and keys, in one transaction. */
  async delete(poolId: string, correlationId: string): Promise<Record<string, never>> {
    await this.dataSource.transaction(async (m) => {
      const pool = await this.require(m, poolId, true);
      if (pool.config.deletionProtection === 'ACTIVE') throw CognitoErrors.deletionProtected();
      await m.delete(UserPoolEntity, { id: poolId });
      const event: UserPoolDeletedEvent = { userPoolId: poolId, occurredAt: new Date().toISOString() };
      await this.outbox.add(m, {
        topic: UserDirectoryTopics.userPoolDeleted,
        key: poolId,
        payload: event,
        correlationId,
      });
    });
    this.outbox.nudge();
    this.signingKeys.forgetPool(poolId);
    for (const listener of this.deletedListeners) listener(poolId);
    return {};
  }

  manager(): EntityManager {
    return this.dataSource.manager;
  }

  /** Loads a pool or fails with Cognito's ResourceNotFoundException; `lock` holds it for the transaction. */
  async require(manager: EntityManager, poolId: string, lock = false): Promise<UserPoolEntity> {
    RequestValidator.of({ UserPoolId: poolId })
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: Patterns.userPoolId })
      .check();
    const pool = await manager.findOne(UserPoolEntity, {
      where: { id: poolId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!pool) throw CognitoErrors.poolNotFound(poolId);
    return pool;
  }
}
