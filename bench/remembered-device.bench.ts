import { writeFileSync } from 'node:fs';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  ConfirmDeviceCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as cognito from 'amazon-cognito-identity-js';
import { CognitoJsSrpClient } from '../apps/user-directory/test/support/cognito-js-srp-client';
import { machineDescription } from './cpu';
import { NativeSrpClient } from './native-srp-client';
import { startEmbeddedBench } from './embedded-idfed';

/**
 * A sign-in from a remembered device next to a plain SRP sign-in (issue 11): USER_SRP_AUTH in a
 * pool without device tracking (two requests), and USER_SRP_AUTH with the DEVICE_KEY of a
 * remembered device in a pool with `ChallengeRequiredOnNewDevice` (four requests: the password's
 * SRP, then DEVICE_SRP_AUTH and DEVICE_PASSWORD_VERIFIER). One sign-in at a time, the two kinds
 * interleaved in random order so that a shared machine's drift hits both alike; the client's SRP
 * arithmetic (in this process) is timed apart, its key pair included, and subtracted. The client
 * math is NativeSrpClient's (OpenSSL) by default; `--client=cognito-js` uses
 * amazon-cognito-identity-js's, whose pure-JavaScript exponentiations took most of a round
 * (about 0.8 s per SRP exchange on the 2-core VM: 200 rounds did not fit in 4 minutes).
 *
 *   npm run bench -- --remembered-device [--rounds=N] [--client=native|cognito-js] [--json=PATH] [--keep]
 */

const PASSWORD = 'Bench-Device-Passw0rd!';
const WARMUP = 10;

interface DeviceHashHelper {
  generateHashDevice(groupKey: string, deviceKey: string, cb: (err: Error | null) => void): void;
  getSaltDevices(): string;
  getVerifierDevices(): string;
  getRandomPassword(): string;
}
const DeviceHelper = (cognito as unknown as { AuthenticationHelper: new (name: string) => DeviceHashHelper })
  .AuthenticationHelper;

interface Timing {
  totalMs: number;
  clientMs: number;
}

export interface RememberedDeviceResult {
  kind: string;
  requests: number;
  medianTotalMs: number;
  p95TotalMs: number;
  medianServerMs: number;
  p95ServerMs: number;
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

/** Runs `fn`, adding its duration to `acc.clientMs`. */
async function client<T>(acc: { clientMs: number }, fn: () => Promise<T>): Promise<T> {
  const start = process.hrtime.bigint();
  try {
    return await fn();
  } finally {
    acc.clientMs += Number(process.hrtime.bigint() - start) / 1e6;
  }
}

export async function runRememberedDeviceBench(argv: string[]): Promise<RememberedDeviceResult[]> {
  const args = new Map(argv.map((a) => a.replace(/^--/, '').split('=') as [string, string | undefined]));
  const rounds = Number(args.get('rounds') ?? 200);
  const clientMath = args.get('client') ?? 'native';
  if (clientMath !== 'native' && clientMath !== 'cognito-js') throw new Error('--client=native|cognito-js');
  const srpClient = (poolName: string) =>
    clientMath === 'native' ? new NativeSrpClient(poolName) : new CognitoJsSrpClient(poolName);
  const log = (line: string) =>
    console.error(`[remembered-device ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const bench = await startEmbeddedBench('device', log, { healthTimeoutMs: 120_000, keep: args.has('keep') });
  const { sdk } = bench;
  try {
    async function poolWithUser(name: string, tracking: boolean) {
      const { UserPool } = await sdk.send(
        new CreateUserPoolCommand({
          PoolName: `${name}-${Date.now()}`,
          ...(tracking
            ? {
                DeviceConfiguration: {
                  ChallengeRequiredOnNewDevice: true,
                  DeviceOnlyRememberedOnUserPrompt: false,
                },
              }
            : {}),
        }),
      );
      const UserPoolId = UserPool!.Id!;
      const { UserPoolClient } = await sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: 'bench',
          ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      await sdk.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: 'bench',
          MessageAction: 'SUPPRESS',
          TemporaryPassword: PASSWORD,
        }),
      );
      await sdk.send(
        new AdminSetUserPasswordCommand({
          UserPoolId,
          Username: 'bench',
          Password: PASSWORD,
          Permanent: true,
        }),
      );
      return { poolId: UserPoolId, clientId: UserPoolClient!.ClientId! };
    }

    const plainPool = await poolWithUser('bench-plain', false);
    const devicePool = await poolWithUser('bench-device', true);

    // The device: signed in once, confirmed (remembered at once: DeviceOnlyRememberedOnUserPrompt off).
    const first = await sdk.send(
      new InitiateAuthCommand({
        ClientId: devicePool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'bench', PASSWORD },
      }),
    );
    const meta = first.AuthenticationResult!.NewDeviceMetadata!;
    const helper = new DeviceHelper('unused');
    await new Promise<void>((ok, ko) =>
      helper.generateHashDevice(meta.DeviceGroupKey!, meta.DeviceKey!, (e) => (e ? ko(e) : ok())),
    );
    await sdk.send(
      new ConfirmDeviceCommand({
        AccessToken: first.AuthenticationResult!.AccessToken!,
        DeviceKey: meta.DeviceKey!,
        DeviceSecretVerifierConfig: {
          Salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
          PasswordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
        },
      }),
    );
    const device = {
      key: meta.DeviceKey!,
      groupKey: meta.DeviceGroupKey!,
      password: helper.getRandomPassword(),
    };

    async function srp(
      pool: { poolId: string; clientId: string },
      acc: { clientMs: number },
      deviceKey?: string,
    ) {
      // The key pair (g^a) is client work too: made inside the timed client share.
      const js = await client(acc, () => Promise.resolve(srpClient(pool.poolId.split('_')[1])));
      const started = await sdk.send(
        new InitiateAuthCommand({
          ClientId: pool.clientId,
          AuthFlow: 'USER_SRP_AUTH',
          AuthParameters: {
            USERNAME: 'bench',
            SRP_A: await client(acc, () => js.srpA()),
            ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}),
          },
        }),
      );
      const responses = await client(acc, () => js.respond(started.ChallengeParameters!, PASSWORD));
      return sdk.send(
        new RespondToAuthChallengeCommand({
          ClientId: pool.clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          ChallengeResponses: { ...responses, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) },
        }),
      );
    }

    const kinds = {
      plain: async (): Promise<Timing> => {
        const acc = { clientMs: 0 };
        const start = process.hrtime.bigint();
        const done = await srp(plainPool, acc);
        if (!done.AuthenticationResult) throw new Error('plain SRP sign-in gave no tokens');
        return { totalMs: Number(process.hrtime.bigint() - start) / 1e6, clientMs: acc.clientMs };
      },
      device: async (): Promise<Timing> => {
        const acc = { clientMs: 0 };
        const start = process.hrtime.bigint();
        const challenged = await srp(devicePool, acc, device.key);
        if (challenged.ChallengeName !== 'DEVICE_SRP_AUTH') throw new Error('no DEVICE_SRP_AUTH');
        const js = await client(acc, () => Promise.resolve(srpClient(device.groupKey)));
        const verifier = await sdk.send(
          new RespondToAuthChallengeCommand({
            ClientId: devicePool.clientId,
            ChallengeName: 'DEVICE_SRP_AUTH',
            Session: challenged.Session,
            ChallengeResponses: {
              USERNAME: 'bench',
              DEVICE_KEY: device.key,
              SRP_A: await client(acc, () => js.srpA()),
            },
          }),
        );
        const proof = await client(acc, () =>
          js.respond({ ...verifier.ChallengeParameters!, USER_ID_FOR_SRP: device.key }, device.password),
        );
        const done = await sdk.send(
          new RespondToAuthChallengeCommand({
            ClientId: devicePool.clientId,
            ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
            Session: verifier.Session,
            ChallengeResponses: { ...proof, USERNAME: 'bench', DEVICE_KEY: device.key },
          }),
        );
        if (!done.AuthenticationResult) throw new Error('device sign-in gave no tokens');
        return { totalMs: Number(process.hrtime.bigint() - start) / 1e6, clientMs: acc.clientMs };
      },
    };

    const samples: Record<keyof typeof kinds, Timing[]> = { plain: [], device: [] };
    log(
      `${WARMUP} warm-up rounds, then ${rounds} rounds of each kind, interleaved; ${clientMath} client SRP`,
    );
    for (let i = 0; i < WARMUP + rounds; i++) {
      const order: (keyof typeof kinds)[] = Math.random() < 0.5 ? ['plain', 'device'] : ['device', 'plain'];
      for (const kind of order) {
        const t = await kinds[kind]();
        if (i >= WARMUP) samples[kind].push(t);
      }
    }
    const results: RememberedDeviceResult[] = (
      [
        ['plain', 'USER_SRP_AUTH, no device tracking', 2],
        ['device', 'USER_SRP_AUTH + remembered device (DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER)', 4],
      ] as const
    ).map(([key, kind, requests]) => {
      const total = samples[key].map((t) => t.totalMs);
      const server = samples[key].map((t) => t.totalMs - t.clientMs);
      return {
        kind,
        requests,
        medianTotalMs: quantile(total, 0.5),
        p95TotalMs: quantile(total, 0.95),
        medianServerMs: quantile(server, 0.5),
        p95ServerMs: quantile(server, 0.95),
      };
    });
    const machine = machineDescription();
    const fmt = (n: number) => n.toFixed(1);
    console.log(
      [
        `remembered-device sign-in, embedded mode, one at a time, ${rounds} rounds each, ${clientMath} client SRP`,
        'sign-in | requests | median ms | p95 ms | median ms without client SRP | p95 ms without client SRP',
        ...results.map((r) =>
          [
            r.kind,
            r.requests,
            fmt(r.medianTotalMs),
            fmt(r.p95TotalMs),
            fmt(r.medianServerMs),
            fmt(r.p95ServerMs),
          ].join(' | '),
        ),
        `machine: ${machine.cores} cores, ${machine.cpuModel}, ${machine.memoryGiB} GiB; ${new Date().toISOString()}`,
      ].join('\n'),
    );
    const jsonPath = args.get('json');
    if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ rounds, clientMath, machine, results }, null, 2));
    return results;
  } finally {
    await bench.stop(args.has('keep'));
  }
}
