import { openDevice, presignSyncUrl, DeviceSocket } from '../test/device-client';
import {
  allowOwnDatasets,
  DeviceGatewayHarness,
  identityCredentials,
  newIdentityId,
  POOL,
  startDeviceGateway,
} from '../test/device-gateway.harness';
import { deviceSyncState } from '../test/device-sync.double';

/** The JSON protocol on an open socket, and pushes from the bus. */
describe('device gateway: messages and pushes', () => {
  let gw: DeviceGatewayHarness;
  const open: DeviceSocket[] = [];

  beforeAll(async () => {
    allowOwnDatasets();
    gw = await startDeviceGateway({ IDFED_WS_MAX_SUBSCRIPTIONS: '3', IDFED_WS_MAX_FRAME_BYTES: '512' });
  });
  afterAll(async () => {
    for (const s of open) s.ws.terminate();
    await gw.close();
  });

  async function device(identityId = newIdentityId(), deviceId?: string): Promise<DeviceSocket> {
    const socket = await openDevice(
      await presignSyncUrl(gw.endpoint, identityCredentials(identityId), { deviceId }),
    );
    open.push(socket);
    return socket;
  }

  async function subscribe(socket: DeviceSocket, datasetName: string): Promise<void> {
    socket.send({ action: 'subscribe', datasetName });
    expect(await socket.next()).toEqual({ type: 'subscribed', datasetName });
  }

  it('answers subscribe, unsubscribe and ping; errors keep the socket open', async () => {
    const s = await device();
    await subscribe(s, 'settings');
    s.send({ action: 'unsubscribe', datasetName: 'settings' });
    expect(await s.next()).toEqual({ type: 'unsubscribed', datasetName: 'settings' });
    s.send('not json');
    expect(await s.next()).toEqual({ type: 'error', message: expect.stringMatching(/JSON objects/) });
    s.send({ action: 'publish', datasetName: 'x' });
    expect(await s.next()).toEqual({
      type: 'error',
      message: expect.stringMatching(/Unknown action "publish"/),
    });
    s.send({ action: 'subscribe', datasetName: 'bad name!' });
    expect(await s.next()).toEqual({ type: 'error', message: expect.stringMatching(/datasetName must be/) });
    s.ws.send(Buffer.from('{}'), { binary: true });
    expect(await s.next()).toEqual({ type: 'error', message: expect.stringMatching(/not binary/) });
    s.send({ action: 'ping' });
    expect(await s.next()).toEqual({ type: 'pong' });
  });

  it('limits subscriptions per socket', async () => {
    const s = await device();
    for (const name of ['a', 'b', 'c']) await subscribe(s, name);
    s.send({ action: 'subscribe', datasetName: 'd' });
    expect(await s.next()).toEqual({
      type: 'error',
      message: 'A socket holds at most 3 subscriptions; unsubscribe first.',
    });
    await subscribe(s, 'a'); // already held: no new slot needed
  });

  it('closes a socket that sends a frame over the limit with 1009', async () => {
    const s = await device();
    s.send({ action: 'subscribe', datasetName: 'x'.repeat(600) });
    expect((await s.closed).code).toBe(1009);
  });

  it("refuses a subscription the role's policy does not allow", async () => {
    allowOwnDatasets(['cognito-sync:ListRecords']);
    try {
      const gw2 = await startDeviceGateway();
      try {
        const s = await openDevice(await presignSyncUrl(gw2.endpoint, identityCredentials(newIdentityId())));
        s.send({ action: 'subscribe', datasetName: 'settings' });
        expect(await s.next()).toEqual({
          type: 'error',
          message: expect.stringMatching(
            /^Not authorized to perform cognito-sync:SubscribeToDataset on arn:aws:cognito-sync:us-east-1:000000000000:identitypool\/.+\/dataset\/settings$/,
          ),
        });
        s.ws.terminate();
      } finally {
        await gw2.close();
      }
    } finally {
      allowOwnDatasets();
    }
  });

  it("pushes a SyncTrigger to the identity's sockets subscribed to the dataset or to *, and to no one else", async () => {
    const identityId = newIdentityId();
    const phone = await device(identityId, 'phone');
    const laptop = await device(identityId, 'laptop');
    const other = await device(identityId);
    const strangerId = newIdentityId();
    const stranger = await device(strangerId);
    await subscribe(phone, 'settings');
    await subscribe(laptop, '*');
    await subscribe(other, 'scores');
    await subscribe(stranger, '*');
    await gw.publish({ identityId, datasetName: 'settings', syncCount: 7 });
    const trigger = {
      source: 'cognito-sync',
      type: 'SyncTrigger',
      identityPoolId: expect.any(String),
      identityId,
      datasetName: 'settings',
      syncCount: 7,
    };
    expect(await phone.next()).toEqual(trigger);
    expect(await laptop.next()).toEqual(trigger);
    // A later push reaches `other`; had the first reached it, it would come first.
    await gw.publish({ identityId, datasetName: 'scores', syncCount: 2 });
    expect(await other.next()).toMatchObject({ datasetName: 'scores', syncCount: 2 });
    // The stranger's first push is one of its own identity: nothing of the others came before it.
    await gw.publish({ identityId: strangerId, datasetName: 'mine', syncCount: 1 });
    expect(await stranger.next()).toMatchObject({ identityId: strangerId, datasetName: 'mine' });
  });

  it('does not tell the device that made the change, and pushes a redelivered event once', async () => {
    const identityId = newIdentityId();
    const phone = await device(identityId, 'phone');
    const laptop = await device(identityId, 'laptop');
    await subscribe(phone, 'settings');
    await subscribe(laptop, 'settings');
    const eventId = await gw.publish({ identityId, syncCount: 3, deviceId: 'phone' });
    await gw.publish({ identityId, syncCount: 3, deviceId: 'phone' }, eventId); // the relay sent it again
    await gw.publish({ identityId, syncCount: 4, deviceId: 'laptop' });
    expect(await laptop.next()).toMatchObject({ syncCount: 3 });
    expect(await phone.next()).toMatchObject({ syncCount: 4 });
    await gw.publish({ identityId, syncCount: 5 });
    expect(await laptop.next()).toMatchObject({ syncCount: 5 }); // not a second 3
    expect(laptop.frames.filter((f) => f.type === 'SyncTrigger').map((f) => f.syncCount)).toEqual([3, 5]);
  });

  it('ignores an event that does not satisfy the contract', async () => {
    const identityId = newIdentityId();
    const s = await device(identityId);
    await subscribe(s, '*');
    await gw.publish({ identityId, syncCount: -1 });
    await gw.publish({ identityId, syncCount: 1 });
    expect(await s.next()).toMatchObject({ type: 'SyncTrigger', syncCount: 1 });
  });

  it("takes up a registered device's dataset subscriptions", async () => {
    const identityId = newIdentityId();
    const deviceId = `device-${newIdentityId().slice(-12)}`;
    deviceSyncState.devices.set(deviceId, { identityPoolId: POOL, identityId, datasets: ['settings'] });
    const phone = await device(identityId, deviceId);
    await gw.publish({ identityId, datasetName: 'scores', syncCount: 1 });
    await gw.publish({ identityId, datasetName: 'settings', syncCount: 2 });
    expect(await phone.next()).toMatchObject({ type: 'SyncTrigger', datasetName: 'settings', syncCount: 2 });
    // Its own change is not pushed back to it.
    await gw.publish({ identityId, datasetName: 'settings', syncCount: 3, deviceId });
    await gw.publish({ identityId, datasetName: 'settings', syncCount: 4 });
    expect(await phone.next()).toMatchObject({ syncCount: 4 });
  });

  it("follows the device's SubscribeToDataset and UnsubscribeFromDataset while open", async () => {
    const identityId = newIdentityId();
    const deviceId = `device-${newIdentityId().slice(-12)}`;
    deviceSyncState.devices.set(deviceId, { identityPoolId: POOL, identityId, datasets: ['settings'] });
    const phone = await device(identityId, deviceId);
    await gw.publishSubscription({ identityId, deviceId, datasetName: 'scores', subscribed: true });
    await gw.publish({ identityId, datasetName: 'scores', syncCount: 1 });
    expect(await phone.next()).toMatchObject({ type: 'SyncTrigger', datasetName: 'scores', syncCount: 1 });
    // Unsubscribed from settings: a later settings change is not pushed, the next scores one is.
    await gw.publishSubscription({ identityId, deviceId, datasetName: 'settings', subscribed: false });
    await gw.publish({ identityId, datasetName: 'settings', syncCount: 5 });
    await gw.publish({ identityId, datasetName: 'scores', syncCount: 2 });
    expect(await phone.next()).toMatchObject({ datasetName: 'scores', syncCount: 2 });
    // Another device of the identity, and the same device id of another identity, change nothing.
    await gw.publishSubscription({
      identityId,
      deviceId: 'another-device',
      datasetName: 'music',
      subscribed: true,
    });
    await gw.publishSubscription({
      identityId: newIdentityId(),
      deviceId,
      datasetName: 'music',
      subscribed: true,
    });
    await gw.publish({ identityId, datasetName: 'music', syncCount: 1 });
    await gw.publish({ identityId, datasetName: 'scores', syncCount: 3 });
    expect(await phone.next()).toMatchObject({ datasetName: 'scores', syncCount: 3 });
  });

  it("takes up nothing from another identity's device named as a label", async () => {
    const owner = newIdentityId();
    const deviceId = `device-${newIdentityId().slice(-12)}`;
    deviceSyncState.devices.set(deviceId, {
      identityPoolId: POOL,
      identityId: owner,
      datasets: ['settings'],
    });
    const strangerId = newIdentityId();
    const stranger = await device(strangerId, deviceId);
    await gw.publish({ identityId: strangerId, datasetName: 'settings', syncCount: 1 });
    await subscribe(stranger, '*');
    await gw.publish({ identityId: strangerId, datasetName: 'settings', syncCount: 2 });
    expect(await stranger.next((f) => f.type === 'SyncTrigger')).toMatchObject({ syncCount: 2 });
  });
});
