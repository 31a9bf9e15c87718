import { randomUUID } from 'node:crypto';
import { INestMicroservice } from '@nestjs/common';
import { DeviceSyncTopics } from '@idfed/contracts';
import { BusClientProxy, createClientTransport, Headers, TransportConfig } from '@idfed/messaging';
import { DeviceSocket, openDevice, presignSyncUrl } from './device-client';
import { startCredentialVendingDouble } from '../../../libs/testing/src/credential-vending.double';
import {
  allowOwnDatasets,
  datasetChanged,
  DeviceGatewayHarness,
  identityCredentials,
  newIdentityId,
  startDeviceGateway,
} from './device-gateway.harness';

const brokers = process.env.IDFED_TEST_KAFKA_BROKERS;
if (!brokers) throw new Error('IDFED_TEST_KAFKA_BROKERS is not set: the integration tier needs a real Kafka');
const transport: TransportConfig = {
  kind: 'kafka',
  brokers: brokers.split(','),
  partitions: 3,
  clientId: `device-fan-out-${randomUUID().slice(0, 8)}`,
};

/**
 * Two device gateway replicas on a real Kafka: an event published once (as device sync's relay
 * does) reaches the identity's sockets on both, since each replica reads in a group of its own;
 * the same event delivered twice is pushed once.
 */
describe('device gateway replicas over Kafka', () => {
  let credentialVending: INestMicroservice;
  const replicas: DeviceGatewayHarness[] = [];
  let producer: BusClientProxy;
  const sockets: DeviceSocket[] = [];

  beforeAll(async () => {
    allowOwnDatasets();
    credentialVending = await startCredentialVendingDouble(transport);
    for (let i = 0; i < 2; i++) replicas.push(await startDeviceGateway({}, { transport }));
    producer = createClientTransport(transport);
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.ws.terminate();
    for (const r of replicas) await r.close();
    await producer.close();
    await credentialVending.close();
  }, 60_000);

  const publish = (identityId: string, syncCount: number, eventId = randomUUID()) =>
    producer.publishEvents([
      {
        topic: DeviceSyncTopics.datasetChanged,
        key: identityId,
        value: datasetChanged({ identityId, syncCount }),
        headers: { [Headers.eventId]: eventId },
      },
    ]);

  it('reaches the sockets of the identity on both replicas, each event once', async () => {
    const identityId = newIdentityId();
    for (const replica of replicas) {
      const s = await openDevice(await presignSyncUrl(replica.endpoint, identityCredentials(identityId)));
      sockets.push(s);
      // The first subscription asks credential vending over Kafka, whose reply group may still be
      // joining: the gateway then answers "try again", and a device does as it is told.
      let answer: unknown;
      for (let attempt = 0; attempt < 5; attempt++) {
        s.send({ action: 'subscribe', datasetName: 'settings' });
        answer = await s.next(undefined, 30_000);
        if ((answer as { type?: string }).type !== 'error') break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(answer).toEqual({ type: 'subscribed', datasetName: 'settings' });
    }
    const eventId = randomUUID();
    await publish(identityId, 1, eventId);
    await publish(identityId, 1, eventId); // the relay sent the batch again
    await publish(identityId, 2);
    for (const s of sockets) {
      expect(await s.next(undefined, 30_000)).toMatchObject({
        type: 'SyncTrigger',
        identityId,
        syncCount: 1,
      });
      // One key, one partition: the redelivery came before 2, so had it been pushed it would be next.
      expect(await s.next(undefined, 30_000)).toMatchObject({ type: 'SyncTrigger', syncCount: 2 });
    }
  }, 120_000);
});
