import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  ExplicitAuthFlowsType,
  InitiateAuthCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

/**
 * Legacy ExplicitAuthFlows values (issue 13 section 2), as AWS's API reference states them:
 * - "In some environments, you will see the values ADMIN_NO_SRP_AUTH, CUSTOM_AUTH_FLOW_ONLY, or
 *   USER_PASSWORD_AUTH. You can't assign these legacy ExplicitAuthFlows values to user pool clients
 *   at the same time as values that begin with ALLOW_, like ALLOW_USER_SRP_AUTH."
 * - ALLOW_ADMIN_USER_PASSWORD_AUTH "replaces the ADMIN_NO_SRP_AUTH setting".
 * - Before the ALLOW_ values, SRP, refresh and custom authentication were always on for a client;
 *   CUSTOM_AUTH_FLOW_ONLY enabled "the custom authentication flow only" (ADR 0047).
 */
describe('legacy ExplicitAuthFlows, treated as AWS treats them', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  const password = 'Leg4cy-Flows!';

  const newClient = async (ExplicitAuthFlows?: ExplicitAuthFlowsType[]) =>
    (
      await admin.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'legacy', ExplicitAuthFlows }),
      )
    ).UserPoolClient!;

  function srpSignIn(ClientId: string, username: string): Promise<CognitoUserSession> {
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId, endpoint: system.endpoint });
    const user = new CognitoUser({ Username: username, Pool: pool });
    return new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: resolve,
        onFailure: reject,
      }),
    );
  }

  const passwordSignIn = (ClientId: string) =>
    app.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'legacy-user', PASSWORD: password },
      }),
    );
  const adminSignIn = (ClientId: string, AuthFlow: 'ADMIN_NO_SRP_AUTH' | 'ADMIN_USER_PASSWORD_AUTH') =>
    admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId,
        AuthFlow,
        AuthParameters: { USERNAME: 'legacy-user', PASSWORD: password },
      }),
    );

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    poolId = (await admin.send(new CreateUserPoolCommand({ PoolName: 'legacy-flows' }))).UserPool!.Id!;
    await admin.send(
      new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'legacy-user', MessageAction: 'SUPPRESS' }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: 'legacy-user',
        Password: password,
        Permanent: true,
      }),
    );
  });
  afterAll(async () => {
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    admin.destroy();
    app.destroy();
  });

  it('accepts the legacy values alone and echoes them as given', async () => {
    const created = await newClient(['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']);
    expect(created.ExplicitAuthFlows).toEqual(['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']);
    const described = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: created.ClientId! }),
    );
    expect(described.UserPoolClient!.ExplicitAuthFlows).toEqual(['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH']);
  });

  it('refuses legacy values mixed with ALLOW_ values in CreateUserPoolClient and UpdateUserPoolClient ("You can\'t assign these legacy ExplicitAuthFlows values ... at the same time as values that begin with ALLOW_")', async () => {
    await expectAwsError(
      newClient(['ADMIN_NO_SRP_AUTH', 'ALLOW_USER_SRP_AUTH']),
      'InvalidParameterException',
    );
    const client = await newClient(['ALLOW_USER_SRP_AUTH']);
    await expectAwsError(
      admin.send(
        new UpdateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientId: client.ClientId!,
          ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      ),
      'InvalidParameterException',
    );
    // Nothing changed on the refused update.
    const described = await admin.send(
      new DescribeUserPoolClientCommand({ UserPoolId: poolId, ClientId: client.ClientId! }),
    );
    expect(described.UserPoolClient!.ExplicitAuthFlows).toEqual([
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_REFRESH_TOKEN_AUTH',
    ]);
    // An update may move a client to the legacy values (and back).
    const updated = await admin.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientId: client.ClientId!,
        ExplicitAuthFlows: ['USER_PASSWORD_AUTH'],
      }),
    );
    expect(updated.UserPoolClient!.ExplicitAuthFlows).toEqual(['USER_PASSWORD_AUTH']);
    await expect(passwordSignIn(client.ClientId!)).resolves.toMatchObject({
      AuthenticationResult: expect.objectContaining({ AccessToken: expect.any(String) }),
    });
  });

  it('ADMIN_NO_SRP_AUTH enables ADMIN_USER_PASSWORD_AUTH under both names ("This setting replaces the ADMIN_NO_SRP_AUTH setting"), SRP and refresh still allowed', async () => {
    const { ClientId } = await newClient(['ADMIN_NO_SRP_AUTH']);
    for (const flow of ['ADMIN_NO_SRP_AUTH', 'ADMIN_USER_PASSWORD_AUTH'] as const) {
      const signedIn = await adminSignIn(ClientId!, flow);
      expect(signedIn.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    }
    await expectAwsError(passwordSignIn(ClientId!), 'InvalidParameterException', {
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
    const session = await srpSignIn(ClientId!, 'legacy-user');
    expect(session.isValid()).toBe(true);
    const refreshed = await app.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() },
      }),
    );
    expect(refreshed.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
  });

  it('legacy USER_PASSWORD_AUTH enables the password flow, and SRP still works; ADMIN_USER_PASSWORD_AUTH does not', async () => {
    const { ClientId } = await newClient(['USER_PASSWORD_AUTH']);
    expect((await passwordSignIn(ClientId!)).AuthenticationResult?.IdToken).toEqual(expect.any(String));
    expect((await srpSignIn(ClientId!, 'legacy-user')).isValid()).toBe(true);
    await expectAwsError(adminSignIn(ClientId!, 'ADMIN_USER_PASSWORD_AUTH'), 'InvalidParameterException', {
      message: 'ADMIN_USER_PASSWORD_AUTH flow not enabled for this client',
    });
  });

  it('CUSTOM_AUTH_FLOW_ONLY enables "the custom authentication flow only": no SRP, no password flows', async () => {
    const { ClientId } = await newClient(['CUSTOM_AUTH_FLOW_ONLY']);
    await expectAwsError(srpSignIn(ClientId!, 'legacy-user'), 'InvalidParameterException', {
      message: 'USER_SRP_AUTH flow not enabled for this client',
    });
    await expectAwsError(passwordSignIn(ClientId!), 'InvalidParameterException');
    await expectAwsError(adminSignIn(ClientId!, 'ADMIN_NO_SRP_AUTH'), 'InvalidParameterException');
    // The custom flow itself is open: with no challenge triggers configured it goes no further
    // than the pool's own refusal, which is not the client's "flow not enabled".
    const custom = app.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'CUSTOM_AUTH',
        AuthParameters: { USERNAME: 'legacy-user' },
      }),
    );
    await custom.then(
      () => undefined,
      (err: Error) => expect(err.message).not.toMatch(/flow not enabled/),
    );
  });
});
