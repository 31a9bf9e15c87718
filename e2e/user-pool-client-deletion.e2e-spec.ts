import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createPasswordPool, newSignedInUser, PasswordPool, signIn } from './support/user-pools';

const PASSWORD = 'Delete-Cl1ent!';

/**
 * DeleteUserPoolClient through the AWS SDK (ADR 0064): the client is gone for every operation
 * that names it, its refresh tokens included; the pool's other clients keep working; a forged,
 * anonymous or re-targeted call deletes nothing.
 */
describe('DeleteUserPoolClient', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  async function poolWithUser(): Promise<{ pool: PasswordPool; refreshToken: string }> {
    const pool = await createPasswordPool(
      admin,
      system.endpoint,
      `del-client-${randomBytes(3).toString('hex')}`,
    );
    const tokens = await newSignedInUser(admin, app, pool, 'dana', PASSWORD);
    return { pool, refreshToken: tokens.RefreshToken! };
  }

  async function secondClient(pool: PasswordPool): Promise<PasswordPool> {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.userPoolId,
        ClientName: 'other',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { ...pool, clientId: UserPoolClient!.ClientId! };
  }

  it('removes the client: sign-in, refresh and Describe answer ResourceNotFoundException; the other client works', async () => {
    const { pool, refreshToken } = await poolWithUser();
    const other = await secondClient(pool);
    expect(
      await admin.send(
        new DeleteUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: pool.clientId }),
      ),
    ).toMatchObject({ $metadata: { httpStatusCode: 200 } });

    const gone = `User pool client ${pool.clientId} does not exist.`;
    await expectAwsError(
      admin.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: pool.clientId })),
      'ResourceNotFoundException',
      { status: 400, message: gone },
    );
    await expectAwsError(signIn(app, pool, 'dana', PASSWORD), 'ResourceNotFoundException', { status: 400 });
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: pool.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: refreshToken },
        }),
      ),
      'ResourceNotFoundException',
      { status: 400 },
    );
    const { UserPoolClients } = await admin.send(
      new ListUserPoolClientsCommand({ UserPoolId: pool.userPoolId, MaxResults: 60 }),
    );
    expect(UserPoolClients!.map((c) => c.ClientId)).toEqual([other.clientId]);
    expect((await signIn(app, other, 'dana', PASSWORD)).AccessToken).toBeDefined();
    // Deleting it again finds nothing.
    await expectAwsError(
      admin.send(new DeleteUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: pool.clientId })),
      'ResourceNotFoundException',
      { status: 400, message: gone },
    );
  });

  it('refuses a re-targeted, forged or anonymous delete alike, and the client keeps working', async () => {
    const { pool } = await poolWithUser();
    const elsewhere = await createPasswordPool(
      admin,
      system.endpoint,
      `del-other-${randomBytes(3).toString('hex')}`,
    );
    // Another pool's id with this client: not found, exactly as a client id nobody has.
    await expectAwsError(
      admin.send(
        new DeleteUserPoolClientCommand({ UserPoolId: elsewhere.userPoolId, ClientId: pool.clientId }),
      ),
      'ResourceNotFoundException',
      { status: 400, message: `User pool client ${pool.clientId} does not exist.` },
    );
    // One character changed: never the client's own id (1 in 36 ids begins with an `x`).
    const unknown = `${pool.clientId.startsWith('x') ? 'y' : 'x'}${pool.clientId.slice(1)}`;
    await expectAwsError(
      admin.send(new DeleteUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: unknown })),
      'ResourceNotFoundException',
      { status: 400, message: `User pool client ${unknown} does not exist.` },
    );
    const forger = new CognitoIdentityProviderClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials: {
        accessKeyId: system.adminAccessKeyId,
        secretAccessKey: 'not-the-secret-at-all-000000000000',
      },
      maxAttempts: 1,
    });
    try {
      await expectAwsError(
        forger.send(
          new DeleteUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: pool.clientId }),
        ),
        'InvalidSignatureException',
      );
    } finally {
      forger.destroy();
    }
    await expectAwsError(
      app.send(new DeleteUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: pool.clientId })),
      'UnrecognizedClientException',
    );
    expect((await signIn(app, pool, 'dana', PASSWORD)).AccessToken).toBeDefined();
    expect(
      (
        await admin.send(
          new DescribeUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: pool.clientId }),
        )
      ).UserPoolClient!.ClientId,
    ).toBe(pool.clientId);
  });
});
