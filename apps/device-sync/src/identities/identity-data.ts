import { Inject, Injectable } from '@nestjs/common';
import { DatasetChangedEvent, DeviceSyncTopics } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { SyncClock } from '../common/device-sync.config';
import { DatasetRow } from '../datasets/dataset.row';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { DevicesRepository } from '../devices/devices.repository';
import { CognitoEventsRepository } from '../cognito-events/cognito-events.repository';
import { PoolConfigurationsRepository } from '../pools/pool-configurations.repository';
import { RecordRow } from '../records/record.row';
import { RecordsRepository } from '../records/records.repository';
import { SyncSessionsRepository } from '../sessions/sync-sessions.repository';
import { CognitoStreams } from '../streams/cognito-streams';

const MAX_DATASET_NAME = 128;

/**
 * The name a dataset takes when an identity merge brings it to the surviving identity, as Cognito
 * names it for the mobile SDKs' onDatasetsMerged: `<name>.<merged identity id>`. ListRecords of
 * `<name>` then lists it in MergedDatasetNames, and the app merges and deletes it. A name that would
 * pass 128 characters keeps as much of its start as fits.
 */
export function mergedDatasetName(name: string, sourceIdentityId: string): string {
  const suffix = `.${sourceIdentityId}`;
  return `${name.slice(0, Math.max(1, MAX_DATASET_NAME - suffix.length))}${suffix}`;
}

/**
 * What happens to an identity's sync data when the federation broker merges or deletes the
 * identity, or deletes its pool. Both run inside the inbox's transaction, so each event applies
 * once, and announce what changed through the outbox like the API's own changes: the
 * `dataset.changed` event, and a Cognito stream record where the pool streams (a stream consumer
 * keeping each identity's datasets would otherwise keep merged and deleted ones forever).
 */
@Injectable()
export class IdentityData {
  constructor(
    @Inject(DatasetsRepository) private readonly datasets: DatasetsRepository,
    @Inject(SyncSessionsRepository) private readonly sessions: SyncSessionsRepository,
    @Inject(DevicesRepository) private readonly devices: DevicesRepository,
    @Inject(PoolConfigurationsRepository) private readonly poolConfigurations: PoolConfigurationsRepository,
    @Inject(CognitoEventsRepository) private readonly cognitoEvents: CognitoEventsRepository,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(SyncClock) private readonly clock: SyncClock,
    @Inject(RecordsRepository) private readonly records: RecordsRepository,
    @Inject(CognitoStreams) private readonly streams: CognitoStreams,
  ) {}

  /**
   * The merged identity's live datasets move to the surviving one under their merged names
   * (records follow); what it had deleted, its sync sessions and its devices go (a device
   * registers again under the surviving identity). Returns the new names.
   */
  async merge(
    sourceIdentityId: string,
    destinationIdentityId: string,
    correlationId: string,
    tx: Transaction,
  ): Promise<string[]> {
    const now = this.clock.now();
    const moved: string[] = [];
    const topics = new StreamTopics(this.streams, tx);
    for (const dataset of await this.datasets.allOfIdentity(sourceIdentityId, tx)) {
      if (!dataset.live) continue;
      const name = mergedDatasetName(dataset.datasetName, sourceIdentityId);
      const done = await this.datasets.moveTo(dataset, destinationIdentityId, name, now, tx);
      if (!done) continue;
      moved.push(name);
      const arrived = { ...dataset, identityId: destinationIdentityId, datasetName: name };
      const records = (await topics.of(dataset.identityPoolId))
        ? await this.records.allOf(destinationIdentityId, name, tx)
        : [];
      await this.announce(arrived, false, correlationId, now, tx, topics, records);
      // On the stream, the merged identity's dataset is gone as if deleted: a consumer keyed by
      // identity drops it, and finds its records again under the survivor's new name.
      await this.announceStreamOnly(
        { ...dataset, syncCount: dataset.syncCount + 1 },
        correlationId,
        now,
        tx,
        topics,
      );
    }
    await this.datasets.deleteAllOfIdentity(sourceIdentityId, tx);
    await this.sessions.deleteOfIdentity(sourceIdentityId, tx);
    await this.devices.deleteOfIdentity(sourceIdentityId, tx);
    return moved;
  }

  /** The identity is gone: so are its datasets, records, sync sessions, devices and subscriptions. */
  async remove(identityId: string, correlationId: string, tx: Transaction): Promise<void> {
    const now = this.clock.now();
    const topics = new StreamTopics(this.streams, tx);
    for (const dataset of await this.datasets.allOfIdentity(identityId, tx)) {
      if (dataset.live) {
        const gone = { ...dataset, syncCount: dataset.syncCount + 1 };
        await this.announce(gone, true, correlationId, now, tx, topics);
      }
    }
    await this.datasets.deleteAllOfIdentity(identityId, tx);
    await this.sessions.deleteOfIdentity(identityId, tx);
    await this.devices.deleteOfIdentity(identityId, tx);
  }

  /**
   * The pool is gone, and every identity of it: their datasets, records and sync sessions go, and
   * the pool's usage count. Each live dataset is announced deleted, as DeleteDataset would.
   */
  async removePool(identityPoolId: string, correlationId: string, tx: Transaction): Promise<void> {
    const now = this.clock.now();
    // Read before the pool's configuration is deleted below.
    const topics = new StreamTopics(this.streams, tx);
    for (const dataset of await this.datasets.allOfPool(identityPoolId, tx)) {
      if (dataset.live) {
        const gone = { ...dataset, syncCount: dataset.syncCount + 1 };
        await this.announce(gone, true, correlationId, now, tx, topics);
      }
    }
    await this.datasets.deleteAllOfPool(identityPoolId, tx);
    await this.sessions.deleteOfPool(identityPoolId, tx);
    // Its registered devices (with their subscriptions) and its push and stream settings go too.
    await this.devices.deleteOfPool(identityPoolId, tx);
    await this.poolConfigurations.delete(identityPoolId, tx);
    await this.cognitoEvents.removeAllOfPool(identityPoolId, tx);
  }

  private async announce(
    dataset: DatasetRow,
    deleted: boolean,
    correlationId: string,
    now: Date,
    tx: Transaction,
    topics: StreamTopics,
    records: RecordRow[] = [],
  ): Promise<void> {
    const event: DatasetChangedEvent = {
      identityPoolId: dataset.identityPoolId,
      identityId: dataset.identityId,
      datasetName: dataset.datasetName,
      syncCount: dataset.syncCount,
      deleted,
      occurredAt: now.toISOString(),
    };
    await this.outbox.add(tx, {
      topic: DeviceSyncTopics.datasetChanged,
      key: dataset.identityId,
      payload: event,
      correlationId,
    });
    await this.writeStream(dataset, deleted, records, correlationId, now, tx, topics);
  }

  /** A `remove` stream record only (the dataset.changed event is the survivor's, sent apart). */
  private async announceStreamOnly(
    dataset: DatasetRow,
    correlationId: string,
    now: Date,
    tx: Transaction,
    topics: StreamTopics,
  ): Promise<void> {
    await this.writeStream(dataset, true, [], correlationId, now, tx, topics);
  }

  private async writeStream(
    dataset: DatasetRow,
    deleted: boolean,
    records: RecordRow[],
    correlationId: string,
    now: Date,
    tx: Transaction,
    topics: StreamTopics,
  ): Promise<void> {
    const topic = await topics.of(dataset.identityPoolId);
    if (!topic) return;
    await this.streams.write(
      topic,
      {
        identityPoolId: dataset.identityPoolId,
        identityId: dataset.identityId,
        datasetName: dataset.datasetName,
        syncCount: dataset.syncCount,
        deleted,
        records,
        at: now,
      },
      correlationId,
      tx,
    );
  }
}

/** Each pool's stream topic, read once per event (a pool deletion reads it before it is deleted). */
class StreamTopics {
  private readonly known = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly streams: CognitoStreams,
    private readonly tx: Transaction,
  ) {}

  of(identityPoolId: string): Promise<string | undefined> {
    let topic = this.known.get(identityPoolId);
    if (!topic) this.known.set(identityPoolId, (topic = this.streams.topicOf(identityPoolId, this.tx)));
    return topic;
  }
}
