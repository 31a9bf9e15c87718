import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import {
  startSyncTriggerStandin,
  SyncTriggerStandin,
} from '../../../../libs/testing/src/sync-trigger-standin';
import { SyncTriggerClient } from './sync-trigger.client';
import { SyncTriggerConfig, triggerArn } from './sync-trigger.config';
import { SyncTriggerEvent } from './sync-trigger.event';
import { endpointKey } from './sync-trigger.signature';

const event: SyncTriggerEvent = {
  version: 2,
  eventType: 'SyncTrigger',
  region: 'us-east-1',
  identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000001',
  identityId: 'us-east-1:00000000-0000-0000-0000-00000000000a',
  datasetName: 'game',
  datasetRecords: {
    score: { oldValue: '10', newValue: '150', op: 'replace' },
    cheatMode: { oldValue: null, newValue: 'on', op: 'replace' },
  },
};

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('SyncTriggerClient against a real HTTP stand-in', () => {
  const secret = randomBytes(32);
  let standin: SyncTriggerStandin;
  let config: SyncTriggerConfig;
  let client: SyncTriggerClient;
  const arn = (name: string) => triggerArn(config, name);

  beforeAll(async () => {
    standin = await startSyncTriggerStandin((name) => endpointKey(secret, name), 5_000);
    const paths = ['award', 'refuse', 'retarget', 'garbage', 'slow', 'busy'];
    config = {
      region: 'us-east-1',
      accountId: '123456789012',
      endpoints: new Map([
        ...paths.map((p): [string, string] => [p, `${standin.url}/${p}`]),
        ['gone', `http://127.0.0.1:${await closedPort()}/`],
      ]),
      secret,
      // Well under the stand-in's slow answer (5 s), well over a loaded machine's first round trip.
      timeoutMs: 2_000,
      maxAnswerBytes: 1024 * 1024,
    };
    client = new SyncTriggerClient(config);
  });

  afterAll(() => standin.close());

  async function calls() {
    const res = await fetch(`${standin.url}/calls?identityId=${encodeURIComponent(event.identityId)}`);
    return (await res.json()) as {
      accepted: { path: string; functionArn: string; event: unknown }[];
      rejected: { reason: string }[];
    };
  }

  it('sends the signed Lambda event and takes back the records as the trigger changed them', async () => {
    const answer = await client.invoke(arn('award'), event);
    expect([...answer]).toEqual([
      ['score', { op: 'replace', newValue: '100' }],
      ['badge', { op: 'replace', newValue: 'gold' }],
    ]);
    const { accepted } = await calls();
    expect(accepted.find((c) => c.path === '/award')).toMatchObject({
      functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:award',
      event,
    });
  });

  it.each([
    ['fails', 'refuse', 'InvalidLambdaFunctionOutputException'],
    ['answers for another identity', 'retarget', 'InvalidLambdaFunctionOutputException'],
    ['answers something that is not JSON', 'garbage', 'InvalidLambdaFunctionOutputException'],
    ['answers after the timeout', 'slow', 'LambdaThrottledException'],
    ['is throttled', 'busy', 'LambdaThrottledException'],
    ['cannot be reached', 'gone', 'LambdaThrottledException'],
    ['is no longer configured', 'removed', 'LambdaThrottledException'],
  ])('refuses the sync when the trigger %s', async (_what, name, errorName) => {
    await expect(client.invoke(arn(name), event)).rejects.toMatchObject({ errorName });
  });

  it('is refused by a receiver that holds another secret', async () => {
    const other = new SyncTriggerClient({ ...config, secret: randomBytes(32) });
    await expect(other.invoke(arn('award'), event)).rejects.toMatchObject({
      errorName: 'InvalidLambdaFunctionOutputException',
    });
    expect((await calls()).rejected.map((r) => r.reason)).toContain('bad signature');
  });

  it("signs each endpoint's calls with its own key: one receiver cannot pass as another", async () => {
    const keys = ['award', 'refuse', 'hold'].map((name) => endpointKey(secret, name).toString('hex'));
    expect(new Set(keys).size).toBe(3);
    expect(keys.every((k) => k.length === 64 && k !== secret.toString('hex'))).toBe(true);
    // A function configured at another endpoint's URL signs with its own key, which that
    // receiver does not hold: so the holder of one key cannot make calls another receiver takes.
    const misrouted = new SyncTriggerClient({
      ...config,
      endpoints: new Map([['impostor', `${standin.url}/award`]]),
    });
    await expect(misrouted.invoke(arn('impostor'), event)).rejects.toMatchObject({
      errorName: 'InvalidLambdaFunctionOutputException',
    });
    expect((await calls()).rejected.map((r) => r.reason)).toContain('bad signature');
  });

  it('cannot have a call replayed, altered or sent to another trigger', async () => {
    await client.invoke(arn('award'), event);
    const { accepted } = await calls();
    const captured = accepted[accepted.length - 1] as unknown as {
      id: string;
      timestamp: string;
      signature: string;
      functionArn: string;
      body: string;
    };
    const send = (path: string, body: string, functionArn = captured.functionArn) =>
      fetch(`${standin.url}${path}`, {
        method: 'POST',
        headers: {
          'x-idfed-trigger-id': captured.id,
          'x-idfed-timestamp': captured.timestamp,
          'x-idfed-function': functionArn,
          'x-idfed-signature': captured.signature,
        },
        body,
      });
    expect((await send('/award', captured.body)).status).toBe(401);
    expect((await send('/award', captured.body.replace('150', '99'))).status).toBe(401);
    expect((await send('/refuse', captured.body, arn('refuse'))).status).toBe(401);
    expect((await calls()).rejected.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['replayed', 'bad signature']),
    );
  });

  it('knows only the configured functions of its own region and account', () => {
    expect(client.knows(arn('award'))).toBe(true);
    expect(client.knows('arn:aws:lambda:us-east-1:123456789012:function:unknown')).toBe(false);
    expect(client.knows('arn:aws:lambda:eu-west-1:123456789012:function:award')).toBe(false);
    expect(client.knows('arn:aws:lambda:us-east-1:999999999999:function:award')).toBe(false);
    expect(client.knows('arn:aws:lambda:us-east-1:123456789012:function:award:prod')).toBe(false);
    expect(client.knows(`${standin.url}/award`)).toBe(false);
  });
});
