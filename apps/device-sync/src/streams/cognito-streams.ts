import { Inject, Injectable } from '@nestjs/common';
import { CognitoStreamRecord, streamTopicFor } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { PoolConfigurationsRepository } from '../pools/pool-configurations.repository';
import { RecordRow } from '../records/record.row';

/** One synchronization of a dataset, as Cognito streams report it. */
export interface DatasetSync {
  identityPoolId: string;
  identityId: string;
  datasetName: string;
  syncCount: number;
  deleted: boolean;
  records: RecordRow[];
  at: Date;
}

/**
 * Cognito streams: when a pool's configuration has CognitoStreams ENABLED with a StreamName, every
 * change of one of its datasets is written, in the change's own transaction, through the outbox
 * to the Kafka topic `device-sync.stream.<StreamName>` (keyed by identity id, so one identity's
 * changes stay in order). On the in-process bus nothing consumes that topic: embedded without
 * Kafka, the records are relayed to no one and dropped.
 */
@Injectable()
export class CognitoStreams {
  constructor(
    @Inject(PoolConfigurationsRepository) private readonly pools: PoolConfigurationsRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async publish(sync: DatasetSync, correlationId: string, tx: Transaction): Promise<void> {
    const topic = await this.topicOf(sync.identityPoolId, tx);
    if (topic) await this.write(topic, sync, correlationId, tx);
  }

  /** The pool's stream topic while its streams are enabled. */
  async topicOf(identityPoolId: string, tx: Transaction): Promise<string | undefined> {
    const streams = (await this.pools.find(identityPoolId, tx))?.cognitoStreams;
    return streams?.streamingStatus === 'ENABLED' && streams.streamName
      ? streamTopicFor(streams.streamName)
      : undefined;
  }

  /** One stream record of `sync`, added to the outbox for `topic`. */
  async write(topic: string, sync: DatasetSync, correlationId: string, tx: Transaction): Promise<void> {
    const record: CognitoStreamRecord = {
      identityPoolId: sync.identityPoolId,
      identityId: sync.identityId,
      dataSetName: sync.datasetName,
      operation: sync.deleted ? 'remove' : 'replace',
      kinesisSyncRecords: sync.records.map((r) => ({
        key: r.key,
        ...(r.value !== null ? { value: r.value } : {}),
        syncCount: r.syncCount,
        lastModifiedDate: r.lastModifiedAt.getTime(),
        ...(r.deviceLastModifiedAt ? { deviceLastModifiedDate: r.deviceLastModifiedAt.getTime() } : {}),
        lastModifiedBy: r.lastModifiedBy,
        op: r.value === null ? 'remove' : 'replace',
      })),
      lastModifiedDate: sync.at.getTime(),
      payloadType: 'Inline',
      syncCount: sync.syncCount,
    };
    await this.outbox.add(tx, {
      topic,
      key: sync.identityId,
      payload: record,
      correlationId,
    });
  }
}
