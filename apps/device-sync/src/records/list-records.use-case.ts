import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { assertMayActOn } from '../common/identity-access';
import { SyncErrors } from '../common/sync-errors';
import { decodePageToken, encodePageToken, pageSize } from '../common/page-token';
import { recordView } from '../common/wire-views';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { SyncSessionTokens } from '../sessions/sync-session.tokens';
import { RecordCursor, RecordsRepository } from './records.repository';
import { outOfRegion } from '../common/region-scope';

const DEFAULT_PAGE = 1024;
const MAX_PAGE = 1024;

/**
 * ListRecords: the records changed since the device's LastSyncCount (tombstones included), the
 * dataset's sync count and who changed it last, the datasets an identity merge brought in under
 * this name, whether the dataset exists and whether it was deleted after the device last synced;
 * and a SyncSessionToken for the UpdateRecords that follows (the one the device brought back, if
 * it is still good, so a paged listing stays one session).
 */
@Injectable()
export class ListRecordsUseCase implements OperationHandler<typeof DeviceSyncOperations.ListRecords> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(DatasetsRepository) private readonly datasets: DatasetsRepository,
    @Inject(RecordsRepository) private readonly records: RecordsRepository,
    @Inject(SyncSessionTokens) private readonly sessions: SyncSessionTokens,
  ) {}

  async execute(request: W.ListRecordsRequest, meta: CommandMeta): Promise<W.ListRecordsResponse> {
    const { IdentityPoolId: poolId, IdentityId: identityId, DatasetName: name } = request;
    assertMayActOn(meta, poolId, identityId);
    const since = request.LastSyncCount ?? 0;
    if (since < 0) throw SyncErrors.invalidParameter('LastSyncCount must not be negative.');
    const position = decodePageToken(request.NextToken, isCursor);
    const cursor: RecordCursor | undefined = position && { syncCount: position[0], key: position[1] };
    const max = pageSize(request.MaxResults, DEFAULT_PAGE, MAX_PAGE);
    const scope = { identityPoolId: poolId, identityId, datasetName: name };
    const kept =
      request.SyncSessionToken !== undefined && (await this.sessions.isValid(request.SyncSessionToken, scope))
        ? request.SyncSessionToken
        : undefined;
    const token = kept ?? (await this.transactions.run((tx) => this.sessions.open(scope, tx)));
    // Another region's identity has no data here (ADR 0032): answered as a dataset that does not
    // exist (an UpdateRecords with the token is refused by the region scope).
    if (outOfRegion(meta, poolId, identityId)) {
      return {
        Records: [],
        Count: 0,
        DatasetSyncCount: 0,
        MergedDatasetNames: [],
        DatasetExists: false,
        DatasetDeletedAfterRequestedSyncCount: false,
        SyncSessionToken: token,
      };
    }

    const dataset = await this.datasets.find(identityId, name);
    const deletedAfter =
      dataset?.deletedAtSyncCount != null &&
      request.LastSyncCount !== undefined &&
      since < dataset.deletedAtSyncCount;
    if (!dataset?.live) {
      return {
        Records: [],
        Count: 0,
        DatasetSyncCount: dataset?.syncCount ?? 0,
        MergedDatasetNames: [],
        DatasetExists: false,
        DatasetDeletedAfterRequestedSyncCount: deletedAfter,
        SyncSessionToken: token,
      };
    }
    const { page, next } = await this.records.pageChangedSince(identityId, name, since, cursor, max);
    return {
      Records: page.map(recordView),
      Count: page.length,
      DatasetSyncCount: dataset.syncCount,
      LastModifiedBy: dataset.lastModifiedBy,
      MergedDatasetNames: await this.datasets.mergedNames(identityId, name),
      DatasetExists: true,
      DatasetDeletedAfterRequestedSyncCount: deletedAfter,
      SyncSessionToken: token,
      ...(next ? { NextToken: encodePageToken([next.syncCount, next.key]) } : {}),
    };
  }
}

function isCursor(value: unknown): value is [number, string] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isSafeInteger(value[0]) &&
    typeof value[1] === 'string'
  );
}
