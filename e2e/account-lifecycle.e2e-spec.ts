import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolCommandInput,
  DeleteUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { Client } from 'pg';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { databaseUrlOf } from './support/secret-scan';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const DAY_MS = 86_400_000;

/**
 * Account lifecycle (issue 11, ADR 0062) through the AWS SDK v3 and amazon-cognito-identity-js:
 * how long an administrator-created user's temporary password works.
 *
 * No test waits for days: each moves the user's creation and temporary-password instants back
 * through the database (as the administrator role, the way schema-boundaries and
 * secrets-never-logged reach it), then signs in through the real clients.
 */
describe('account lifecycle', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let db: Client;
  const pools: string[] = [];

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    db = new Client({ connectionString: databaseUrlOf(system) });
    await db.connect();
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    await db.end();
    admin.destroy();
    app.destroy();
  });

  async function newPool(
    settings: Omit<CreateUserPoolCommandInput, 'PoolName'>,
  ): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'lifecycle', ...settings }));
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId, clientId: UserPoolClient!.ClientId! };
  }

  /** The stored instants of a user, by its sub. */
  async function stored(sub: string): Promise<{ created: Date; expires: Date | null }> {
    const { rows } = await db.query<{ created_at: Date; password_expires_at: Date | null }>(
      'SELECT created_at, password_expires_at FROM user_directory.users WHERE sub = $1',
      [sub],
    );
    return { created: rows[0].created_at, expires: rows[0].password_expires_at };
  }

  /** Moves the user's creation and its temporary password's instants `ms` into the past. */
  async function age(sub: string, ms: number): Promise<void> {
    const { rowCount } = await db.query(
      `UPDATE user_directory.users
          SET created_at = created_at - $2 * interval '1 millisecond',
              updated_at = updated_at - $2 * interval '1 millisecond',
              password_expires_at = password_expires_at - $2 * interval '1 millisecond'
        WHERE sub = $1`,
      [sub, ms],
    );
    expect(rowCount).toBe(1);
  }

  async function invited(
    poolId: string,
    TemporaryPassword: string,
  ): Promise<{ username: string; sub: string }> {
    const username = `invited-${randomUUID().slice(0, 8)}`;
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        TemporaryPassword,
        MessageAction: 'SUPPRESS',
      }),
    );
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    const sub = user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
    return { username, sub };
  }

  const passwordAuth = (clientId: string, USERNAME: string, PASSWORD: string) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );

  /** amazon-cognito-identity-js's SRP sign-in: resolves with the challenge it stopped at, or fails. */
  function srpSignIn(poolId: string, clientId: string, username: string, password: string): Promise<string> {
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: system.endpoint });
    return new Promise((resolve, reject) =>
      new CognitoUser({ Username: username, Pool: pool }).authenticateUser(
        new AuthenticationDetails({ Username: username, Password: password }),
        {
          onSuccess: () => resolve('signed in'),
          onFailure: reject,
          newPasswordRequired: () => resolve('NEW_PASSWORD_REQUIRED'),
        },
      ),
    );
  }

  describe('temporary passwords', () => {
    const temporary = 'Temp-passw0rd!';

    it('last UnusedAccountValidityDays in a pool whose policy sets no TemporaryPasswordValidityDays', async () => {
      const { poolId, clientId } = await newPool({ AdminCreateUserConfig: { UnusedAccountValidityDays: 3 } });
      const { username, sub } = await invited(poolId, temporary);
      const at = await stored(sub);
      expect(at.expires!.getTime() - at.created.getTime()).toBe(3 * DAY_MS);

      // A minute before the third day ends, the temporary password still leads to a new password.
      await age(sub, 3 * DAY_MS - 60_000);
      expect((await passwordAuth(clientId, username, temporary)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

      await age(sub, 60_000);
      await expectAwsError(passwordAuth(clientId, username, temporary), 'NotAuthorizedException', {
        message: 'User account has expired, it must be reset by an administrator.',
      });
      await expectAwsError(srpSignIn(poolId, clientId, username, temporary), 'NotAuthorizedException', {
        message: 'User account has expired, it must be reset by an administrator.',
      });
      // A wrong password learns nothing of the account's state.
      await expectAwsError(passwordAuth(clientId, username, 'Wrong-passw0rd!'), 'NotAuthorizedException', {
        message: 'Incorrect username or password.',
      });

      // The administrator's RESEND starts the validity again, with a new temporary password.
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: username,
          TemporaryPassword: 'Again-passw0rd!',
          MessageAction: 'RESEND',
        }),
      );
      expect((await passwordAuth(clientId, username, 'Again-passw0rd!')).ChallengeName).toBe(
        'NEW_PASSWORD_REQUIRED',
      );
      expect(await srpSignIn(poolId, clientId, username, 'Again-passw0rd!')).toBe('NEW_PASSWORD_REQUIRED');
    });

    it('last TemporaryPasswordValidityDays when the policy sets it, over UnusedAccountValidityDays', async () => {
      const { poolId, clientId } = await newPool({
        Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 1 } },
        AdminCreateUserConfig: { UnusedAccountValidityDays: 30 },
      });
      const { username, sub } = await invited(poolId, temporary);
      const at = await stored(sub);
      expect(at.expires!.getTime() - at.created.getTime()).toBe(DAY_MS);

      await age(sub, DAY_MS);
      await expectAwsError(passwordAuth(clientId, username, temporary), 'NotAuthorizedException', {
        message: 'Temporary password has expired and must be reset by an administrator.',
      });
      await expectAwsError(srpSignIn(poolId, clientId, username, temporary), 'NotAuthorizedException', {
        message: 'Temporary password has expired and must be reset by an administrator.',
      });

      // A new temporary password from AdminSetUserPassword works for a day again.
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: username,
          Password: 'Reset-passw0rd!',
          Permanent: false,
        }),
      );
      const again = await stored(sub);
      expect(again.expires!.getTime()).toBeGreaterThan(Date.now() + DAY_MS - 10 * 60_000);
      expect(await srpSignIn(poolId, clientId, username, 'Reset-passw0rd!')).toBe('NEW_PASSWORD_REQUIRED');
    });
  });
});
