import { Inject, Injectable } from '@nestjs/common';
import { ListUserPoolsRequest, ListUserPoolsResponse, UserDirectoryOperations } from '@idfed/contracts';
import { keysetPage } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { decodePageToken, encodePageToken } from '../common/page-token';
import { RequestValidator } from '../common/validate';
import { UserPoolEntity } from '../database/entities';

/** ListUserPools, a page at a time in id order. */
@Injectable()
export class ListUserPoolsUseCase implements OperationHandler<typeof UserDirectoryOperations.ListUserPools> {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async execute(req: ListUserPoolsRequest): Promise<ListUserPoolsResponse> {
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
}
