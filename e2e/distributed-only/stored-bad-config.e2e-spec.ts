import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Client } from 'pg';
import { expectAwsError } from '../../libs/testing/src/aws-errors';
import { eventually } from '../../libs/testing/src/eventually';
import { cognitoAdmin, cognitoPublic, e2eSystem } from '../support/e2e-context';

/**
 * Configuration earlier versions stored without type checks, written straight into PostgreSQL: the
 * pool must not accept every password, and its users must still be created and sign in (those
 * values made every AdminCreateUser and sign-in a 500).
 */
describe('pools and clients stored with bad values by earlier versions', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let db: Client;
  let poolId: string;
  let clientId: string;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    // As the user directory's own role: it owns the rows an earlier version wrote.
    db = new Client({ connectionString: system.commonEnv.IDFED_USER_DIRECTORY_DATABASE_URL });
    await db.connect();
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: 'stored-bad',
        Policies: { PasswordPolicy: { MinimumLength: 6 } },
      }),
    );
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'stored-bad',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
    await db.query(
      `UPDATE user_directory.user_pools
          SET config = jsonb_set(jsonb_set(config, '{passwordPolicy,MinimumLength}', '"x"'),
                                 '{passwordPolicy,TemporaryPasswordValidityDays}', '"soon"')
        WHERE id = $1`,
      [poolId],
    );
    await db.query(
      `UPDATE user_directory.app_clients SET config = jsonb_set(config, '{units,AccessToken}', '"weeks"') WHERE id = $1`,
      [clientId],
    );
  });
  afterAll(async () => {
    admin.destroy();
    app.destroy();
    await db.end();
  });

  it('does not accept every password once MinimumLength is unreadable', async () => {
    // Pools are cached for a few seconds: wait until the stored values are the ones read. Read back
    // as the default of 8, a 7-character password is refused, as it would be by AWS's default.
    let attempt = 0;
    await eventually(
      () =>
        expectAwsError(
          admin.send(
            new AdminCreateUserCommand({
              UserPoolId: poolId,
              Username: `seven-${++attempt}`,
              TemporaryPassword: 'Aa1!aaa',
              MessageAction: 'SUPPRESS',
            }),
          ),
          'InvalidPasswordException',
        ),
      { timeoutMs: 20_000, intervalMs: 500 },
    );
  });

  it('still creates users and signs them in', async () => {
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: 'survivor',
        TemporaryPassword: 'Temporary-1!x',
        MessageAction: 'SUPPRESS',
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'survivor',
        Password: 'Permanent-1!x',
        Permanent: true,
      }),
    );
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'survivor', PASSWORD: 'Permanent-1!x' },
      }),
    );
    // The unreadable unit falls back to hours: the access token lives one hour.
    expect(AuthenticationResult?.ExpiresIn).toBe(3600);
  });
});
