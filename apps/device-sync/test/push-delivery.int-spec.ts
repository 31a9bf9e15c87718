import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DatasetChangedEvent } from '@idfed/contracts';
import { ApnsStandIn, FcmStandIn } from '../../../libs/testing/src/push-standins';
import { SyncClock } from '../src/common/device-sync.config';
import { DeviceTokens } from '../src/devices/device-tokens';
import { DevicesRepository } from '../src/devices/devices.repository';
import { PushPlatform } from '../src/pools/push-platforms';
import { ApnsProvider } from '../src/push/apns.provider';
import { FcmProvider } from '../src/push/fcm.provider';
import { PushDeliveriesRepository } from '../src/push/push-deliveries.repository';
import { PushDeliveryWorker } from '../src/push/push-delivery.worker';
import { PushProviders } from '../src/push/push-providers';
import { PushTriggers } from '../src/push/push-triggers';
import { DeviceSyncTestDatabase } from './support/device-sync-test-database';

class MovableClock extends SyncClock {
  offsetMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

const GCM_APP = 'arn:aws:sns:us-east-1:123456789012:app/GCM/notes';
const APNS_APP = 'arn:aws:sns:us-east-1:123456789012:app/APNS/com.example.notes';
const SANDBOX_APP = 'arn:aws:sns:us-east-1:123456789012:app/APNS_SANDBOX/com.example.notes';
const APP_OF: Record<PushPlatform, string> = {
  GCM: GCM_APP,
  APNS: APNS_APP,
  APNS_SANDBOX: SANDBOX_APP,
  ADM: 'arn:aws:sns:us-east-1:123456789012:app/ADM/notes',
};

/**
 * Push delivery on a real PostgreSQL against stand-ins of FCM HTTP v1 (with Google's token
 * endpoint) and the APNs HTTP/2 provider API that verify what the real ones verify (the service
 * account's RS256 assertion, the ES256 provider token, topic, push type, payload shape), with jose.
 * A change queues one push per subscribed device but the one that made it; pushes wait out a
 * provider that is down and arrive when it is back; a token the provider calls unregistered drops
 * its device; forged credentials deliver nothing.
 */
describe('push delivery on PostgreSQL, to FCM and APNs stand-ins', () => {
  const db = new DeviceSyncTestDatabase('push');
  const poolId = `us-east-1:${randomUUID()}`;
  const dir = mkdtempSync(join(tmpdir(), 'idfed-push-'));
  const fcm = new FcmStandIn();
  const apns = new ApnsStandIn('com.example.notes');
  const sandbox = new ApnsStandIn('com.example.notes', apns);
  const tokens = new DeviceTokens(randomBytes(32));
  const clock = new MovableClock();
  const policy = { maxAttempts: 4, retryBackoffMs: 1000, pollMs: 60_000 };
  let ds: DataSource;
  let devices: DevicesRepository;
  let deliveries: PushDeliveriesRepository;
  let triggers: PushTriggers;
  let worker: PushDeliveryWorker;

  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  };

  function workerWith(providers: PushProviders) {
    return new PushDeliveryWorker(deliveries, devices, tokens, providers, policy, clock);
  }

  beforeAll(async () => {
    await Promise.all([fcm.start(), apns.start(), sandbox.start()]);
    ds = await db.create(8);
    devices = new DevicesRepository(ds);
    deliveries = new PushDeliveriesRepository(ds);
    const apnsProvider = new ApnsProvider({
      keyFile: file('apns.p8', apns.keyPem()),
      keyId: apns.keyId,
      teamId: apns.teamId,
      baseUrl: apns.baseUrl,
      sandboxBaseUrl: sandbox.baseUrl,
    });
    const providers = new PushProviders({
      GCM: new FcmProvider({
        serviceAccountFile: file('fcm.json', JSON.stringify(fcm.serviceAccount())),
        baseUrl: fcm.baseUrl,
        tokenUrl: fcm.tokenUrl,
      }),
      APNS: apnsProvider,
      APNS_SANDBOX: apnsProvider,
    });
    worker = workerWith(providers);
    triggers = new PushTriggers(devices, deliveries, providers, clock);
  });

  afterAll(async () => {
    await worker?.onApplicationShutdown();
    await Promise.all([fcm.stop(), apns.stop(), sandbox.stop()]);
    await db.drop();
  });

  const newIdentity = () => `us-east-1:${randomUUID()}`;
  const tokenFor = (platform: PushPlatform) =>
    platform === 'GCM' ? `fcm:${randomBytes(30).toString('base64url')}` : randomBytes(32).toString('hex');

  async function device(identityId: string, platform: PushPlatform, datasetName = 'settings') {
    const deviceId = randomUUID();
    const token = tokenFor(platform);
    await ds.transaction(async (tx) => {
      await devices.register(
        {
          deviceId,
          identityPoolId: poolId,
          identityId,
          platform,
          applicationArn: APP_OF[platform],
          tokenDigest: tokens.digest(platform, token),
          tokenEnc: tokens.seal(token, deviceId),
        },
        new Date(),
        tx,
      );
      const row = await devices.find(deviceId, tx);
      await devices.subscribe(row!, datasetName, new Date(), tx);
    });
    return { deviceId, token };
  }

  async function change(identityId: string, syncCount: number, deviceId?: string, eventId = randomUUID()) {
    const event: DatasetChangedEvent = {
      identityPoolId: poolId,
      identityId,
      datasetName: 'settings',
      syncCount,
      deleted: false,
      ...(deviceId ? { deviceId } : {}),
      occurredAt: new Date().toISOString(),
    };
    return ds.transaction((tx) => triggers.queue(eventId, event, tx));
  }

  it("tells every subscribed device but the changing one, with Cognito's SyncTrigger", async () => {
    const me = newIdentity();
    const phone = await device(me, 'GCM');
    const iphone = await device(me, 'APNS');
    const testPhone = await device(me, 'APNS_SANDBOX');
    const laptop = await device(me, 'GCM');
    await device(me, 'GCM', 'other-dataset');
    // ADM: no provider in this deployment, so nothing is queued for it.
    await device(me, 'ADM');
    const eventId = randomUUID();
    expect(await change(me, 7, laptop.deviceId, eventId)).toBe(3);
    // The same event again (a redelivery): nothing more queued.
    expect(await change(me, 7, laptop.deviceId, eventId)).toBe(0);
    await worker.drain();

    const trigger = {
      source: 'cognito-sync',
      type: 'SyncTrigger',
      identityPoolId: poolId,
      identityId: me,
      datasetName: 'settings',
    };
    expect(fcm.received.filter((p) => p.token === phone.token)).toEqual([
      expect.objectContaining({ payload: { ...trigger, syncCount: '7' } }),
    ]);
    expect(fcm.received.some((p) => p.token === laptop.token)).toBe(false);
    for (const [standIn, target] of [
      [apns, iphone],
      [sandbox, testPhone],
    ] as const) {
      const got = standIn.received.filter((p) => p.token === target.token);
      expect(got).toHaveLength(1);
      expect(got[0].payload).toEqual({ aps: { 'content-available': 1 }, ...trigger, syncCount: 7 });
      expect(got[0].headers['apns-topic']).toBe('com.example.notes');
    }
    for (const d of [phone, iphone, testPhone]) expect(await deliveries.pendingFor(d.deviceId)).toEqual([]);
  });

  it('keeps pushes while a provider is down and delivers them when it is back', async () => {
    const me = newIdentity();
    const phone = await device(me, 'GCM');
    fcm.switches.failWith = 503;
    try {
      await change(me, 1);
      await change(me, 2);
      await worker.drain();
      expect(await deliveries.pendingFor(phone.deviceId)).toEqual([
        { attempts: 1, lastError: 'FCM 503 UNAVAILABLE' },
        { attempts: 1, lastError: 'FCM 503 UNAVAILABLE' },
      ]);
      // Not due before the backoff: a round now changes nothing.
      await worker.drain();
      expect((await deliveries.pendingFor(phone.deviceId)).map((p) => p.attempts)).toEqual([1, 1]);
      clock.offsetMs += 1_500;
      await worker.drain();
      expect((await deliveries.pendingFor(phone.deviceId)).map((p) => p.attempts)).toEqual([2, 2]);
    } finally {
      fcm.switches.failWith = undefined;
    }
    clock.offsetMs += 2_500;
    await worker.drain();
    expect(await deliveries.pendingFor(phone.deviceId)).toEqual([]);
    expect(fcm.received.filter((p) => p.token === phone.token).map((p) => p.payload.syncCount)).toEqual(
      expect.arrayContaining(['1', '2']),
    );
  });

  it('drops a device whose token the provider reports unregistered, with its subscriptions', async () => {
    const me = newIdentity();
    const iphone = await device(me, 'APNS');
    const phone = await device(me, 'GCM');
    apns.switches.unregistered.add(iphone.token);
    fcm.switches.unregistered.add(phone.token);
    await change(me, 3);
    await worker.drain();
    expect(await devices.find(iphone.deviceId)).toBeUndefined();
    expect(await devices.find(phone.deviceId)).toBeUndefined();
    expect(await devices.subscribersOf(me, 'settings')).toEqual([]);
  });

  it('gives a push up after the last try', async () => {
    const me = newIdentity();
    const phone = await device(me, 'GCM');
    fcm.switches.failWith = 500;
    try {
      await change(me, 1);
      for (let i = 0; i < policy.maxAttempts; i++) {
        await worker.drain();
        clock.offsetMs += 60_000;
      }
      expect(await deliveries.pendingFor(phone.deviceId)).toEqual([]);
      expect(await devices.find(phone.deviceId)).toBeDefined();
    } finally {
      fcm.switches.failWith = undefined;
    }
  });

  it('delivers nothing with forged provider credentials', async () => {
    const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const otherEc = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    const forged = workerWith(
      new PushProviders({
        GCM: new FcmProvider({
          serviceAccountFile: file(
            'forged-fcm.json',
            JSON.stringify(fcm.serviceAccount(otherRsa.toString())),
          ),
          baseUrl: fcm.baseUrl,
          tokenUrl: fcm.tokenUrl,
        }),
        APNS: new ApnsProvider({
          keyFile: file('forged.p8', otherEc.toString()),
          keyId: apns.keyId,
          teamId: apns.teamId,
          baseUrl: apns.baseUrl,
          sandboxBaseUrl: sandbox.baseUrl,
        }),
      }),
    );
    const me = newIdentity();
    const phone = await device(me, 'GCM');
    const iphone = await device(me, 'APNS');
    const refusedBefore = fcm.tokensRefused;
    await change(me, 1);
    try {
      await forged.drain();
    } finally {
      await forged.onApplicationShutdown();
    }
    expect(fcm.tokensRefused).toBeGreaterThan(refusedBefore);
    expect(apns.refused).toContain('InvalidProviderToken');
    expect(fcm.received.some((p) => p.token === phone.token)).toBe(false);
    expect(apns.received.some((p) => p.token === iphone.token)).toBe(false);
    expect((await deliveries.pendingFor(phone.deviceId))[0].lastError).toMatch(/^FCM token endpoint/);
    expect((await deliveries.pendingFor(iphone.deviceId))[0].lastError).toBe('APNs 403 InvalidProviderToken');
  });
});
