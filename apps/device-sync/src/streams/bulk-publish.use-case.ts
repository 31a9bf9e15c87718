import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandMeta, DeviceSyncOperations, DeviceSyncWire as W } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { SyncClock } from '../common/device-sync.config';
import { SyncErrors } from '../common/sync-errors';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { IdentityPools } from '../pools/identity-pools';
import { RecordsRepository } from '../records/records.repository';
import { BulkPublishesRepository } from './bulk-publishes.repository';
import { CognitoStreams } from './cognito-streams';

const DAY_MS = 24 * 3600_000;
/** A bulk publish still IN_PROGRESS after this was abandoned by a process that died. */
const ABANDONED_AFTER_MS = 10 * 60_000;
const PAGE = 100;

/**
 * BulkPublish (admin key only): every live dataset of the pool, with all its records, written once
 * to the pool's Cognito stream, as Cognito's stream records. One at a time per pool
 * (DuplicateRequestException while one runs) and one success per 24 hours
 * (AlreadyStreamedException); streams must be enabled (InvalidParameterException). The records
 * and the SUCCEEDED status commit together; a publish that fails is recorded FAILED with its reason,
 * for GetBulkPublishDetails, as Cognito reports an asynchronous publish that failed.
 */
@Injectable()
export class BulkPublishUseCase implements OperationHandler<typeof DeviceSyncOperations.BulkPublish> {
  private readonly logger = new Logger(BulkPublishUseCase.name);

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IdentityPools) private readonly pools: IdentityPools,
    @Inject(CognitoStreams) private readonly streams: CognitoStreams,
    @Inject(BulkPublishesRepository) private readonly publishes: BulkPublishesRepository,
    @Inject(DatasetsRepository) private readonly datasets: DatasetsRepository,
    @Inject(RecordsRepository) private readonly records: RecordsRepository,
    @Inject(SyncClock) private readonly clock: SyncClock,
  ) {}

  async execute(request: W.BulkPublishRequest, meta: CommandMeta): Promise<W.BulkPublishResponse> {
    const poolId = request.IdentityPoolId;
    await this.pools.assertExists(poolId, meta);
    const topic = await this.transactions.run((tx) => this.streams.topicOf(poolId, tx));
    if (!topic) {
      throw SyncErrors.invalidParameter(
        `Cognito streams are not enabled for identity pool ${poolId}: BulkPublish needs StreamingStatus ENABLED and a StreamName.`,
      );
    }
    const now = this.clock.now();
    const claim = await this.publishes.claim(
      poolId,
      now,
      new Date(now.getTime() - DAY_MS),
      new Date(now.getTime() - ABANDONED_AFTER_MS),
    );
    if (!claim.claimed) {
      throw claim.row?.status === 'IN_PROGRESS'
        ? SyncErrors.bulkPublishInProgress(poolId)
        : SyncErrors.alreadyStreamed(poolId);
    }
    try {
      await this.transactions.run(async (tx) => {
        let after: { identityId: string; datasetName: string } | undefined;
        for (;;) {
          const page = await this.datasets.pageLiveOfPool(poolId, after, PAGE, tx);
          for (const d of page) {
            const records = await this.records.allOf(d.identityId, d.datasetName, tx);
            await this.streams.write(
              topic,
              {
                identityPoolId: poolId,
                identityId: d.identityId,
                datasetName: d.datasetName,
                syncCount: d.syncCount,
                deleted: false,
                records,
                at: d.lastModifiedAt,
              },
              meta.requestId,
              tx,
            );
          }
          if (page.length < PAGE) break;
          after = page[page.length - 1];
        }
        await this.publishes.finish(poolId, 'SUCCEEDED', this.clock.now(), null, tx);
      });
    } catch (err) {
      this.logger.error(`bulk publish of ${poolId} failed: ${(err as Error).name}`);
      await this.publishes.finish(poolId, 'FAILED', this.clock.now(), 'The datasets could not be published.');
    }
    return { IdentityPoolId: poolId };
  }
}
