import { Inject, Injectable } from '@nestjs/common';
import {
  GetUserPoolSessionConfigurationRequest,
  SetUserPoolSessionConfigurationRequest,
  UserDirectoryOperations,
  UserPoolSessionConfigurationResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { SessionTrackingRepository } from './session-tracking.repository';
import { PoolSessionConfig, requireTrackingTier, UserSessions } from './user-sessions';

function answer(poolId: string, c: PoolSessionConfig): UserPoolSessionConfigurationResponse {
  return {
    UserPoolId: poolId,
    UserSessionTracking: c.tracking ? 'ENABLED' : 'DISABLED',
    TokenSession: { MaxPerUser: c.maxPerUser },
  };
}

/** GetUserPoolSessionConfiguration: never set, tracking DISABLED and 20 token sessions a user. */
@Injectable()
export class GetUserPoolSessionConfigurationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetUserPoolSessionConfiguration
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserSessions) private readonly sessions: UserSessions,
  ) {}

  async execute(req: GetUserPoolSessionConfigurationRequest): Promise<UserPoolSessionConfigurationResponse> {
    RequestValidator.of(req).string('UserPoolId', Members.userPoolId).check();
    const pool = await this.pools.require(req.UserPoolId);
    return answer(pool.id, await this.sessions.config(pool.id));
  }
}

/**
 * SetUserPoolSessionConfiguration: replaces the pool's configuration whole (every member is
 * required), in the Essentials or Plus tier only, under the pool's row lock. Turning tracking on
 * starts tracking the sessions opened from then on; a lower maximum evicts nothing by itself.
 */
@Injectable()
export class SetUserPoolSessionConfigurationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SetUserPoolSessionConfiguration
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(SessionTrackingRepository) private readonly repo: SessionTrackingRepository,
    @Inject(UserSessions) private readonly sessions: UserSessions,
  ) {}

  async execute(req: SetUserPoolSessionConfigurationRequest): Promise<UserPoolSessionConfigurationResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .oneOf('UserSessionTracking', ['ENABLED', 'DISABLED'], true)
      .check();
    if (
      typeof req.TokenSession !== 'object' ||
      req.TokenSession === null ||
      Array.isArray(req.TokenSession)
    ) {
      RequestValidator.of({}).string('TokenSession', { required: true }).check();
    }
    RequestValidator.of(req.TokenSession).integer('MaxPerUser', { required: true, min: 1, max: 100 }).check();
    return this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx, true);
      requireTrackingTier(pool);
      await this.repo.savePoolConfig(
        pool.id,
        req.UserSessionTracking === 'ENABLED',
        req.TokenSession.MaxPerUser,
        new Date(),
        tx,
      );
      return answer(pool.id, await this.sessions.config(pool.id, tx));
    });
  }
}
