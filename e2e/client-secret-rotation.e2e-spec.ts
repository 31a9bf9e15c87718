import {
  AddUserPoolClientSecretCommand,
  CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  DeleteUserPoolClientSecretCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  ListUserPoolClientSecretsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createHmac, randomBytes } from 'node:crypto';
import { errors, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { createConfirmedUser, createOAuthPool, OAuthPool } from './support/hosted-ui';

const PASSWORD = 'Rotate-S3cret!';

function secretHash(secret: string, username: string, clientId: string): string {
  return createHmac('sha256', secret)
    .update(username + clientId)
    .digest('base64');
}

/**
 * Client secret rotation (ADR 0074) through the AWS SDK: AddUserPoolClientSecret,
 * ListUserPoolClientSecrets, DeleteUserPoolClientSecret. Two secrets at most, each accepted by
 * SECRET_HASH and by the token endpoint's client authentication (openid-client) until deleted; the
 * last one cannot go; List never shows a value; re-targeted, forged and anonymous calls change
 * nothing.
 */
describe('client secret rotation', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let issuer: Issuer;
  const api = `https://rot-${randomBytes(3).toString('hex')}.example.com`;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    pool = await createOAuthPool(admin, system.endpoint);
    await admin.send(
      new CreateResourceServerCommand({
        UserPoolId: pool.poolId,
        Identifier: api,
        Name: 'api',
        Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }],
      }),
    );
    issuer = await Issuer.discover(pool.issuer);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  /** A confidential client that signs users in by password and machines in by client_credentials. */
  async function confidentialClient(): Promise<{ id: string; secret: string; created: Date }> {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: pool.poolId,
        ClientName: 'rotating',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: [`${api}/read`],
      }),
    );
    return {
      id: UserPoolClient!.ClientId!,
      secret: UserPoolClient!.ClientSecret!,
      created: UserPoolClient!.CreationDate!,
    };
  }

  const signInWith = (clientId: string, secret: string, username: string) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: {
          USERNAME: username,
          PASSWORD,
          SECRET_HASH: secretHash(secret, username, clientId),
        },
      }),
    );

  /** The OAuth error of a client_credentials grant, or 'granted'. */
  async function grant(clientId: string, secret: string): Promise<string> {
    try {
      const tokens = await new issuer.Client({ client_id: clientId, client_secret: secret }).grant({
        grant_type: 'client_credentials',
      });
      return tokens.access_token ? 'granted' : 'no token';
    } catch (err) {
      if (err instanceof errors.OPError) return err.error ?? 'no error';
      throw err;
    }
  }

  const list = async (clientId: string) =>
    (await admin.send(new ListUserPoolClientSecretsCommand({ UserPoolId: pool.poolId, ClientId: clientId })))
      .ClientSecrets!;

  it('accepts both secrets during a rotation, then only the one left', async () => {
    const client = await confidentialClient();
    const username = `rot-${randomBytes(3).toString('hex')}`;
    await createConfirmedUser(admin, app, pool, username, PASSWORD);

    const before = await list(client.id);
    expect(before).toHaveLength(1);
    expect(before[0].ClientSecretId).toBe(`${client.id}--${client.created.getTime()}`);
    expect(before[0].ClientSecretValue).toBeUndefined();
    expect(before[0].ClientSecretCreateDate).toEqual(client.created);

    const { ClientSecretDescriptor: added } = await admin.send(
      new AddUserPoolClientSecretCommand({ UserPoolId: pool.poolId, ClientId: client.id }),
    );
    const next = added!.ClientSecretValue!;
    expect(next).toMatch(/^[a-z0-9]{51}$/);
    expect(next).not.toBe(client.secret);
    expect(added!.ClientSecretId).toMatch(new RegExp(`^${client.id}--\\d+$`));
    expect(added!.ClientSecretCreateDate).toBeInstanceOf(Date);

    const during = await list(client.id);
    expect(during.map((s) => s.ClientSecretId)).toEqual([before[0].ClientSecretId, added!.ClientSecretId]);
    expect(during.every((s) => s.ClientSecretValue === undefined)).toBe(true);

    for (const secret of [client.secret, next]) {
      expect((await signInWith(client.id, secret, username)).AuthenticationResult?.AccessToken).toBeDefined();
      expect(await grant(client.id, secret)).toBe('granted');
    }
    await expectAwsError(signInWith(client.id, `${next}x`, username), 'NotAuthorizedException', {
      status: 400,
      message: `Unable to verify secret hash for client ${client.id}`,
    });
    expect(await grant(client.id, `${next.slice(0, -1)}${next.endsWith('0') ? '1' : '0'}`)).toBe(
      'invalid_client',
    );

    // A third secret is one too many, and leaves the two as they were.
    await expectAwsError(
      admin.send(new AddUserPoolClientSecretCommand({ UserPoolId: pool.poolId, ClientId: client.id })),
      'LimitExceededException',
      { status: 400 },
    );
    expect(await list(client.id)).toHaveLength(2);

    // The original goes: Describe no longer shows a secret, the original is refused, the new one works.
    await admin.send(
      new DeleteUserPoolClientSecretCommand({
        UserPoolId: pool.poolId,
        ClientId: client.id,
        ClientSecretId: before[0].ClientSecretId,
      }),
    );
    const described = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: pool.poolId, ClientId: client.id }),
    );
    expect(described.UserPoolClient!.ClientSecret).toBeUndefined();
    await expectAwsError(signInWith(client.id, client.secret, username), 'NotAuthorizedException', {
      status: 400,
    });
    expect(await grant(client.id, client.secret)).toBe('invalid_client');
    expect((await signInWith(client.id, next, username)).AuthenticationResult?.AccessToken).toBeDefined();
    expect(await grant(client.id, next)).toBe('granted');
    // Without a secret SECRET_HASH is still asked for: the client stays confidential.
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: client.id,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: username, PASSWORD },
        }),
      ),
      'NotAuthorizedException',
      {
        status: 400,
        message: `Client ${client.id} is configured with secret but SECRET_HASH was not received`,
      },
    );

    // The last secret stays.
    await expectAwsError(
      admin.send(
        new DeleteUserPoolClientSecretCommand({
          UserPoolId: pool.poolId,
          ClientId: client.id,
          ClientSecretId: added!.ClientSecretId,
        }),
      ),
      'InvalidParameterException',
      { status: 400 },
    );
    expect((await list(client.id)).map((s) => s.ClientSecretId)).toEqual([added!.ClientSecretId]);

    // A secret of one's own choosing: accepted, and not echoed back.
    const chosen = `chosen_${randomBytes(16).toString('hex')}`;
    const { ClientSecretDescriptor: own } = await admin.send(
      new AddUserPoolClientSecretCommand({
        UserPoolId: pool.poolId,
        ClientId: client.id,
        ClientSecret: chosen,
      }),
    );
    expect(own!.ClientSecretValue).toBeUndefined();
    expect(own!.ClientSecretId).toMatch(new RegExp(`^${client.id}--\\d+$`));
    expect((await signInWith(client.id, chosen, username)).AuthenticationResult?.AccessToken).toBeDefined();
    expect(await grant(client.id, chosen)).toBe('granted');
  });

  it('refuses a public client, a bad secret value, and unknown or foreign secret ids alike', async () => {
    const client = await confidentialClient();
    await expectAwsError(
      admin.send(
        new AddUserPoolClientSecretCommand({ UserPoolId: pool.poolId, ClientId: pool.publicClientId }),
      ),
      'InvalidParameterException',
      { status: 400 },
    );
    expect(await list(pool.publicClientId)).toEqual([]);
    for (const bad of ['too-short', 'has-a-dash-and-is-long-enough-0000', 'x'.repeat(65)]) {
      await expectAwsError(
        admin.send(
          new AddUserPoolClientSecretCommand({
            UserPoolId: pool.poolId,
            ClientId: client.id,
            ClientSecret: bad,
          }),
        ),
        'InvalidParameterException',
        { status: 400 },
      );
    }
    // Another client's secret id, an id nobody has: the same answer, and nothing deleted.
    const other = await confidentialClient();
    const [otherSecret] = await list(other.id);
    for (const id of [otherSecret.ClientSecretId!, `${client.id}--1`]) {
      await expectAwsError(
        admin.send(
          new DeleteUserPoolClientSecretCommand({
            UserPoolId: pool.poolId,
            ClientId: client.id,
            ClientSecretId: id,
          }),
        ),
        'ResourceNotFoundException',
        { status: 400, message: 'Client secret does not exist.' },
      );
    }
    expect(await list(other.id)).toHaveLength(1);
    expect(await list(client.id)).toHaveLength(1);
  });

  it('refuses re-targeted, forged and anonymous calls, and changes nothing', async () => {
    const client = await confidentialClient();
    const elsewhere = await createOAuthPool(admin, system.endpoint);
    const [secret] = await list(client.id);
    const notFound = { status: 400, message: `User pool client ${client.id} does not exist.` };
    await expectAwsError(
      admin.send(new AddUserPoolClientSecretCommand({ UserPoolId: elsewhere.poolId, ClientId: client.id })),
      'ResourceNotFoundException',
      notFound,
    );
    await expectAwsError(
      admin.send(new ListUserPoolClientSecretsCommand({ UserPoolId: elsewhere.poolId, ClientId: client.id })),
      'ResourceNotFoundException',
      notFound,
    );
    await expectAwsError(
      admin.send(
        new DeleteUserPoolClientSecretCommand({
          UserPoolId: elsewhere.poolId,
          ClientId: client.id,
          ClientSecretId: secret.ClientSecretId,
        }),
      ),
      'ResourceNotFoundException',
      notFound,
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
        forger.send(new AddUserPoolClientSecretCommand({ UserPoolId: pool.poolId, ClientId: client.id })),
        'InvalidSignatureException',
      );
      await expectAwsError(
        forger.send(new ListUserPoolClientSecretsCommand({ UserPoolId: pool.poolId, ClientId: client.id })),
        'InvalidSignatureException',
      );
    } finally {
      forger.destroy();
    }
    await expectAwsError(
      app.send(new AddUserPoolClientSecretCommand({ UserPoolId: pool.poolId, ClientId: client.id })),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      app.send(new ListUserPoolClientSecretsCommand({ UserPoolId: pool.poolId, ClientId: client.id })),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      app.send(
        new DeleteUserPoolClientSecretCommand({
          UserPoolId: pool.poolId,
          ClientId: client.id,
          ClientSecretId: secret.ClientSecretId,
        }),
      ),
      'UnrecognizedClientException',
    );
    expect(await list(client.id)).toEqual([secret]);
  });
});
