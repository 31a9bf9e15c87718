import { Inject, Injectable } from '@nestjs/common';
import { DeleteUserPoolDomainRequest, UserDirectoryOperations } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { noSuchDomain } from './domain-rules';
import { UserPoolDomainsRepository } from './user-pool-domains.repository';

/** DeleteUserPoolDomain: the pool's domain goes; its name is free for any pool again. */
@Injectable()
export class DeleteUserPoolDomainUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DeleteUserPoolDomain
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
  ) {}

  async execute(req: DeleteUserPoolDomainRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('UserPoolId', { required: true, min: 1, max: 55, pattern: /^[\w-]+_[0-9a-zA-Z]+$/ })
      .string('Domain', { required: true, min: 1, max: 63 })
      .check();
    const deleted = await this.transactions.run(async (tx) => {
      await this.pools.require(req.UserPoolId, tx);
      return this.domains.delete(req.Domain, req.UserPoolId, tx);
    });
    if (!deleted) throw noSuchDomain();
    return {};
  }
}
