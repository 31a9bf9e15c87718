import { credentialVendingState } from '../../../libs/testing/src/credential-vending.double';
import { eventually } from '../../../libs/testing/src/eventually';
import { connectDevice, presignSyncUrl } from '../test/device-client';
import { deviceSyncState } from '../test/device-sync.double';
import {
  allowOwnDatasets,
  DeviceGatewayHarness,
  identityCredentials,
  newIdentityId,
  POOL,
  startDeviceGateway,
} from '../test/device-gateway.harness';

/** Who may open `GET /sync`: an identity's temporary credentials in a presigned URL, nothing else. */
describe('device gateway: connecting', () => {
  let gw: DeviceGatewayHarness;

  beforeAll(async () => {
    allowOwnDatasets();
    // Serves its home region (us-east-1, where the identities are) and ap-southeast-2 (ADR 0032).
    gw = await startDeviceGateway({ IDFED_REGIONS: 'ap-southeast-2' });
  });
  afterAll(() => gw.close());
  afterEach(() => (credentialVendingState.revocations = []));

  async function refused(url: string): Promise<{ status: number; message: string }> {
    const result = await connectDevice(url);
    if (result.ok) {
      result.socket.ws.close();
      throw new Error('the upgrade was accepted');
    }
    return { status: result.status, message: (JSON.parse(result.body) as { message: string }).message };
  }

  it('accepts a URL presigned by the AWS signer with an identity credentials, deviceId included', async () => {
    const creds = identityCredentials(newIdentityId());
    const result = await connectDevice(await presignSyncUrl(gw.endpoint, creds, { deviceId: 'phone-1' }));
    expect(result.ok).toBe(true);
    if (result.ok) result.socket.ws.close();
  });

  it('refuses a forged signature', async () => {
    const url = await presignSyncUrl(gw.endpoint, identityCredentials(newIdentityId()));
    const forged = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
    );
    expect(await refused(forged)).toEqual({
      status: 403,
      message: expect.stringMatching(/signature we calculated does not match/),
    });
  });

  it("refuses another identity's session token with someone else's key", async () => {
    const mine = identityCredentials(newIdentityId());
    const theirs = identityCredentials(newIdentityId());
    const url = await presignSyncUrl(gw.endpoint, { ...mine, sessionToken: theirs.sessionToken });
    expect(await refused(url)).toEqual({
      status: 403,
      message: 'The security token included in the request is invalid.',
    });
  });

  it('refuses a URL past X-Amz-Date + X-Amz-Expires, and one dated in the future', async () => {
    const creds = identityCredentials(newIdentityId());
    const old = await presignSyncUrl(gw.endpoint, creds, {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 120_000),
    });
    expect(await refused(old)).toEqual({
      status: 403,
      message: expect.stringMatching(/^Request has expired/),
    });
    const future = await presignSyncUrl(gw.endpoint, creds, { signingDate: new Date(Date.now() + 3600_000) });
    expect(await refused(future)).toEqual({ status: 403, message: expect.stringMatching(/not yet current/) });
  });

  it('refuses expired credentials', async () => {
    const creds = identityCredentials(newIdentityId(), { expiresAt: Date.now() - 1000 });
    expect(await refused(await presignSyncUrl(gw.endpoint, creds))).toEqual({
      status: 403,
      message: 'The security token included in the request is expired',
    });
  });

  it('refuses a signature over another host or path', async () => {
    const creds = identityCredentials(newIdentityId());
    const otherHost = await presignSyncUrl(gw.endpoint, creds, { host: 'devices.example.test' });
    expect((await refused(otherHost)).status).toBe(403);
    // Signed for /other, presented at /sync.
    const otherPath = await presignSyncUrl(gw.endpoint, creds, { path: '/other' });
    expect(await refused(otherPath)).toEqual({
      status: 403,
      message: expect.stringMatching(/does not match/),
    });
  });

  it('refuses a URL without a session token, or not presigned at all', async () => {
    const creds = identityCredentials(newIdentityId());
    const url = await presignSyncUrl(gw.endpoint, creds);
    const tokenless = url.replace(/&?X-Amz-Security-Token=[^&]*/, '');
    expect(await refused(tokenless)).toEqual({
      status: 403,
      message: expect.stringMatching(/belongs to an identity/),
    });
    expect((await refused(`${gw.endpoint}/sync`)).message).toMatch(/must be presigned/);
  });

  it('refuses the admin key: a socket belongs to an identity', async () => {
    const admin = {
      accessKeyId: 'AKIAIDFEDTESTADMIN01',
      secretAccessKey: 'idfed-test-secret-key/0123456789abcdefghi',
    };
    expect(await refused(await presignSyncUrl(gw.endpoint, admin))).toEqual({
      status: 403,
      message: expect.stringMatching(/belongs to an identity/),
    });
  });

  it("refuses temporary credentials that are not an identity's (AssumeRole sessions)", async () => {
    const creds = identityCredentials(newIdentityId(), {
      provider: 'arn:aws:iam::000000000000:user/someone',
      webIdentity: undefined,
    });
    expect(await refused(await presignSyncUrl(gw.endpoint, creds))).toEqual({
      status: 403,
      message: expect.stringMatching(/not an identity's/),
    });
  });

  it('refuses credentials signed for another service or region', async () => {
    const creds = identityCredentials(newIdentityId());
    expect((await refused(await presignSyncUrl(gw.endpoint, creds, { service: 'iot' }))).message).toMatch(
      /scoped to correct service: 'cognito-sync'/,
    );
    expect((await refused(await presignSyncUrl(gw.endpoint, creds, { region: 'eu-west-1' }))).message).toBe(
      'The security token included in the request is invalid.',
    ); // a region not served (ADR 0032)
  });

  it("refuses a URL presigned for a served region other than the identity's own", async () => {
    // Cognito Sync's endpoints are regional: an identity of us-east-1 is not found in ap-southeast-2.
    const refusal = await refused(
      await presignSyncUrl(gw.endpoint, identityCredentials(newIdentityId()), { region: 'ap-southeast-2' }),
    );
    expect(refusal).toEqual({
      status: 403,
      message:
        'These credentials are an identity of us-east-1: presign the URL for that region, not ap-southeast-2.',
    });
  });

  it('hands each refusal of a signed caller to device sync for audit, once, without its secrets', async () => {
    deviceSyncState.refusals = [];
    const creds = identityCredentials(newIdentityId(), {
      provider: 'arn:aws:iam::000000000000:user/someone',
      webIdentity: undefined,
    });
    const url = await presignSyncUrl(gw.endpoint, creds, { deviceId: 'probe-1' });
    const result = await connectDevice(url, { headers: { 'user-agent': 'probe/1.0' } });
    expect(result).toMatchObject({ ok: false, status: 403, requestId: expect.any(String) });
    if (result.ok) return;
    await eventually(() => expect(deviceSyncState.refusals).toHaveLength(1));
    const [{ request, meta }] = deviceSyncState.refusals;
    expect(request).toEqual({
      operation: 'Connect',
      requestParameters: { deviceId: 'probe-1' },
      errorCode: 'NotAuthorizedException',
      errorMessage: expect.stringMatching(/not an identity's/),
    });
    expect(meta).toMatchObject({
      requestId: result.requestId,
      region: 'us-east-1',
      userAgent: 'probe/1.0',
      caller: { kind: 'temporary', accessKeyId: creds.accessKeyId },
    });
    const handed = JSON.stringify(deviceSyncState.refusals);
    expect(handed).not.toContain(creds.secretAccessKey);
    expect(handed).not.toContain(creds.sessionToken);
    expect(handed).not.toContain(new URL(url).searchParams.get('X-Amz-Signature'));
    // A bad signature names no caller: nothing to audit (ADR 0075).
    const forged = url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`,
    );
    expect(await connectDevice(forged)).toMatchObject({ ok: false, status: 403 });
    expect(deviceSyncState.refusals).toHaveLength(1);
  });

  it("refuses a revoked role's sessions", async () => {
    // A role no other test uses: the first gateway's own refresh may pick this list up too.
    const revoked = 'arn:aws:iam::000000000000:role/revoked-devices';
    credentialVendingState.revocations = [
      { RoleArn: revoked, RevokedBefore: new Date(Date.now() + 1000).toISOString() },
    ];
    const gw2 = await startDeviceGateway();
    try {
      const creds = identityCredentials(newIdentityId(), { roleArn: revoked });
      const result = await connectDevice(await presignSyncUrl(gw2.endpoint, creds));
      expect(result).toMatchObject({ ok: false, status: 403 });
      if (!result.ok)
        expect(JSON.parse(result.body)).toEqual({
          message: 'The security token included in the request is invalid.',
        });
    } finally {
      await gw2.close();
    }
  });

  it('answers other paths 404 and a bad deviceId 400', async () => {
    const creds = identityCredentials(newIdentityId());
    expect((await refused(`${gw.endpoint}/elsewhere`)).status).toBe(404);
    const bad = await presignSyncUrl(gw.endpoint, creds, { deviceId: 'a b' });
    expect((await refused(bad)).status).toBe(400);
  });

  it("answers another identity's registered deviceId as an unknown one, so ids cannot be probed", async () => {
    const owner = newIdentityId();
    deviceSyncState.devices.set('owned-device', {
      identityPoolId: POOL,
      identityId: owner,
      datasets: ['settings'],
    });
    const stranger = identityCredentials(newIdentityId());
    const foreign = await connectDevice(
      await presignSyncUrl(gw.endpoint, stranger, { deviceId: 'owned-device' }),
    );
    const unknown = await connectDevice(
      await presignSyncUrl(gw.endpoint, stranger, { deviceId: 'never-registered' }),
    );
    expect(foreign.ok).toBe(true);
    expect(unknown.ok).toBe(true);
    if (foreign.ok) foreign.socket.ws.close();
    if (unknown.ok) unknown.socket.ws.close();
    const mine = await connectDevice(
      await presignSyncUrl(gw.endpoint, identityCredentials(owner), { deviceId: 'owned-device' }),
    );
    expect(mine.ok).toBe(true);
    if (mine.ok) mine.socket.ws.close();
  });
});
