import { Inject, Injectable } from '@nestjs/common';
import { DescribeUserPoolResponse, UserDirectoryOperations, UserPoolIdRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { UserPoolDomainsRepository } from '../domains/user-pool-domains.repository';
import { toUserPoolType } from './pool-config';
import { PoolsService } from './pools.service';
import { UserPoolsRepository } from './user-pools.repository';

/** DescribeUserPool, with the pool's estimated number of users. */
@Injectable()
export class DescribeUserPoolUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeUserPool
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(UserPoolsRepository) private readonly poolRows: UserPoolsRepository,
    @Inject(UserPoolDomainsRepository) private readonly domains: UserPoolDomainsRepository,
  ) {}

  async execute({ UserPoolId: poolId }: UserPoolIdRequest): Promise<DescribeUserPoolResponse> {
    const pool = await this.pools.require(poolId);
    const [users, { prefix, custom }] = await Promise.all([
      this.poolRows.countUsers(poolId),
      this.domains.domainsOfPool(poolId),
    ]);
    // The prefix domain is the pool's Domain, its custom domain (ADR 0049) its CustomDomain; a
    // pool may have both (ADR 0060), as Cognito answers them.
    return {
      UserPool: {
        ...toUserPoolType(pool, users),
        ...(prefix ? { Domain: prefix.domain } : {}),
        ...(custom ? { CustomDomain: custom.domain } : {}),
      },
    };
  }
}
