import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  AdminConfirmSignUpCommand,
  AuthenticationResultType,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/** Sessions end when Cognito says they do: global sign-out, token revocation, disabled users. */
describe('sign-out, token revocation and disabled users', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  const password = 'Sessi0n-Passw0rd!';

  const signIn = async (USERNAME: string): Promise<AuthenticationResultType> =>
    (
      await app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME, PASSWORD: password },
        }),
      )
    ).AuthenticationResult!;
  const refresh = (tokens: AuthenticationResultType, client = clientId) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: client,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken! },
      }),
    );
  const getUser = (tokens: AuthenticationResultType) =>
    app.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }));

  async function newUser(username: string): Promise<void> {
    await app.send(new SignUpCommand({ ClientId: clientId, Username: username, Password: password }));
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'sessions' }));
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
  });
  afterAll(async () => {
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    admin.destroy();
    app.destroy();
  });

  it('GlobalSignOut ends every session of the user, and a new sign-in works at once', async () => {
    await newUser('gso');
    const phone = await signIn('gso');
    const laptop = await signIn('gso');
    await app.send(new GlobalSignOutCommand({ AccessToken: phone.AccessToken! }));
    await expectAwsError(getUser(phone), 'NotAuthorizedException', /Access Token has been revoked/);
    await expectAwsError(getUser(laptop), 'NotAuthorizedException');
    await expectAwsError(refresh(laptop), 'NotAuthorizedException', /Refresh Token has been revoked/);
    await expectAwsError(
      app.send(new GlobalSignOutCommand({ AccessToken: phone.AccessToken! })),
      'NotAuthorizedException',
    );
    const again = await signIn('gso');
    expect((await getUser(again)).Username).toBe('gso');
    await expect(refresh(again)).resolves.toMatchObject({ AuthenticationResult: expect.anything() });
  });

  it('AdminUserGlobalSignOut does the same for an administrator', async () => {
    await newUser('agso');
    const tokens = await signIn('agso');
    await admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'agso' }));
    await expectAwsError(getUser(tokens), 'NotAuthorizedException');
    await expectAwsError(refresh(tokens), 'NotAuthorizedException');
    await expectAwsError(
      admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'nobody' })),
      'UserNotFoundException',
    );
  });

  it('RevokeToken ends one session only: its refresh token and the access tokens issued with it', async () => {
    await newUser('rev');
    const first = await signIn('rev');
    const second = await signIn('rev');
    const refreshed = (await refresh(first)).AuthenticationResult!;
    await app.send(new RevokeTokenCommand({ ClientId: clientId, Token: first.RefreshToken! }));
    await expectAwsError(refresh(first), 'NotAuthorizedException', /Refresh Token has been revoked/);
    await expectAwsError(getUser(first), 'NotAuthorizedException', /Access Token has been revoked/);
    await expectAwsError(getUser(refreshed), 'NotAuthorizedException', /Access Token has been revoked/);
    expect((await getUser(second)).Username).toBe('rev');
    await expect(refresh(second)).resolves.toBeTruthy();
    // Idempotent, and only refresh tokens can be revoked.
    await app.send(new RevokeTokenCommand({ ClientId: clientId, Token: first.RefreshToken! }));
    await expectAwsError(
      app.send(new RevokeTokenCommand({ ClientId: clientId, Token: second.AccessToken! })),
      'UnsupportedTokenTypeException',
    );
  });

  it('RevokeToken refuses a token of another client and a wrong client secret', async () => {
    await newUser('rev2');
    const tokens = await signIn('rev2');
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'confidential',
        GenerateSecret: true,
      }),
    );
    await expectAwsError(
      app.send(
        new RevokeTokenCommand({
          ClientId: UserPoolClient!.ClientId!,
          ClientSecret: UserPoolClient!.ClientSecret!,
          Token: tokens.RefreshToken!,
        }),
      ),
      'UnauthorizedException',
    );
    await expectAwsError(
      app.send(
        new RevokeTokenCommand({
          ClientId: UserPoolClient!.ClientId!,
          ClientSecret: 'wrongsecretwrongsecretwrongsecret',
          Token: tokens.RefreshToken!,
        }),
      ),
      'UnauthorizedException',
    );
    await expect(refresh(tokens)).resolves.toBeTruthy();
  });

  it('a disabled user cannot sign in (password or SRP), refresh or use an access token; enabling lets them sign in again', async () => {
    await newUser('dis');
    const tokens = await signIn('dis');
    await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'dis' }));
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dis' }))).Enabled).toBe(
      false,
    );
    await expectAwsError(signIn('dis'), 'NotAuthorizedException', 'User is disabled.');
    await expectAwsError(refresh(tokens), 'NotAuthorizedException');
    await expectAwsError(getUser(tokens), 'NotAuthorizedException');
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: system.endpoint });
    await expectAwsError(
      new Promise((resolve, reject) =>
        new CognitoUser({ Username: 'dis', Pool: pool }).authenticateUser(
          new AuthenticationDetails({ Username: 'dis', Password: password }),
          { onSuccess: resolve, onFailure: reject },
        ),
      ),
      'NotAuthorizedException',
      'User is disabled.',
    );
    // Disabling twice is fine.
    await admin.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'dis' }));

    await admin.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'dis' }));
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dis' }))).Enabled).toBe(
      true,
    );
    const fresh = await signIn('dis');
    expect((await getUser(fresh)).Username).toBe('dis');
    // The sessions ended by disabling stay ended.
    await expectAwsError(refresh(tokens), 'NotAuthorizedException');
  });
});
