import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DatasetChangedEvent, DeviceSyncTopics } from '../../libs/contracts/src';
import type { E2eSystem } from './e2e-context';
import { databaseUrlOf } from './secret-scan';

/**
 * Publishes a dataset-changed event the way device sync does: a row in its schema's outbox, which
 * its relay publishes (in-process embedded, Kafka distributed). Stands in for UpdateRecords until
 * device sync has it; the rest of the path (outbox, relay, bus, device gateway) is the real one.
 */
export async function publishDatasetChanged(
  system: E2eSystem,
  event: Omit<DatasetChangedEvent, 'occurredAt' | 'deleted'> & { deleted?: boolean },
): Promise<string> {
  const eventId = randomUUID();
  const occurredAt = new Date().toISOString();
  const db = new Client({ connectionString: databaseUrlOf(system) });
  await db.connect();
  try {
    await db.query(
      'INSERT INTO device_sync.outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5)',
      [
        eventId,
        DeviceSyncTopics.datasetChanged,
        event.identityId,
        JSON.stringify({ deleted: false, ...event, occurredAt }),
        JSON.stringify({ 'idfed-event-id': eventId, 'idfed-occurred-at': occurredAt }),
      ],
    );
  } finally {
    await db.end();
  }
  return eventId;
}
