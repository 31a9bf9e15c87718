import {
  CognitoSyncClient,
  GetCognitoEventsCommand,
  ListRecordsCommand,
  RecordPatch,
  SetCognitoEventsCommand,
  UpdateRecordsCommand,
} from '@aws-sdk/client-cognito-sync';
import { signRequest } from '../libs/sigv4/src';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { e2eSystem } from './support/e2e-context';
import { syncIdentities } from './support/sync-identities';

interface StandinCall {
  path: string;
  functionArn: string;
  event: Record<string, unknown>;
}

/**
 * Cognito events with the unchanged AWS SDK: SetCognitoEvents / GetCognitoEvents with the admin key
 * naming the configured trigger endpoints by Lambda ARN (ADR 0014), and the SyncTrigger as a real
 * local HTTP stand-in (libs/testing/src/sync-trigger-standin.ts) that verifies each call's
 * signature and answers as a Lambda would: changing a value, adding and dropping records, refusing,
 * answering garbage or for another identity, too slowly, throttled, or not at all.
 */
describe('Cognito Sync triggers', () => {
  const system = e2eSystem();
  const { admin, poolWithGuestRole, guest, syncAs, syncAdmin } = syncIdentities(system);
  const anonymous = { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' };
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const arn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;

  /** A pool whose guests may sync their own data, with the trigger `name` (if any). */
  async function pool(name: string, trigger?: string): Promise<string> {
    const { poolId } = await poolWithGuestRole(name, ['cognito-sync:*']);
    if (trigger) {
      await syncAdmin.send(
        new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: arn(trigger) } }),
      );
    }
    return poolId;
  }

  async function push(
    client: CognitoSyncClient,
    ids: { IdentityPoolId: string; IdentityId: string; DatasetName: string },
    patches: RecordPatch[],
  ) {
    const listed = await client.send(new ListRecordsCommand(ids));
    return client.send(
      new UpdateRecordsCommand({ ...ids, SyncSessionToken: listed.SyncSessionToken, RecordPatches: patches }),
    );
  }

  async function callsFor(identityId: string): Promise<StandinCall[]> {
    const res = await fetch(
      `${system.syncTriggerStandin}/calls?identityId=${encodeURIComponent(identityId)}`,
    );
    return ((await res.json()) as { accepted: StandinCall[] }).accepted;
  }

  async function recordsOf(
    client: CognitoSyncClient,
    ids: { IdentityPoolId: string; IdentityId: string; DatasetName: string },
  ) {
    const listed = await client.send(new ListRecordsCommand(ids));
    return {
      syncCount: listed.DatasetSyncCount,
      records: Object.fromEntries((listed.Records ?? []).map((r) => [r.Key!, r.Value ?? null])),
    };
  }

  it("sets, reads and removes a pool's SyncTrigger with the admin key", async () => {
    const poolId = await pool('trigger-config');
    expect((await syncAdmin.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events).toEqual(
      {},
    );
    await syncAdmin.send(
      new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: arn('award') } }),
    );
    expect((await syncAdmin.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events).toEqual({
      SyncTrigger: arn('award'),
    });
    // An empty value removes the entry.
    await syncAdmin.send(
      new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: '' } }),
    );
    expect((await syncAdmin.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events).toEqual(
      {},
    );
  });

  it('names only the configured triggers, never an address, and only for a pool that exists', async () => {
    const poolId = await pool('trigger-refusals');
    const set = (Events: Record<string, string>, IdentityPoolId = poolId) =>
      syncAdmin.send(new SetCognitoEventsCommand({ IdentityPoolId, Events }));
    for (const refused of [
      arn('not-configured'),
      `arn:aws:lambda:eu-west-1:${account}:function:award`,
      'arn:aws:lambda:us-east-1:999999999999:function:award',
      `${arn('award')}:prod`,
      'http://169.254.169.254/latest/meta-data/',
      `${system.syncTriggerStandin}/award`,
    ]) {
      await expectAwsError(
        set({ SyncTrigger: refused }),
        'InvalidParameterException',
        /not a configured sync trigger/,
      );
    }
    await expectAwsError(set({ PostSync: arn('award') }), 'InvalidParameterException', /not supported/);
    const missing = 'us-east-1:00000000-0000-4000-8000-000000000000';
    await expectAwsError(set({ SyncTrigger: arn('award') }, missing), 'ResourceNotFoundException', {
      status: 404,
    });
    await expectAwsError(
      syncAdmin.send(new GetCognitoEventsCommand({ IdentityPoolId: missing })),
      'ResourceNotFoundException',
      { status: 404 },
    );
    expect((await syncAdmin.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events).toEqual(
      {},
    );
  });

  it('refuses SetCognitoEvents and GetCognitoEvents without the admin key', async () => {
    const poolId = await pool('trigger-admin-only', 'award');
    const me = await guest(poolId);
    // An identity's own temporary credentials, whose role allows cognito-sync:*.
    await expectAwsError(
      syncAs(me.credentials).send(
        new SetCognitoEventsCommand({ IdentityPoolId: poolId, Events: { SyncTrigger: '' } }),
      ),
      'NotAuthorizedException',
      { status: 403 },
    );
    await expectAwsError(
      syncAs(me.credentials).send(new GetCognitoEventsCommand({ IdentityPoolId: poolId })),
      'NotAuthorizedException',
      { status: 403 },
    );
    // Unsigned, and signed with a key idfed does not know.
    const path = `/identitypools/${encodeURIComponent(poolId)}/events`;
    const unsigned = await fetch(`${system.endpoint}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Events: { SyncTrigger: '' } }),
    });
    expect([unsigned.status, unsigned.headers.get('x-amzn-errortype')]).toEqual([
      403,
      'MissingAuthenticationTokenException:',
    ]);
    await expectAwsError(
      syncAs(anonymous).send(new GetCognitoEventsCommand({ IdentityPoolId: poolId })),
      'UnrecognizedClientException',
      { status: 403 },
    );
    // The admin's signature for another pool's events, sent to this pool: the path is signed.
    const other = await pool('trigger-other');
    const host = new URL(system.endpoint).host;
    const body = Buffer.from(JSON.stringify({ Events: { SyncTrigger: '' } }));
    const signed = signRequest(
      {
        method: 'POST',
        path: `/identitypools/${encodeURIComponent(other)}/events`,
        query: '',
        headers: { host, 'content-type': 'application/json' },
        body,
      },
      admin,
      { region: 'us-east-1', service: 'cognito-sync' },
    );
    const { host: _h, ...headers } = signed.headers as Record<string, string>;
    const retargeted = await fetch(`${system.endpoint}${path}`, { method: 'POST', headers, body });
    expect([retargeted.status, retargeted.headers.get('x-amzn-errortype')]).toEqual([
      403,
      'InvalidSignatureException:',
    ]);
    expect((await syncAdmin.send(new GetCognitoEventsCommand({ IdentityPoolId: poolId }))).Events).toEqual({
      SyncTrigger: arn('award'),
    });
  });

  it('sends the Lambda event and stores what the trigger answered, for every device to see', async () => {
    const poolId = await pool('trigger-award', 'award');
    const me = await guest(poolId);
    const phone = syncAs(me.credentials);
    const laptop = syncAs(me.credentials);
    const ids = { IdentityPoolId: poolId, IdentityId: me.identityId, DatasetName: 'game' };

    const first = await push(phone, ids, [
      { Op: 'replace', Key: 'score', Value: '150', SyncCount: 0 },
      { Op: 'replace', Key: 'cheatMode', Value: 'on', SyncCount: 0 },
    ]);
    // Capped, awarded, and the cheat left out: the device learns it from the answer.
    expect(first.Records!.map((r) => [r.Key, r.Value, r.SyncCount])).toEqual([
      ['score', '100', 1],
      ['badge', 'gold', 1],
    ]);
    expect(await recordsOf(laptop, ids)).toEqual({ syncCount: 1, records: { score: '100', badge: 'gold' } });

    await push(laptop, ids, [{ Op: 'replace', Key: 'score', Value: '80', SyncCount: 1 }]);
    expect(await recordsOf(phone, ids)).toEqual({ syncCount: 2, records: { score: '80', badge: 'gold' } });

    const calls = (await callsFor(me.identityId)).map(({ path, functionArn, event }) => ({
      path,
      functionArn,
      event,
    }));
    const event = (datasetRecords: unknown) => ({
      version: 2,
      eventType: 'SyncTrigger',
      region: 'us-east-1',
      identityPoolId: poolId,
      identityId: me.identityId,
      datasetName: 'game',
      datasetRecords,
    });
    expect(calls).toEqual([
      {
        path: '/award',
        functionArn: arn('award'),
        event: event({
          score: { oldValue: null, newValue: '150', op: 'replace' },
          cheatMode: { oldValue: null, newValue: 'on', op: 'replace' },
        }),
      },
      {
        path: '/award',
        functionArn: arn('award'),
        event: event({ score: { oldValue: '100', newValue: '80', op: 'replace' } }),
      },
    ]);
  });

  it.each([
    ['refuses (its function fails)', 'refuse', 'InvalidLambdaFunctionOutputException', 400],
    ['answers for another identity', 'retarget', 'InvalidLambdaFunctionOutputException', 400],
    ['answers something that is not the event', 'garbage', 'InvalidLambdaFunctionOutputException', 400],
    ['is too slow', 'slow', 'LambdaThrottledException', 429],
    ['is throttled', 'busy', 'LambdaThrottledException', 429],
    ['cannot be reached', 'gone', 'LambdaThrottledException', 429],
  ])('applies nothing when the trigger %s', async (_what, trigger, errorName, status) => {
    const poolId = await pool(`trigger-${trigger}`, trigger);
    const me = await guest(poolId);
    const phone = syncAs(me.credentials);
    const ids = { IdentityPoolId: poolId, IdentityId: me.identityId, DatasetName: 'game' };
    await expectAwsError(
      push(phone, ids, [{ Op: 'replace', Key: 'score', Value: '7', SyncCount: 0 }]),
      errorName,
      { status },
    );
    expect(await recordsOf(phone, ids)).toEqual({ syncCount: 0, records: {} });
  });

  it('lets the trigger refuse one sync of a dataset it otherwise accepts', async () => {
    const poolId = await pool('trigger-forbidden', 'award');
    const me = await guest(poolId);
    const phone = syncAs(me.credentials);
    const ids = { IdentityPoolId: poolId, IdentityId: me.identityId, DatasetName: 'game' };
    await push(phone, ids, [{ Op: 'replace', Key: 'score', Value: '5', SyncCount: 0 }]);
    await expectAwsError(
      push(phone, ids, [
        { Op: 'replace', Key: 'score', Value: '6', SyncCount: 1 },
        { Op: 'replace', Key: 'forbidden', Value: 'x', SyncCount: 0 },
      ]),
      'InvalidLambdaFunctionOutputException',
    );
    expect(await recordsOf(phone, ids)).toEqual({ syncCount: 1, records: { score: '5' } });
  });

  it('is not run for the admin key, nor for a sync refused before it (stale SyncCount)', async () => {
    const poolId = await pool('trigger-skipped', 'award');
    const me = await guest(poolId);
    const ids = { IdentityPoolId: poolId, IdentityId: me.identityId, DatasetName: 'game' };
    // Developer credentials write as sent, as in Cognito.
    await push(syncAdmin, ids, [{ Op: 'replace', Key: 'score', Value: '500', SyncCount: 0 }]);
    expect(await recordsOf(syncAdmin, ids)).toEqual({ syncCount: 1, records: { score: '500' } });
    await expectAwsError(
      push(syncAs(me.credentials), ids, [{ Op: 'replace', Key: 'score', Value: '900', SyncCount: 0 }]),
      'ResourceConflictException',
      { status: 409 },
    );
    expect(await callsFor(me.identityId)).toEqual([]);
  });
});
