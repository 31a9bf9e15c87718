import { Inject, Injectable } from '@nestjs/common';
import {
  GetUserPoolClientSessionConfigurationRequest,
  SetUserPoolClientSessionConfigurationRequest,
  UserDirectoryOperations,
  UserPoolClientSessionConfigurationResponse,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Transactions } from '@idfed/persistence';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { SessionTrackingRepository } from './session-tracking.repository';
import {
  DEFAULT_SSO_MAX_VALIDITY_MINUTES,
  requireTrackingTier,
  SessionErrors,
  UserSessions,
} from './user-sessions';

function answer(
  poolId: string,
  clientId: string,
  minutes: number,
): UserPoolClientSessionConfigurationResponse {
  return { UserPoolId: poolId, ClientId: clientId, SSOSession: { MaxValidityMinutes: minutes } };
}

/** GetUserPoolClientSessionConfiguration: never set, an SSO session validity of 60 minutes. */
@Injectable()
export class GetUserPoolClientSessionConfigurationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetUserPoolClientSessionConfiguration
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(SessionTrackingRepository) private readonly repo: SessionTrackingRepository,
  ) {}

  async execute(
    req: GetUserPoolClientSessionConfigurationRequest,
  ): Promise<UserPoolClientSessionConfigurationResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .check();
    await this.pools.require(req.UserPoolId);
    const client = await this.clients.findInPool(req.UserPoolId, req.ClientId);
    if (!client) throw CognitoErrors.clientNotFound(req.ClientId);
    const minutes = (await this.repo.clientSsoValidity(client.id)) ?? DEFAULT_SSO_MAX_VALIDITY_MINUTES;
    return answer(req.UserPoolId, client.id, minutes);
  }
}

/**
 * SetUserPoolClientSessionConfiguration: replaces the client's SSO session validity, in the
 * Essentials or Plus tier only and while the pool tracks sessions (OperationNotEnabledException
 * otherwise), under the pool's row lock.
 */
@Injectable()
export class SetUserPoolClientSessionConfigurationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SetUserPoolClientSessionConfiguration
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(SessionTrackingRepository) private readonly repo: SessionTrackingRepository,
    @Inject(UserSessions) private readonly sessions: UserSessions,
  ) {}

  async execute(
    req: SetUserPoolClientSessionConfigurationRequest,
  ): Promise<UserPoolClientSessionConfigurationResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', Members.clientId)
      .check();
    if (typeof req.SSOSession !== 'object' || req.SSOSession === null || Array.isArray(req.SSOSession)) {
      RequestValidator.of({}).string('SSOSession', { required: true }).check();
    }
    RequestValidator.of(req.SSOSession)
      .integer('MaxValidityMinutes', { required: true, min: 0, max: 129600 })
      .check();
    return this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx, true);
      const client = await this.clients.findInPoolForUpdate(pool.id, req.ClientId, tx);
      if (!client) throw CognitoErrors.clientNotFound(req.ClientId);
      requireTrackingTier(pool);
      if (!(await this.sessions.config(pool.id, tx)).tracking) throw SessionErrors.notTracking();
      const minutes = req.SSOSession.MaxValidityMinutes;
      await this.repo.saveClientSsoValidity(pool.id, client.id, minutes, new Date(), tx);
      return answer(pool.id, client.id, minutes);
    });
  }
}
