import { Inject, Injectable } from '@nestjs/common';
import {
  CreateUserPoolDomainRequest,
  CreateUserPoolDomainResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { CognitoErrors } from '../common/cognito-errors';
import { PoolsService } from '../pools/pools.service';
import { checkDomainRequest } from './domain-rules';
import { UserPoolDomainsRepository } from './user-pool-domains.repository';

/** CreateUserPoolDomain: a prefix domain, unique among all pools, one per pool. */
@Injectable()
export class CreateUserPoolDomainUseCase implements OperationHandler<
  typeof UserDirectoryOperations.CreateUserPoolDomain
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
  ) {}

  async execute(req: CreateUserPoolDomainRequest): Promise<CreateUserPoolDomainResponse> {
    const version = checkDomainRequest(req);
    const now = new Date();
    const outcome = await this.transactions.run(async (tx) => {
      // The pool's row lock keeps a concurrent DeleteUserPool from leaving the domain behind.
      await this.pools.require(req.UserPoolId, tx, true);
      return this.domains.insert(
        {
          domain: req.Domain,
          poolId: req.UserPoolId,
          managedLoginVersion: version,
          createdAt: now,
          updatedAt: now,
        },
        tx,
      );
    });
    if (outcome === 'domain-taken')
      throw CognitoErrors.invalidParameter('Domain already associated with another user pool.');
    if (outcome === 'pool-has-domain')
      throw CognitoErrors.invalidParameter('User pool already has a domain configured.');
    return { ManagedLoginVersion: version };
  }
}
