import { Inject, Injectable } from '@nestjs/common';
import { DescribeUserPoolResponse, UserDirectoryOperations, UserPoolIdRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { UserEntity } from '../database/entities';
import { toUserPoolType } from './pool-config';
import { PoolsService } from './pools.service';

/** DescribeUserPool, with the pool's estimated number of users. */
@Injectable()
export class DescribeUserPoolUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeUserPool
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PoolsService) private readonly pools: PoolsService,
  ) {}

  async execute({ UserPoolId: poolId }: UserPoolIdRequest): Promise<DescribeUserPoolResponse> {
    const pool = await this.pools.require(this.dataSource.manager, poolId);
    const users = await this.dataSource.manager.count(UserEntity, { where: { poolId } });
    return { UserPool: toUserPoolType(pool, users) };
  }
}
