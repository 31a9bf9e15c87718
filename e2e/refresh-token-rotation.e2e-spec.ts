import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  SignUpCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from 'jose';
import { randomBytes } from 'node:crypto';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

const PASSWORD = 'R0tate-Refresh!';

/**
 * GetTokensFromRefreshToken and the app client's RefreshTokenRotation (ADR 0074) through the AWS
 * SDK: without rotation new ID and access tokens, the refresh token kept; with it a new refresh
 * token each use, the one sent accepted only within RetryGracePeriodSeconds, then a reuse that
 * ends the session; REFRESH_TOKEN_AUTH refused for a rotating client; tokens of another client,
 * a missing or wrong client secret, a revoked session refused. No test waits for a clock: a grace
 * of 0 is over at once, one of 60 is not over during a test.
 */
describe('refresh token rotation', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `rotation-${randomBytes(3).toString('hex')}` }),
    );
    poolId = UserPool!.Id!;
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  async function client(extra: Partial<CreateUserPoolClientCommandInput> = {}) {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'rotating',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        ...extra,
      }),
    );
    return UserPoolClient!;
  }

  /** A new confirmed user signed in through the client: their first tokens. */
  async function signedIn(clientId: string) {
    const username = `u-${randomBytes(4).toString('hex')}`;
    await app.send(new SignUpCommand({ ClientId: clientId, Username: username, Password: PASSWORD }));
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
    const { AuthenticationResult } = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD },
      }),
    );
    return AuthenticationResult!;
  }

  const refresh = (ClientId: string, RefreshToken: string, ClientSecret?: string) =>
    app.send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken, ClientSecret }));

  it('without rotation: new ID and access tokens, the refresh token kept and still good', async () => {
    const c = await client();
    expect(c.RefreshTokenRotation).toBeUndefined();
    const first = await signedIn(c.ClientId!);
    const { AuthenticationResult: again } = await refresh(c.ClientId!, first.RefreshToken!);
    expect(again!.RefreshToken).toBeUndefined();
    expect(again!.TokenType).toBe('Bearer');
    expect(decodeJwt(again!.AccessToken!).origin_jti).toBe(decodeJwt(first.AccessToken!).origin_jti);
    expect((await app.send(new GetUserCommand({ AccessToken: again!.AccessToken }))).Username).toBeDefined();
    expect((await refresh(c.ClientId!, first.RefreshToken!)).AuthenticationResult!.IdToken).toBeDefined();
    const viaFlow = await app.send(
      new InitiateAuthCommand({
        ClientId: c.ClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: first.RefreshToken! },
      }),
    );
    expect(viaFlow.AuthenticationResult!.AccessToken).toBeDefined();
  });

  it('rotates: a new refresh token each use; the old one, used again, ends the session', async () => {
    const c = await client({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
    expect(c.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 0 });
    const described = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.ClientId }),
    );
    expect(described.UserPoolClient!.RefreshTokenRotation).toEqual({
      Feature: 'ENABLED',
      RetryGracePeriodSeconds: 0,
    });

    const first = await signedIn(c.ClientId!);
    const { AuthenticationResult: second } = await refresh(c.ClientId!, first.RefreshToken!);
    expect(second!.RefreshToken).toBeDefined();
    expect(second!.RefreshToken).not.toBe(first.RefreshToken);
    expect(decodeJwt(second!.AccessToken!).origin_jti).toBe(decodeJwt(first.AccessToken!).origin_jti);
    const { AuthenticationResult: third } = await refresh(c.ClientId!, second!.RefreshToken!);
    expect(third!.RefreshToken).not.toBe(second!.RefreshToken);

    // REFRESH_TOKEN_AUTH is not how a rotating client refreshes.
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: c.ClientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: third!.RefreshToken! },
        }),
      ),
      'InvalidParameterException',
      { status: 400 },
    );

    // The first token again: a reuse. The whole session ends, the newest tokens with it.
    await expectAwsError(refresh(c.ClientId!, first.RefreshToken!), 'RefreshTokenReuseException', {
      status: 400,
    });
    await expectAwsError(refresh(c.ClientId!, third!.RefreshToken!), 'NotAuthorizedException', {
      status: 400,
      message: 'Refresh Token has been revoked',
    });
    await expectAwsError(
      app.send(new GetUserCommand({ AccessToken: third!.AccessToken })),
      'NotAuthorizedException',
      {
        status: 400,
      },
    );
  });

  it('accepts the old token again within the grace period', async () => {
    const c = await client({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 } });
    const first = await signedIn(c.ClientId!);
    const { AuthenticationResult: second } = await refresh(c.ClientId!, first.RefreshToken!);
    // A retry with the first token (the answer was lost): another new token, the session goes on.
    const { AuthenticationResult: retried } = await refresh(c.ClientId!, first.RefreshToken!);
    expect(retried!.RefreshToken).toBeDefined();
    expect(new Set([first.RefreshToken, second!.RefreshToken, retried!.RefreshToken]).size).toBe(3);
    for (const token of [second!.RefreshToken!, retried!.RefreshToken!])
      expect((await refresh(c.ClientId!, token)).AuthenticationResult!.RefreshToken).toBeDefined();
    expect(
      (await app.send(new GetUserCommand({ AccessToken: retried!.AccessToken }))).Username,
    ).toBeDefined();
  });

  it('turns rotation off again with an update that leaves it out, and refuses bad settings', async () => {
    const c = await client({ RefreshTokenRotation: { Feature: 'ENABLED' } });
    expect(c.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: 0 });
    const { UserPoolClient: updated } = await admin.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId: c.ClientId,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    expect(updated!.RefreshTokenRotation).toBeUndefined();
    const first = await signedIn(c.ClientId!);
    expect(
      (await refresh(c.ClientId!, first.RefreshToken!)).AuthenticationResult!.RefreshToken,
    ).toBeUndefined();

    for (const RefreshTokenRotation of [
      { Feature: 'ENABLED' as const, RetryGracePeriodSeconds: 61 },
      { Feature: 'ENABLED' as const, RetryGracePeriodSeconds: -1 },
      { Feature: 'SOMETIMES' as 'ENABLED' },
    ]) {
      await expectAwsError(
        admin.send(
          new UpdateUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.ClientId, RefreshTokenRotation }),
        ),
        'InvalidParameterException',
        { status: 400 },
      );
    }
    const after = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: c.ClientId }),
    );
    expect(after.UserPoolClient!.RefreshTokenRotation).toBeUndefined();
  });

  it("refuses another client's token, a missing or wrong secret, garbage and a revoked session", async () => {
    const c = await client({ RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 } });
    const other = await client();
    const first = await signedIn(c.ClientId!);
    await expectAwsError(refresh(other.ClientId!, first.RefreshToken!), 'NotAuthorizedException', {
      status: 400,
      message: 'Invalid Refresh Token',
    });
    await expectAwsError(
      refresh(c.ClientId!, `${first.RefreshToken!.slice(0, -4)}AAAA`),
      'NotAuthorizedException',
      {
        status: 400,
        message: 'Invalid Refresh Token',
      },
    );

    const confidential = await client({
      GenerateSecret: true,
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 60 },
    });
    const username = `s-${randomBytes(4).toString('hex')}`;
    await app.send(new SignUpCommand({ ClientId: c.ClientId, Username: username, Password: PASSWORD }));
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
    const { createHmac } = await import('node:crypto');
    const secret = confidential.ClientSecret!;
    const signed = await app.send(
      new InitiateAuthCommand({
        ClientId: confidential.ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: {
          USERNAME: username,
          PASSWORD,
          SECRET_HASH: createHmac('sha256', secret)
            .update(username + confidential.ClientId)
            .digest('base64'),
        },
      }),
    );
    const token = signed.AuthenticationResult!.RefreshToken!;
    await expectAwsError(refresh(confidential.ClientId!, token), 'NotAuthorizedException', { status: 400 });
    await expectAwsError(
      refresh(confidential.ClientId!, token, `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`),
      'NotAuthorizedException',
      {
        status: 400,
      },
    );
    const { AuthenticationResult: rotated } = await refresh(confidential.ClientId!, token, secret);
    expect(rotated!.RefreshToken).toBeDefined();

    // RevokeToken on the newest token ends the session: the rotated-out one, still in its grace, too.
    await app.send(
      new RevokeTokenCommand({
        ClientId: confidential.ClientId,
        ClientSecret: secret,
        Token: rotated!.RefreshToken!,
      }),
    );
    await expectAwsError(refresh(confidential.ClientId!, token, secret), 'NotAuthorizedException', {
      status: 400,
      message: 'Refresh Token has been revoked',
    });
  });
});
