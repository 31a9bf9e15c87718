import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
  ICognitoStorage,
} from 'amazon-cognito-identity-js';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;

interface Recorded {
  event: Record<string, unknown> & {
    triggerSource: string;
    userPoolId: string;
    request: Record<string, unknown>;
  };
}

/** One browser's localStorage: where amazon-cognito-identity-js keeps the device's key and password. */
class MemoryStorage implements ICognitoStorage {
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

/**
 * PreTokenGeneration after a sign-in from a remembered device (issue 11): amazon-cognito-identity-js
 * unchanged signs in by SRP, confirms and remembers its device, then signs in again from it
 * (DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER). The trigger stand-in
 * (libs/testing/src/user-pool-trigger-standin.ts, `/gate`) records `TokenGeneration_Authentication`
 * for the first tokens and `TokenGeneration_AuthenticateDevice` for the device's, and the claims it
 * answers (`tier`, the `vip` group, `email` suppressed) are in the device's tokens.
 */
describe('PreTokenGeneration from a remembered device', () => {
  const system = e2eSystem();
  const stamp = Date.now();
  const password = 'Corr3ct-Horse!';
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const fn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  async function calls(userName: string): Promise<Recorded[]> {
    const res = await fetch(
      `${system.userPoolTriggerStandin}/calls?userName=${encodeURIComponent(userName)}`,
    );
    return ((await res.json()) as { accepted: Recorded[] }).accepted;
  }

  function signIn(userPool: CognitoUserPool, username: string, storage: ICognitoStorage) {
    const user = new CognitoUser({ Username: username, Pool: userPool, Storage: storage });
    return new Promise<{ user: CognitoUser; session: CognitoUserSession; confirmationNecessary?: boolean }>(
      (resolve, reject) =>
        user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
          onSuccess: (session: CognitoUserSession, confirmationNecessary?: boolean) =>
            resolve({ user, session, confirmationNecessary }),
          onFailure: reject,
        }),
    );
  }

  it('calls TokenGeneration_AuthenticateDevice for a DEVICE_SRP_AUTH sign-in, and its claims reach the tokens', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `device-token-${stamp}`,
        LambdaConfig: { PreTokenGeneration: fn('gate') },
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
      }),
    );
    const UserPoolId = UserPool!.Id!;
    pools.push(UserPoolId);
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const ClientId = UserPoolClient!.ClientId!;
    const username = `dev-${stamp}`;
    await app.send(
      new SignUpCommand({
        ClientId,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId, Username: username }));

    const storage = new MemoryStorage();
    const userPool = new CognitoUserPool({
      UserPoolId,
      ClientId,
      endpoint: system.endpoint,
      Storage: storage,
    });
    const first = await signIn(userPool, username, storage);
    expect(first.confirmationNecessary).toBe(true);
    await new Promise((resolve, reject) =>
      first.user.setDeviceStatusRemembered({ onSuccess: resolve, onFailure: reject }),
    );
    first.user.getCachedDeviceKeyAndPassword();
    const deviceKey = (first.user as unknown as { deviceKey: string }).deviceKey;
    expect(deviceKey).toMatch(/^[\w-]+_[0-9a-f-]+$/);

    const second = await signIn(userPool, username, storage);
    const id = claimsOf(second.session.getIdToken().getJwtToken());
    const access = claimsOf(second.session.getAccessToken().getJwtToken());
    expect(access.device_key).toBe(deviceKey);
    expect(id).toMatchObject({ tier: 'gold', 'cognito:username': username, 'cognito:groups': ['vip'] });
    expect(id).not.toHaveProperty('email');

    const events = (await calls(username)).filter((c) => c.event.userPoolId === UserPoolId);
    expect(events.map((c) => c.event.triggerSource)).toEqual([
      'TokenGeneration_Authentication',
      'TokenGeneration_AuthenticateDevice',
    ]);
    expect(events[1].event).toMatchObject({
      version: '1',
      callerContext: { clientId: ClientId },
      request: { userAttributes: expect.objectContaining({ email: `${username}@example.com` }) },
    });
  });
});
