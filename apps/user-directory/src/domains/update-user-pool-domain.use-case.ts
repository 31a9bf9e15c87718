import { Inject, Injectable } from '@nestjs/common';
import {
  UpdateUserPoolDomainRequest,
  UpdateUserPoolDomainResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { PoolsService } from '../pools/pools.service';
import { checkDomainRequest, noSuchDomain } from './domain-rules';
import { UserPoolDomainsRepository } from './user-pool-domains.repository';

/** UpdateUserPoolDomain: a prefix domain's ManagedLoginVersion (the name itself cannot change). */
@Injectable()
export class UpdateUserPoolDomainUseCase implements OperationHandler<
  typeof UserDirectoryOperations.UpdateUserPoolDomain
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
  ) {}

  async execute(req: UpdateUserPoolDomainRequest): Promise<UpdateUserPoolDomainResponse> {
    const version = checkDomainRequest(req);
    const updated = await this.transactions.run(async (tx) => {
      await this.pools.require(req.UserPoolId, tx);
      return this.domains.update(req.Domain, req.UserPoolId, version, new Date(), tx);
    });
    if (!updated) throw noSuchDomain();
    return { ManagedLoginVersion: updated.managedLoginVersion };
  }
}
