import {
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  paginateListUserPools,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomUUID } from 'node:crypto';
import { JwtVerifier } from 'aws-jwt-verify';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * The walking skeleton, driven as a user would: the AWS SDK for JavaScript against the gateway,
 * tokens checked with aws-jwt-verify and jose against the published JWKS.
 */
describe('a user pool, from creation to sign-in, through the AWS SDK', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const password = 'Corr3ct-Horse!';

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  // Each test builds the stage it starts from, in a pool of its own, through the same steps as the
  // tests of the stages before it.
  async function newPool(): Promise<string> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'e2e-pool', AutoVerifiedAttributes: ['email'] }),
    );
    return UserPool!.Id!;
  }

  async function newClient(poolId: string): Promise<string> {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return UserPoolClient!.ClientId!;
  }

  /** A pool, its client and alice signed up with a fresh email address, not confirmed. */
  async function signedUpAlice() {
    const poolId = await newPool();
    const clientId = await newClient(poolId);
    const email = `alice.${randomUUID()}@example.com`;
    await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'alice',
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    return { poolId, clientId, email };
  }

  async function confirmedAlice() {
    const alice = await signedUpAlice();
    const code = await codeSentTo(alice.email, system);
    await app.send(
      new ConfirmSignUpCommand({ ClientId: alice.clientId, Username: 'alice', ConfirmationCode: code }),
    );
    return alice;
  }

  async function signedInAlice() {
    const alice = await confirmedAlice();
    const result = await app.send(
      new InitiateAuthCommand({
        ClientId: alice.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD: password },
      }),
    );
    return { ...alice, tokens: result.AuthenticationResult! };
  }

  it('creates a pool with Cognito-shaped ids and settings', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'e2e-pool', AutoVerifiedAttributes: ['email'] }),
    );
    expect(UserPool?.Id).toMatch(/^us-east-1_[0-9a-zA-Z]{9,}$/);
    expect(UserPool?.Arn).toBe(`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${UserPool!.Id}`);
    expect(UserPool?.CreationDate).toBeInstanceOf(Date);
    expect(UserPool?.Policies?.PasswordPolicy?.MinimumLength).toBe(8);
    const poolId = UserPool!.Id!;

    const described = await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
    expect(described.UserPool?.AutoVerifiedAttributes).toEqual(['email']);
    // Every page: in the distributed lane one system serves every spec, and its pools outnumber a page.
    const listedIds: string[] = [];
    for await (const page of paginateListUserPools({ client: admin }, { MaxResults: 60 }))
      listedIds.push(...(page.UserPools ?? []).map((p) => p.Id!));
    expect(listedIds).toContain(poolId);
  });

  it('creates an app client that allows password sign-in', async () => {
    const poolId = await newPool();
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    expect(UserPoolClient?.ClientId).toMatch(/^[a-z0-9]{26}$/);
    expect(UserPoolClient?.ClientSecret).toBeUndefined();
    const clientId = UserPoolClient!.ClientId!;
    const described = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: clientId }),
    );
    expect(described.UserPoolClient?.ExplicitAuthFlows).toEqual(
      expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    );
    const listed = await admin.send(new ListUserPoolClientsCommand({ UserPoolId: poolId, MaxResults: 10 }));
    expect(listed.UserPoolClients?.map((c) => c.ClientId)).toEqual([clientId]);
  });

  it('signs a user up and sends a confirmation code to their email', async () => {
    const clientId = await newClient(await newPool());
    const email = `alice.${randomUUID()}@example.com`;
    const result = await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'alice',
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    expect(result.UserConfirmed).toBe(false);
    expect(result.UserSub).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.CodeDeliveryDetails).toEqual({
      Destination: `a***@e***`,
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    expect(await codeSentTo(email, system)).toMatch(/^\d{6}$/);
  });

  it('refuses sign-in until the user is confirmed, and refuses a wrong code', async () => {
    const { clientId, email } = await signedUpAlice();
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'alice', PASSWORD: password },
        }),
      ),
      'UserNotConfirmedException',
    );
    const code = await codeSentTo(email, system);
    const wrong = code === '000000' ? '000001' : '000000';
    await expectAwsError(
      app.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'alice', ConfirmationCode: wrong })),
      'CodeMismatchException',
    );
  });

  it('confirms the user with the emailed code, which verifies the email', async () => {
    const { poolId, clientId, email } = await signedUpAlice();
    const code = await codeSentTo(email, system);
    await app.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: 'alice', ConfirmationCode: code }),
    );
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }]));
  });

  it('signs in with USER_PASSWORD_AUTH and gets ID, access and refresh tokens', async () => {
    const { clientId } = await confirmedAlice();
    const result = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'alice', PASSWORD: password },
      }),
    );
    expect(result.AuthenticationResult).toMatchObject({ TokenType: 'Bearer', ExpiresIn: 3600 });
    expect(result.AuthenticationResult?.IdToken).toBeTruthy();
    expect(result.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(result.AuthenticationResult?.RefreshToken).toBeTruthy();
  });

  it('issues tokens that aws-jwt-verify accepts against the published JWKS', async () => {
    const { poolId, clientId, email, tokens } = await signedInAlice();
    const issuer = `${system.endpoint}/${poolId}`;
    const jwksUri = `${issuer}/.well-known/jwks.json`;
    const jwks = (await (await fetch(jwksUri)).json()) as { keys: { kid: string }[] };
    const idVerifier = JwtVerifier.create({ issuer, audience: clientId, jwksUri });
    idVerifier.cacheJwks(jwks as never);
    const id = await idVerifier.verify(tokens.IdToken!);
    expect(id).toMatchObject({
      token_use: 'id',
      'cognito:username': 'alice',
      email,
      email_verified: true,
      aud: clientId,
      iss: issuer,
    });
    const accessVerifier = JwtVerifier.create({ issuer, audience: null, jwksUri });
    accessVerifier.cacheJwks(jwks as never);
    const access = await accessVerifier.verify(tokens.AccessToken!);
    expect(access).toMatchObject({
      token_use: 'access',
      client_id: clientId,
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
    });
    expect(access.aud).toBeUndefined();
    expect(access.sub).toBe(id.sub);
    for (const claim of ['exp', 'iat', 'jti', 'origin_jti', 'event_id', 'auth_time']) {
      expect(access).toHaveProperty(claim);
    }
  });

  it('issues tokens that jose verifies through the discovery document', async () => {
    const { poolId, clientId, tokens } = await signedInAlice();
    const discovery = (await (
      await fetch(`${system.endpoint}/${poolId}/.well-known/openid-configuration`)
    ).json()) as { issuer: string; jwks_uri: string };
    expect(discovery.issuer).toBe(`${system.endpoint}/${poolId}`);
    const { payload, protectedHeader } = await jwtVerify(
      tokens.IdToken!,
      createRemoteJWKSet(new URL(discovery.jwks_uri)),
      {
        issuer: discovery.issuer,
        audience: clientId,
        algorithms: ['RS256'],
      },
    );
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload.token_use).toBe('id');
  });

  it('refreshes tokens without rotating the refresh token', async () => {
    const { clientId, tokens } = await signedInAlice();
    const result = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
      }),
    );
    expect(result.AuthenticationResult?.RefreshToken).toBeUndefined();
    const before = JSON.parse(Buffer.from(tokens.AccessToken!.split('.')[1], 'base64url').toString());
    const after = JSON.parse(
      Buffer.from(result.AuthenticationResult!.AccessToken!.split('.')[1], 'base64url').toString(),
    );
    expect(after.origin_jti).toBe(before.origin_jti);
    expect(after.jti).not.toBe(before.jti);
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: `${tokens.RefreshToken!}x` },
        }),
      ),
      'NotAuthorizedException',
    );
  });

  it('answers GetUser for the access token and refuses a forged one', async () => {
    const { email, tokens } = await signedInAlice();
    const me = await app.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }));
    expect(me.Username).toBe('alice');
    expect(me.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: email }]));
    const [h, p] = tokens.AccessToken!.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, username: 'mallory' })).toString('base64url')}.${tokens.AccessToken!.split('.')[2]}`;
    await expectAwsError(app.send(new GetUserCommand({ AccessToken: forged })), 'NotAuthorizedException');
  });

  it('says NotAuthorized for a wrong password and UserNotFound for an unknown user (LEGACY client)', async () => {
    const { clientId } = await confirmedAlice();
    const attempt = (USERNAME: string, PASSWORD: string) =>
      app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME, PASSWORD },
        }),
      );
    await expectAwsError(attempt('alice', 'Wrong-passw0rd!'), 'NotAuthorizedException');
    await expectAwsError(attempt('nobody', password), 'UserNotFoundException');
  });

  it('deletes the user, then the pool', async () => {
    const { poolId, clientId, tokens } = await signedInAlice();
    await admin.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'alice' }));
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'alice' })),
      'UserNotFoundException',
    );
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
        }),
      ),
      'NotAuthorizedException',
    );
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    await expectAwsError(
      admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId })),
      'ResourceNotFoundException',
    );
  });
});
