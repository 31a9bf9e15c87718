import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtVerifier } from 'aws-jwt-verify';
import { decodeJwt } from 'jose';
import { createHmac, randomBytes } from 'node:crypto';
import { Client, errors, Issuer } from 'openid-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

const PASSWORD = 'R0tate-At-Endpoint!';

/**
 * The token endpoint's `refresh_token` grant for a client with RefreshTokenRotation (ADR 0081),
 * through openid-client: a new refresh token each use, the old one accepted only within
 * RetryGracePeriodSeconds, its reuse after that `invalid_grant` and the end of the session (for
 * GetTokensFromRefreshToken too); another client's token, a wrong or missing secret refused as an
 * OAuth client expects. And GetTokensFromRefreshToken's ClientMetadata reaching the pre token
 * generation trigger. No test waits for a clock: a grace of 0 is over at once, one of 60 is not.
 */
describe('token endpoint refresh token rotation', () => {
  const system = e2eSystem();
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let issuer: Issuer;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `endpoint-rotation-${randomBytes(3).toString('hex')}`,
        LambdaConfig: { PreTokenGeneration: `arn:aws:lambda:us-east-1:${account}:function:gate` },
      }),
    );
    poolId = UserPool!.Id!;
    issuer = await Issuer.discover(`${system.endpoint}/${poolId}`);
  });
  afterAll(async () => {
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    admin.destroy();
    app.destroy();
  });

  /** A confidential client: its id, its secret and an openid-client Client for it (Basic auth). */
  async function confidential(extra: Partial<CreateUserPoolClientCommandInput> = {}) {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'rotating',
        GenerateSecret: true,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        ...extra,
      }),
    );
    const id = UserPoolClient!.ClientId!;
    const secret = UserPoolClient!.ClientSecret!;
    return { id, secret, oidc: new issuer.Client({ client_id: id, client_secret: secret }) };
  }

  /** A new confirmed user signed in through the client: their name and first tokens. */
  async function signedIn(clientId: string, secret: string) {
    const username = `u-${randomBytes(4).toString('hex')}`;
    const SECRET_HASH = createHmac('sha256', secret)
      .update(username + clientId)
      .digest('base64');
    await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: username,
        Password: PASSWORD,
        SecretHash: SECRET_HASH,
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD, SECRET_HASH },
      }),
    );
    return { username, tokens: AuthenticationResult! };
  }

  /** The OAuth error a refresh at the token endpoint answers. */
  async function refusal(client: Client, refreshToken: string): Promise<string | undefined> {
    try {
      await client.refresh(refreshToken);
      return 'granted';
    } catch (err) {
      if (err instanceof errors.OPError) return err.error;
      throw err;
    }
  }

  async function verifiedAccess(token: string, clientId: string) {
    const jwksUri = `${system.endpoint}/${poolId}/.well-known/jwks.json`;
    const verifier = JwtVerifier.create({
      issuer: `${system.endpoint}/${poolId}`,
      audience: null,
      jwksUri,
      customJwtCheck: ({ payload }) => {
        if (payload.client_id !== clientId) throw new Error('another client');
      },
    });
    // aws-jwt-verify fetches over https only; the test endpoint is plain http on loopback.
    verifier.cacheJwks((await (await fetch(jwksUri)).json()) as never);
    return verifier.verify(token);
  }

  it('rotates at the token endpoint; the old token after its grace is invalid_grant and ends the session', async () => {
    const c = await confidential({
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    });
    const { tokens: first } = await signedIn(c.id, c.secret);

    const second = await c.oidc.refresh(first.RefreshToken!);
    expect(second.refresh_token).toBeDefined();
    expect(second.refresh_token).not.toBe(first.RefreshToken);
    expect(second.token_type).toBe('Bearer');
    expect(second.claims().sub).toBe(decodeJwt(first.IdToken!).sub);
    const access = await verifiedAccess(second.access_token!, c.id);
    expect(access.origin_jti).toBe(decodeJwt(first.AccessToken!).origin_jti);

    // The endpoint and the API rotate the same session, one after the other.
    const { AuthenticationResult: third } = await app.send(
      new GetTokensFromRefreshTokenCommand({
        ClientId: c.id,
        ClientSecret: c.secret,
        RefreshToken: second.refresh_token!,
      }),
    );
    const fourth = await c.oidc.refresh(third!.RefreshToken!);
    expect(fourth.refresh_token).not.toBe(third!.RefreshToken);

    // The first token again, its grace of 0 over: a reuse. The whole session ends.
    expect(await refusal(c.oidc, first.RefreshToken!)).toBe('invalid_grant');
    expect(await refusal(c.oidc, fourth.refresh_token!)).toBe('invalid_grant');
    await expectAwsError(
      app.send(
        new GetTokensFromRefreshTokenCommand({
          ClientId: c.id,
          ClientSecret: c.secret,
          RefreshToken: fourth.refresh_token!,
        }),
      ),
      'NotAuthorizedException',
      { status: 400, message: 'Refresh Token has been revoked' },
    );
    await expectAwsError(
      app.send(new GetUserCommand({ AccessToken: fourth.access_token })),
      'NotAuthorizedException',
      {
        status: 400,
      },
    );
  });

  it('accepts the replaced token again within RetryGracePeriodSeconds, rotating it once more', async () => {
    const c = await confidential({
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 },
    });
    const { tokens: first } = await signedIn(c.id, c.secret);
    const second = await c.oidc.refresh(first.RefreshToken!);
    // A client that lost the answer retries with the same token: still accepted, rotated again.
    const retried = await c.oidc.refresh(first.RefreshToken!);
    expect(retried.refresh_token).toBeDefined();
    expect(retried.refresh_token).not.toBe(second.refresh_token);
    expect((await c.oidc.refresh(second.refresh_token!)).access_token).toBeDefined();
  });

  it('answers no new refresh token to a client without rotation, and keeps the one sent', async () => {
    const c = await confidential();
    const { tokens: first } = await signedIn(c.id, c.secret);
    const again = await c.oidc.refresh(first.RefreshToken!);
    expect(again.refresh_token).toBeUndefined();
    expect((await c.oidc.refresh(first.RefreshToken!)).access_token).toBeDefined();
  });

  it("refuses another client's token, a wrong or missing secret, a forged token; none of them rotates", async () => {
    const c = await confidential({
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    });
    const other = await confidential({
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    });
    const { tokens } = await signedIn(c.id, c.secret);
    const token = tokens.RefreshToken!;

    expect(await refusal(other.oidc, token)).toBe('invalid_grant');
    const last = c.secret.slice(-1);
    const wrong = new issuer.Client({
      client_id: c.id,
      client_secret: `${c.secret.slice(0, -1)}${last === 'x' ? 'y' : 'x'}`,
    });
    expect(await refusal(wrong, token)).toBe('invalid_client');
    const anonymous = new issuer.Client({ client_id: c.id, token_endpoint_auth_method: 'none' });
    expect(await refusal(anonymous, token)).toBe('invalid_client');
    const forged = `${token.slice(0, -4)}${token.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
    expect(await refusal(c.oidc, forged)).toBe('invalid_grant');

    // None of those refusals rotated the token: its owner still rotates it once.
    const next = await c.oidc.refresh(token);
    expect(next.refresh_token).toBeDefined();
  });

  it("hands GetTokensFromRefreshToken's ClientMetadata to the pre token generation trigger", async () => {
    const c = await confidential();
    const { username, tokens } = await signedIn(c.id, c.secret);
    const { AuthenticationResult } = await app.send(
      new GetTokensFromRefreshTokenCommand({
        ClientId: c.id,
        ClientSecret: c.secret,
        RefreshToken: tokens.RefreshToken!,
        ClientMetadata: { purpose: 'renewal', tenant: 't-1' },
      }),
    );
    expect(decodeJwt(AuthenticationResult!.IdToken!).tier).toBe('gold');
    const res = await fetch(
      `${system.userPoolTriggerStandin}/calls?userName=${encodeURIComponent(username)}`,
    );
    const { accepted } = (await res.json()) as {
      accepted: { event: { triggerSource: string; request: Record<string, unknown> } }[];
    };
    const refreshes = accepted.filter((a) => a.event.triggerSource === 'TokenGeneration_RefreshTokens');
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0].event.request.clientMetadata).toEqual({ purpose: 'renewal', tenant: 't-1' });
    const signIns = accepted.filter((a) => a.event.triggerSource === 'TokenGeneration_Authentication');
    expect(signIns[0].event.request.clientMetadata).toBeUndefined();
  });
});
