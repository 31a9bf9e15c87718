import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { IdfedGrpcClient } from '../../libs/testing/src/grpc/idfed-grpc-client';
import { waitForGrpcServing } from '../../libs/testing/src/grpc/grpc-health';
import { eventually } from '../../libs/testing/src/eventually';
import { cognitoAdmin, cognitoPublic, e2eSystem } from '../support/e2e-context';
import { freePort, startAsManifest, StartedProcess, stopApp } from '../support/processes';
import { createPasswordPool, newSignedInUser, signIn } from '../support/user-pools';

const PASSWORD = 'Replay-Pa55word!';

/**
 * A gRPC gateway replica started after users signed out, were disabled, deleted or had a session
 * revoked must refuse their earlier tokens at once: it reads the revocations of the last day again
 * from Kafka before it answers SERVING. Before, a new
 * replica accepted such tokens until they expired.
 */
describe('a gRPC gateway replica started after revocations', () => {
  const system = e2eSystem();
  const admin = cognitoAdmin(system);
  const app = cognitoPublic(system);
  const key = { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey };
  let extra: StartedProcess | undefined;

  afterAll(async () => {
    if (extra) await stopApp(extra);
  });

  // Starts a gRPC gateway replica of its own (protos, reflection and the revocation list before it
  // answers): 43-61 s in CI runs, where the default 60 s was too tight.
  it('refuses the earlier tokens of signed-out, disabled, deleted and revoked users', async () => {
    const pool = await createPasswordPool(admin, system.endpoint, `replay-${randomBytes(3).toString('hex')}`);
    const names = ['signed-out', 'disabled', 'deleted', 'revoked', 're-enabled', 'untouched'];
    const tokens = Object.fromEntries(
      await Promise.all(
        names.map(async (n) => [n, await newSignedInUser(admin, app, pool, `rp-${n}`, PASSWORD)] as const),
      ),
    );
    const user = (n: string) => ({ UserPoolId: pool.userPoolId, Username: `rp-${n}` });
    await admin.send(new AdminUserGlobalSignOutCommand(user('signed-out')));
    await admin.send(new AdminDisableUserCommand(user('disabled')));
    await admin.send(new AdminDeleteUserCommand(user('deleted')));
    await app.send(new RevokeTokenCommand({ ClientId: pool.clientId, Token: tokens.revoked.RefreshToken! }));
    // Disabled then enabled: the two events travel on different topics, and the later one wins.
    await admin.send(new AdminDisableUserCommand(user('re-enabled')));
    await admin.send(new AdminEnableUserCommand(user('re-enabled')));
    const reEnabled = await signIn(app, pool, 'rp-re-enabled', PASSWORD);

    // The running replicas have heard it all: the events are on Kafka before the new one starts.
    const running = new IdfedGrpcClient(system.grpcGateways[0], key);
    try {
      await eventually(async () => {
        expect((await running.verifyToken({ token: tokens.deleted.AccessToken! })).active).toBe(false);
        expect((await running.verifyToken({ token: tokens.revoked.AccessToken! })).active).toBe(false);
        expect((await running.verifyToken({ token: reEnabled.AccessToken! })).active).toBe(true);
      });
    } finally {
      running.close();
    }

    const grpcPort = await freePort();
    const env = {
      ...system.commonEnv,
      IDFED_PROBE_DIR: join(system.workDir, 'probes', 'grpc-gateway-late'),
      IDFED_GRPC_PORT: String(grpcPort),
      IDFED_METRICS_PORT: String(await freePort()),
    };
    mkdirSync(env.IDFED_PROBE_DIR, { recursive: true });
    extra = startAsManifest('grpc-gateway', 'grpc-gateway-late', env, system.workDir);
    await waitForGrpcServing(`127.0.0.1:${grpcPort}`);

    // Asked once, at once: SERVING means the replay is done, so no waiting here.
    const late = new IdfedGrpcClient(`127.0.0.1:${grpcPort}`, key);
    try {
      const answer = async (n: string) => late.verifyToken({ token: tokens[n].AccessToken! });
      expect(await answer('signed-out')).toMatchObject({
        active: false,
        errorName: 'NotAuthorizedException',
        reason: 'Access Token has been revoked',
      });
      expect(await answer('disabled')).toMatchObject({ active: false, reason: 'User is disabled.' });
      expect(await answer('deleted')).toMatchObject({ active: false, reason: 'User does not exist.' });
      expect(await answer('revoked')).toMatchObject({
        active: false,
        reason: 'Access Token has been revoked',
      });
      // The disable revoked the tokens issued before it, and the enable, replayed after or before
      // it, leaves the user enabled: the old token is revoked, not refused as a disabled user's.
      expect(await answer('re-enabled')).toMatchObject({
        active: false,
        reason: 'Access Token has been revoked',
      });
      expect(await late.verifyToken({ token: reEnabled.AccessToken! })).toMatchObject({ active: true });
      expect(await answer('untouched')).toMatchObject({ active: true });
      const fresh = await newSignedInUser(admin, app, pool, 'rp-after', PASSWORD);
      expect(await late.verifyToken({ token: fresh.AccessToken! })).toMatchObject({ active: true });
    } finally {
      late.close();
    }
  }, 180_000);
});
