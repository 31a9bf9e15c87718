import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { assertMayActOn } from '../common/identity-access';
import { decodePageToken, encodePageToken, isString, pageSize } from '../common/page-token';
import { datasetView } from '../common/wire-views';
import { DatasetsRepository } from './datasets.repository';
import { outOfRegion } from '../common/region-scope';

/** ListDatasets: an identity's live datasets by name, a page at a time. */
@Injectable()
export class ListDatasetsUseCase implements OperationHandler<typeof DeviceSyncOperations.ListDatasets> {
  constructor(@Inject(DatasetsRepository) private readonly datasets: DatasetsRepository) {}

  async execute(request: W.ListDatasetsRequest, meta: CommandMeta): Promise<W.ListDatasetsResponse> {
    assertMayActOn(meta, request.IdentityPoolId, request.IdentityId);
    // Another region's identity has no data here (ADR 0032).
    if (outOfRegion(meta, request.IdentityPoolId, request.IdentityId)) return { Datasets: [], Count: 0 };
    const after = decodePageToken(request.NextToken, isString);
    const { page, next } = await this.datasets.pageLive(
      request.IdentityId,
      after,
      pageSize(request.MaxResults, 20, 64),
    );
    const mine = page.filter((d) => d.identityPoolId === request.IdentityPoolId);
    return {
      Datasets: mine.map(datasetView),
      Count: mine.length,
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }
}
