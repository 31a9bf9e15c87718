import { Inject, Injectable } from '@nestjs/common';
import {
  SetUserPoolMfaConfigRequest,
  SetUserPoolMfaConfigResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { ClientsService } from '../clients/clients.service';
import { RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { UserPoolsRepository } from '../pools/user-pools.repository';
import { applyMfaConfig, toMfaConfigResponse } from './pool-mfa';

/**
 * SetUserPoolMfaConfig: the pool's MfaConfiguration and factors, changed under the pool's row
 * lock. Sign-in reads the pool's MFA settings afresh (not from the client cache), so the change
 * holds from the next sign-in on, on every replica.
 */
@Injectable()
export class SetUserPoolMfaConfigUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SetUserPoolMfaConfig
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolsRepository) private readonly poolRows: UserPoolsRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ClientsService) private readonly clients: ClientsService,
  ) {}

  async execute(req: SetUserPoolMfaConfigRequest): Promise<SetUserPoolMfaConfigResponse> {
    RequestValidator.of(req).oneOf('MfaConfiguration', ['OFF', 'ON', 'OPTIONAL']).check();
    const config = await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.UserPoolId, tx, true);
      const changed = applyMfaConfig(pool.config, req);
      await this.poolRows.updateConfig(pool.id, changed, new Date(), tx);
      return changed;
    });
    this.clients.forgetPool(req.UserPoolId);
    return toMfaConfigResponse(config);
  }
}
