import {
  AdminConfirmSignUpCommand,
  AdminForgetDeviceCommand,
  AdminGetDeviceCommand,
  AdminListDevicesCommand,
  AdminUpdateDeviceStatusCommand,
  AssociateSoftwareTokenCommand,
  AuthenticationResultType,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  ForgetDeviceCommand,
  GetDeviceCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  UpdateDeviceStatusCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import * as cognito from 'amazon-cognito-identity-js';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
  ICognitoStorage,
} from 'amazon-cognito-identity-js';
import { Secret, TOTP } from 'otpauth';
import { CognitoJsSrpClient } from '../apps/user-directory/test/support/cognito-js-srp-client';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/** The device half of amazon-cognito-identity-js's AuthenticationHelper its types leave out. */
interface DeviceHashHelper {
  generateHashDevice(groupKey: string, deviceKey: string, cb: (err: Error | null) => void): void;
  getSaltDevices(): string;
  getVerifierDevices(): string;
  getRandomPassword(): string;
}
const DeviceHelper = (cognito as unknown as { AuthenticationHelper: new (name: string) => DeviceHashHelper })
  .AuthenticationHelper;

/** One browser's localStorage: what amazon-cognito-identity-js keeps a device's key and password in. */
class DeviceStorage implements ICognitoStorage {
  private readonly items = new Map<string, string>();
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}

/** A device as a client keeps it after ConfirmDevice. */
interface Device {
  key: string;
  groupKey: string;
  password: string;
}

const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

/**
 * Remembered devices (issue 11 section 2, ADR 0028) as apps use them: amazon-cognito-identity-js
 * unchanged (ConfirmDevice after the MFA sign-in, setDeviceStatusRemembered, the next sign-in
 * skipping MFA through DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER, getDevice, listDevices,
 * forgetDevice), the AWS SDK for the Admin operations and the raw challenges; and the attacks:
 * another user's or another pool's device key, made-up keys, forged and replayed device proofs,
 * a forgotten device's key and tokens, guessing until the lockout.
 */
describe('remembered devices', () => {
  const system = e2eSystem();
  const password = 'Corr3ct-Horse!';
  const stamp = Date.now();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  interface Pool {
    poolId: string;
    clientId: string;
  }

  const totp = (secret: string, steps = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

  async function devicePool(
    name: string,
    DeviceConfiguration = { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
  ): Promise<Pool> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `${name}-${stamp}`, DeviceConfiguration }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId, clientId: UserPoolClient!.ClientId! };
  }

  async function confirmedUser(pool: Pool, username: string): Promise<void> {
    await app.send(new SignUpCommand({ ClientId: pool.clientId, Username: username, Password: password }));
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.poolId, Username: username }));
  }

  /** A user with a software token on, verified with the code of one step ago: returns the secret. */
  async function totpUser(pool: Pool, username: string): Promise<string> {
    await confirmedUser(pool, username);
    const { AuthenticationResult } = await passwordAuth(pool, username);
    const AccessToken = AuthenticationResult!.AccessToken!;
    const { SecretCode } = await app.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await app.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode!, -1) }));
    await app.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    return SecretCode!;
  }

  const passwordAuth = (pool: Pool, username: string, extra: Record<string, string> = {}) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password, ...extra },
      }),
    );

  /** What a client does with NewDeviceMetadata: the verifier of a random password, confirmed. */
  async function confirm(result: AuthenticationResultType, DeviceName = 'laptop'): Promise<Device> {
    const { DeviceKey, DeviceGroupKey } = result.NewDeviceMetadata!;
    const helper = new DeviceHelper('unused');
    await new Promise<void>((resolve, reject) =>
      helper.generateHashDevice(DeviceGroupKey!, DeviceKey!, (err) => (err ? reject(err) : resolve())),
    );
    const confirmed = await app.send(
      new ConfirmDeviceCommand({
        AccessToken: result.AccessToken!,
        DeviceKey: DeviceKey!,
        DeviceName,
        DeviceSecretVerifierConfig: {
          Salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
          PasswordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
        },
      }),
    );
    expect(confirmed.UserConfirmationNecessary).toBe(true);
    return { key: DeviceKey!, groupKey: DeviceGroupKey!, password: helper.getRandomPassword() };
  }

  /** A user without MFA who signed in and confirmed the device, remembered. */
  async function rememberedDevice(
    pool: Pool,
    username: string,
  ): Promise<{ device: Device; signedIn: AuthenticationResultType }> {
    const { AuthenticationResult } = await passwordAuth(pool, username);
    const device = await confirm(AuthenticationResult!);
    await app.send(
      new UpdateDeviceStatusCommand({
        AccessToken: AuthenticationResult!.AccessToken!,
        DeviceKey: device.key,
        DeviceRememberedStatus: 'remembered',
      }),
    );
    return { device, signedIn: AuthenticationResult! };
  }

  /** The password, then DEVICE_SRP_AUTH: the DEVICE_PASSWORD_VERIFIER challenge and its client. */
  async function deviceChallenge(pool: Pool, username: string, device: Device) {
    const started = await passwordAuth(pool, username, { DEVICE_KEY: device.key });
    expect(started.ChallengeName).toBe('DEVICE_SRP_AUTH');
    const js = new CognitoJsSrpClient(device.groupKey);
    const verifier = await app.send(
      new RespondToAuthChallengeCommand({
        ClientId: pool.clientId,
        ChallengeName: 'DEVICE_SRP_AUTH',
        Session: started.Session,
        ChallengeResponses: { USERNAME: username, DEVICE_KEY: device.key, SRP_A: await js.srpA() },
      }),
    );
    expect(verifier.ChallengeName).toBe('DEVICE_PASSWORD_VERIFIER');
    return { js, verifier, started };
  }

  async function deviceProof(
    js: CognitoJsSrpClient,
    params: Record<string, string>,
    username: string,
    device: Device,
    devicePassword = device.password,
  ): Promise<Record<string, string>> {
    const proof = await js.respond({ ...params, USER_ID_FOR_SRP: device.key }, devicePassword);
    return { ...proof, USERNAME: username, DEVICE_KEY: device.key };
  }

  const answerProof = (pool: Pool, Session: string | undefined, ChallengeResponses: Record<string, string>) =>
    app.send(
      new RespondToAuthChallengeCommand({
        ClientId: pool.clientId,
        ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
        Session,
        ChallengeResponses,
      }),
    );

  async function deviceSignIn(
    pool: Pool,
    username: string,
    device: Device,
  ): Promise<AuthenticationResultType> {
    const { js, verifier } = await deviceChallenge(pool, username, device);
    const done = await answerProof(
      pool,
      verifier.Session,
      await deviceProof(js, verifier.ChallengeParameters!, username, device),
    );
    return done.AuthenticationResult!;
  }

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  it("stores the pool's DeviceConfiguration and shows it in DescribeUserPool", async () => {
    const pool = await devicePool('dev-config', {
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: false,
    });
    const { UserPool } = await admin.send(new DescribeUserPoolCommand({ UserPoolId: pool.poolId }));
    expect(UserPool!.DeviceConfiguration).toEqual({
      ChallengeRequiredOnNewDevice: true,
      DeviceOnlyRememberedOnUserPrompt: false,
    });
    const { UserPool: plain } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `dev-none-${stamp}` }),
    );
    pools.push(plain!.Id!);
    expect(plain!.DeviceConfiguration).toBeUndefined();
  });

  it('hands out NewDeviceMetadata and the device_key claim only in a pool that tracks devices', async () => {
    const pool = await devicePool('dev-meta');
    await confirmedUser(pool, 'amy');
    const { AuthenticationResult } = await passwordAuth(pool, 'amy');
    const meta = AuthenticationResult!.NewDeviceMetadata!;
    expect(meta.DeviceKey).toMatch(new RegExp(`^${pool.poolId.split('_')[0]}_[0-9a-f-]{36}$`));
    expect(meta.DeviceGroupKey).toEqual(expect.any(String));
    expect(claimsOf(AuthenticationResult!.AccessToken!).device_key).toBe(meta.DeviceKey);

    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `dev-untracked-${stamp}` }));
    pools.push(UserPool!.Id!);
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const untracked = { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
    await confirmedUser(untracked, 'amy');
    const plain = await passwordAuth(untracked, 'amy', { DEVICE_KEY: meta.DeviceKey! });
    expect(plain.AuthenticationResult!.NewDeviceMetadata).toBeUndefined();
    expect(claimsOf(plain.AuthenticationResult!.AccessToken!).device_key).toBeUndefined();
  });

  describe('amazon-cognito-identity-js', () => {
    function jsUser(pool: Pool, username: string, storage: DeviceStorage): CognitoUser {
      const userPool = new CognitoUserPool({
        UserPoolId: pool.poolId,
        ClientId: pool.clientId,
        endpoint: system.endpoint,
        Storage: storage,
      });
      return new CognitoUser({ Username: username, Pool: userPool, Storage: storage });
    }

    /** SRP sign-in; `code` answers SOFTWARE_TOKEN_MFA, and its absence means none may be asked. */
    function signIn(
      user: CognitoUser,
      username: string,
      code?: () => string,
    ): Promise<{ session: CognitoUserSession; confirmationNecessary?: boolean }> {
      return new Promise((resolve, reject) => {
        const callbacks = {
          onSuccess: (session: CognitoUserSession, confirmationNecessary?: boolean) =>
            resolve({ session, confirmationNecessary }),
          onFailure: reject,
          totpRequired: () => {
            if (!code) return reject(new Error('asked for MFA'));
            user.sendMFACode(code(), callbacks, 'SOFTWARE_TOKEN_MFA');
          },
        };
        user.authenticateUser(
          new AuthenticationDetails({ Username: username, Password: password }),
          callbacks,
        );
      });
    }

    const call = <T>(fn: (cb: (err: Error | undefined, result?: T) => void) => void): Promise<T> =>
      new Promise((resolve, reject) => fn((err, result) => (err ? reject(err) : resolve(result as T))));

    it('remembers a device after MFA and skips MFA on it next time; getDevice, listDevices, forgetDevice', async () => {
      const pool = await devicePool('dev-js');
      const secret = await totpUser(pool, 'bea');
      const storage = new DeviceStorage();

      const first = jsUser(pool, 'bea', storage);
      const { session, confirmationNecessary } = await signIn(first, 'bea', () => totp(secret));
      // DeviceOnlyRememberedOnUserPrompt: the app asks the user, then remembers the device.
      expect(confirmationNecessary).toBe(true);
      await new Promise((resolve, reject) =>
        first.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }),
      );
      first.getCachedDeviceKeyAndPassword();
      const deviceKey = (first as unknown as { deviceKey: string }).deviceKey;
      expect(deviceKey).toMatch(/^[\w-]+_[0-9a-f-]+$/);
      expect(session.getAccessToken().decodePayload().device_key).toBe(deviceKey);

      // The next sign-in from this browser proves the device instead of asking for a code.
      const second = jsUser(pool, 'bea', storage);
      const again = await signIn(second, 'bea');
      expect(again.session.isValid()).toBe(true);
      expect(again.session.getAccessToken().decodePayload().device_key).toBe(deviceKey);

      const got = await new Promise<{
        Device: { DeviceKey: string; DeviceAttributes: { Name: string; Value: string }[] };
      }>((resolve, reject) =>
        second.getDevice({ onSuccess: resolve as (r: unknown) => void, onFailure: reject }),
      );
      expect(got.Device.DeviceKey).toBe(deviceKey);
      expect(got.Device.DeviceAttributes).toEqual(
        expect.arrayContaining([
          { Name: 'device_status', Value: 'valid' },
          { Name: 'dev:device_remembered_status', Value: 'remembered' },
        ]),
      );
      const listed = await new Promise<{ Devices: { DeviceKey: string }[] }>((resolve, reject) =>
        second.listDevices(10, null, { onSuccess: resolve as (r: unknown) => void, onFailure: reject }),
      );
      expect(listed.Devices.map((d) => d.DeviceKey)).toEqual([deviceKey]);

      // Refreshing from the device (the library sends its DEVICE_KEY) keeps the device claim.
      const refreshed = await call<CognitoUserSession>((cb) =>
        second.refreshSession(again.session.getRefreshToken(), cb as never),
      );
      expect(refreshed.getAccessToken().decodePayload().device_key).toBe(deviceKey);

      await new Promise((resolve, reject) => second.forgetDevice({ onSuccess: resolve, onFailure: reject }));
      // Forgotten: the sessions issued to it ended, and the next sign-in is a new device with MFA.
      await expectAwsError(
        app.send(new GetUserCommand({ AccessToken: again.session.getAccessToken().getJwtToken() })),
        'NotAuthorizedException',
      );
      const third = jsUser(pool, 'bea', storage);
      const mfaAgain = await signIn(third, 'bea', () => totp(secret, 1));
      expect(mfaAgain.confirmationNecessary).toBe(true);
      expect(mfaAgain.session.getAccessToken().decodePayload().device_key).not.toBe(deviceKey);
    });

    it('signs in again from a browser whose remembered device an administrator forgot (DEVICE_KEY: null)', async () => {
      const pool = await devicePool('dev-js-forgotten');
      const secret = await totpUser(pool, 'ida');
      const storage = new DeviceStorage();
      const first = jsUser(pool, 'ida', storage);
      await signIn(first, 'ida', () => totp(secret));
      await new Promise((resolve, reject) =>
        first.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }),
      );
      first.getCachedDeviceKeyAndPassword();
      const deviceKey = (first as unknown as { deviceKey: string }).deviceKey;
      await admin.send(
        new AdminForgetDeviceCommand({ UserPoolId: pool.poolId, Username: 'ida', DeviceKey: deviceKey }),
      );
      // The library still holds the key: told "Device does not exist.", it answers again with
      // DEVICE_KEY: null, which Cognito takes as no device; MFA is asked again, a new device follows.
      const again = await signIn(jsUser(pool, 'ida', storage), 'ida', () => totp(secret, 1));
      expect(again.confirmationNecessary).toBe(true);
      expect(again.session.getAccessToken().decodePayload().device_key).not.toBe(deviceKey);
    });
  });

  describe('the device operations', () => {
    it('lists, gets, updates and forgets devices with the access token and as an administrator', async () => {
      const pool = await devicePool('dev-ops');
      await confirmedUser(pool, 'cal');
      const one = await rememberedDevice(pool, 'cal');
      const two = await rememberedDevice(pool, 'cal');
      const AccessToken = two.signedIn.AccessToken!;

      const page1 = await app.send(new ListDevicesCommand({ AccessToken, Limit: 1 }));
      expect(page1.Devices!.map((d) => d.DeviceKey)).toEqual([one.device.key]);
      const page2 = await app.send(
        new ListDevicesCommand({ AccessToken, Limit: 1, PaginationToken: page1.PaginationToken }),
      );
      expect(page2.Devices!.map((d) => d.DeviceKey)).toEqual([two.device.key]);
      expect(page2.PaginationToken).toBeUndefined();
      const adminList = await admin.send(
        new AdminListDevicesCommand({ UserPoolId: pool.poolId, Username: 'cal' }),
      );
      expect(adminList.Devices!.map((d) => d.DeviceKey)).toEqual([one.device.key, two.device.key]);
      const { Device } = await admin.send(
        new AdminGetDeviceCommand({ UserPoolId: pool.poolId, Username: 'cal', DeviceKey: one.device.key }),
      );
      expect(Device!.DeviceAttributes).toEqual(
        expect.arrayContaining([{ Name: 'device_name', Value: 'laptop' }]),
      );
      expect(Device!.DeviceCreateDate).toBeInstanceOf(Date);
      expect(Device!.DeviceLastModifiedDate).toBeInstanceOf(Date);

      // A device no longer remembered is asked for MFA again (here: none, so tokens bound to it).
      await admin.send(
        new AdminUpdateDeviceStatusCommand({
          UserPoolId: pool.poolId,
          Username: 'cal',
          DeviceKey: one.device.key,
          DeviceRememberedStatus: 'not_remembered',
        }),
      );
      const notRemembered = await passwordAuth(pool, 'cal', { DEVICE_KEY: one.device.key });
      expect(notRemembered.ChallengeName).toBeUndefined();
      expect(claimsOf(notRemembered.AuthenticationResult!.AccessToken!).device_key).toBe(one.device.key);
      expect(notRemembered.AuthenticationResult!.NewDeviceMetadata).toBeUndefined();

      await admin.send(
        new AdminForgetDeviceCommand({ UserPoolId: pool.poolId, Username: 'cal', DeviceKey: one.device.key }),
      );
      await expectAwsError(
        admin.send(
          new AdminGetDeviceCommand({ UserPoolId: pool.poolId, Username: 'cal', DeviceKey: one.device.key }),
        ),
        'ResourceNotFoundException',
        'Device does not exist.',
      );
      await app.send(new ForgetDeviceCommand({ AccessToken, DeviceKey: two.device.key }));
      await expectAwsError(
        app.send(new GetDeviceCommand({ AccessToken: one.signedIn.AccessToken!, DeviceKey: two.device.key })),
        'NotAuthorizedException',
      );
      expect(
        (await admin.send(new AdminListDevicesCommand({ UserPoolId: pool.poolId, Username: 'cal' }))).Devices,
      ).toEqual([]);
    });

    it('refuses bad input with InvalidParameterException and unknown users with UserNotFoundException', async () => {
      const pool = await devicePool('dev-bad');
      await confirmedUser(pool, 'dan');
      const { signedIn } = await rememberedDevice(pool, 'dan');
      await expectAwsError(
        app.send(new ListDevicesCommand({ AccessToken: signedIn.AccessToken!, PaginationToken: 'forged' })),
        'InvalidParameterException',
      );
      await expectAwsError(
        admin.send(new AdminListDevicesCommand({ UserPoolId: pool.poolId, Username: 'nobody' })),
        'UserNotFoundException',
      );
      const fresh = (await passwordAuth(pool, 'dan')).AuthenticationResult!;
      await expectAwsError(
        app.send(
          new ConfirmDeviceCommand({
            AccessToken: fresh.AccessToken!,
            DeviceKey: fresh.NewDeviceMetadata!.DeviceKey!,
            DeviceSecretVerifierConfig: { Salt: 'AAAA', PasswordVerifier: '' },
          }),
        ),
        'InvalidParameterException',
      );
      expect(
        (await admin.send(new AdminListDevicesCommand({ UserPoolId: pool.poolId, Username: 'dan' }))).Devices,
      ).toHaveLength(1);
    });
  });

  describe('attacks', () => {
    it("answers another user's, another pool's and made-up device keys alike: the device does not exist", async () => {
      const pool = await devicePool('dev-others');
      const otherPool = await devicePool('dev-others-2');
      await confirmedUser(pool, 'eve');
      await confirmedUser(pool, 'fin');
      await confirmedUser(otherPool, 'eve');
      const { device, signedIn } = await rememberedDevice(pool, 'eve');
      const finToken = (await passwordAuth(pool, 'fin')).AuthenticationResult!.AccessToken!;
      const madeUp = `${pool.poolId.split('_')[0]}_00000000-0000-4000-8000-000000000000`;

      for (const key of [device.key, madeUp]) {
        await expectAwsError(
          passwordAuth(pool, 'fin', { DEVICE_KEY: key }),
          'ResourceNotFoundException',
          'Device does not exist.',
        );
        await expectAwsError(
          app.send(new GetDeviceCommand({ AccessToken: finToken, DeviceKey: key })),
          'ResourceNotFoundException',
          'Device does not exist.',
        );
        await expectAwsError(
          app.send(
            new UpdateDeviceStatusCommand({
              AccessToken: finToken,
              DeviceKey: key,
              DeviceRememberedStatus: 'not_remembered',
            }),
          ),
          'ResourceNotFoundException',
        );
        await expectAwsError(
          app.send(new ForgetDeviceCommand({ AccessToken: finToken, DeviceKey: key })),
          'ResourceNotFoundException',
        );
        await expectAwsError(
          admin.send(new AdminGetDeviceCommand({ UserPoolId: pool.poolId, Username: 'fin', DeviceKey: key })),
          'ResourceNotFoundException',
        );
      }
      // Same name, another pool: no device of that user either.
      await expectAwsError(
        passwordAuth(otherPool, 'eve', { DEVICE_KEY: device.key }),
        'ResourceNotFoundException',
      );
      await expectAwsError(
        admin.send(
          new AdminGetDeviceCommand({ UserPoolId: otherPool.poolId, Username: 'eve', DeviceKey: device.key }),
        ),
        'ResourceNotFoundException',
      );
      // A new device's key confirmed with another user's access token.
      const evesNew = (await passwordAuth(pool, 'eve')).AuthenticationResult!;
      await expectAwsError(
        app.send(
          new ConfirmDeviceCommand({
            AccessToken: finToken,
            DeviceKey: evesNew.NewDeviceMetadata!.DeviceKey!,
            DeviceSecretVerifierConfig: { Salt: 'AAAA', PasswordVerifier: 'AAAA' },
          }),
        ),
        'ResourceNotFoundException',
      );
      // Eve's device is untouched by all of it.
      const { Device } = await app.send(
        new GetDeviceCommand({ AccessToken: signedIn.AccessToken!, DeviceKey: device.key }),
      );
      expect(Device!.DeviceAttributes).toEqual(
        expect.arrayContaining([{ Name: 'dev:device_remembered_status', Value: 'remembered' }]),
      );
    });

    it('refuses a forged device proof, a replayed one, and a session re-targeted to another user', async () => {
      const pool = await devicePool('dev-forged');
      await confirmedUser(pool, 'gil');
      await confirmedUser(pool, 'hen');
      const { device } = await rememberedDevice(pool, 'gil');

      const { js, verifier } = await deviceChallenge(pool, 'gil', device);
      await expectAwsError(
        answerProof(
          pool,
          verifier.Session,
          await deviceProof(js, verifier.ChallengeParameters!, 'gil', device, 'not-the-password'),
        ),
        'NotAuthorizedException',
        'Incorrect username or password.',
      );
      const next = await deviceChallenge(pool, 'gil', device);
      const right = await deviceProof(next.js, next.verifier.ChallengeParameters!, 'gil', device);
      await expectAwsError(
        answerProof(pool, next.verifier.Session, { ...right, USERNAME: 'hen' }),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
      const done = await answerProof(pool, next.verifier.Session, right);
      expect(claimsOf(done.AuthenticationResult!.AccessToken!).device_key).toBe(device.key);
      await expectAwsError(
        answerProof(pool, next.verifier.Session, right),
        'NotAuthorizedException',
        'Invalid session for the user, session can only be used once.',
      );
      // DEVICE_SRP_AUTH's session names gil and his device: hen cannot take it over.
      const started = await passwordAuth(pool, 'gil', { DEVICE_KEY: device.key });
      await expectAwsError(
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: pool.clientId,
            ChallengeName: 'DEVICE_SRP_AUTH',
            Session: started.Session,
            ChallengeResponses: { USERNAME: 'hen', DEVICE_KEY: device.key, SRP_A: await next.js.srpA() },
          }),
        ),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
    });

    it('counts wrong device proofs on the lockout: after five, even the right proof is refused', async () => {
      const pool = await devicePool('dev-guess');
      await confirmedUser(pool, 'ivy');
      const { device } = await rememberedDevice(pool, 'ivy');
      for (let n = 1; n <= 5; n++) {
        const { js, verifier } = await deviceChallenge(pool, 'ivy', device);
        await expectAwsError(
          answerProof(
            pool,
            verifier.Session,
            await deviceProof(js, verifier.ChallengeParameters!, 'ivy', device, `guess-${n}`),
          ),
          'NotAuthorizedException',
          'Incorrect username or password.',
        );
      }
      const { js, verifier } = await deviceChallenge(pool, 'ivy', device);
      await expectAwsError(
        answerProof(
          pool,
          verifier.Session,
          await deviceProof(js, verifier.ChallengeParameters!, 'ivy', device),
        ),
        'NotAuthorizedException',
        'Password attempts exceeded',
      );
    });

    it("ends a forgotten device's sessions and refuses its key; refresh needs the device's own key", async () => {
      const pool = await devicePool('dev-forgotten');
      await confirmedUser(pool, 'jay');
      const { device } = await rememberedDevice(pool, 'jay');
      const viaDevice = await deviceSignIn(pool, 'jay', device);
      const refresh = (DEVICE_KEY?: string) =>
        app.send(
          new InitiateAuthCommand({
            ClientId: pool.clientId,
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            AuthParameters: { REFRESH_TOKEN: viaDevice.RefreshToken!, ...(DEVICE_KEY ? { DEVICE_KEY } : {}) },
          }),
        );
      expect(claimsOf((await refresh(device.key)).AuthenticationResult!.AccessToken!).device_key).toBe(
        device.key,
      );
      await expectAwsError(refresh(), 'NotAuthorizedException', 'Invalid Refresh Token');
      await expectAwsError(
        refresh(`${device.key.slice(0, -1)}${device.key.endsWith('0') ? '1' : '0'}`),
        'NotAuthorizedException',
        'Invalid Refresh Token',
      );

      // GlobalSignOut ends the sessions, not the device: it still signs in without MFA.
      await app.send(new GlobalSignOutCommand({ AccessToken: viaDevice.AccessToken! }));
      await expectAwsError(refresh(device.key), 'NotAuthorizedException');
      const after = await deviceSignIn(pool, 'jay', device);

      await admin.send(
        new AdminForgetDeviceCommand({ UserPoolId: pool.poolId, Username: 'jay', DeviceKey: device.key }),
      );
      await expectAwsError(
        app.send(new GetUserCommand({ AccessToken: after.AccessToken! })),
        'NotAuthorizedException',
        'Access Token has been revoked',
      );
      await expectAwsError(
        app.send(
          new InitiateAuthCommand({
            ClientId: pool.clientId,
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            AuthParameters: { REFRESH_TOKEN: after.RefreshToken!, DEVICE_KEY: device.key },
          }),
        ),
        'NotAuthorizedException',
        'Refresh Token has been revoked',
      );
      await expectAwsError(
        passwordAuth(pool, 'jay', { DEVICE_KEY: device.key }),
        'ResourceNotFoundException',
        'Device does not exist.',
      );
    });
  });
});
