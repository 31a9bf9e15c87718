import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * AliasAttributes (ADR 0044) through the AWS SDK and amazon-cognito-identity-js: a user signs in
 * with their username, a verified email or phone number, or a preferred_username, in every flow
 * that takes a name; aliases are unique in the pool, and ForceAliasCreation moves one. Attacks:
 * an unverified email used as an alias, alias theft without ForceAliasCreation, an alias-shaped
 * username, unknown aliases answered as unknown users, concurrent claims of one alias.
 */
describe('sign-in aliases (AliasAttributes)', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  let hidingClientId: string;
  const stamp = Date.now();
  const password = 'Alias-Passw0rd!';
  const aliceEmail = `alice.${stamp}@example.com`;

  const passwordAuth = (USERNAME: string, client = clientId, PASSWORD = password) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: client,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );
  const usernameOf = (token: string | undefined) =>
    JSON.parse(Buffer.from(token!.split('.')[1], 'base64url').toString()).username as string;

  function srpSignIn(username: string): Promise<CognitoUserSession> {
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: system.endpoint });
    const user = new CognitoUser({ Username: username, Pool: pool });
    return new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
        onSuccess: resolve,
        onFailure: reject,
      }),
    );
  }

  async function adminUser(username: string, attributes: Record<string, string>, force?: boolean) {
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
        ...(force === undefined ? {} : { ForceAliasCreation: force }),
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: poolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: 'aliases',
        AliasAttributes: ['email', 'phone_number', 'preferred_username'],
        AutoVerifiedAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
      }),
    );
    poolId = UserPool!.Id!;
    const flows = [
      'ALLOW_USER_PASSWORD_AUTH',
      'ALLOW_ADMIN_USER_PASSWORD_AUTH',
      'ALLOW_USER_SRP_AUTH',
      'ALLOW_USER_AUTH',
    ];
    const client = async (hide: boolean) =>
      (
        await admin.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName: hide ? 'hiding' : 'app',
            ExplicitAuthFlows: flows as never,
            PreventUserExistenceErrors: hide ? 'ENABLED' : 'LEGACY',
          }),
        )
      ).UserPoolClient!.ClientId!;
    clientId = await client(false);
    hidingClientId = await client(true);
    // Alice signs up and confirms with the emailed code: the code verifies the email, now an alias.
    await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'alice',
        Password: password,
        UserAttributes: [
          { Name: 'email', Value: aliceEmail },
          { Name: 'preferred_username', Value: 'Ally' },
        ],
      }),
    );
    const code = await codeSentTo(aliceEmail, system);
    await app.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: 'alice', ConfirmationCode: code }),
    );
  });
  afterAll(() => admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId })));

  it('signs in with the username, the verified email or the preferred_username, in every flow', async () => {
    for (const name of ['alice', aliceEmail.toUpperCase(), 'ally', 'ALLY']) {
      const { AuthenticationResult } = await passwordAuth(name);
      expect(usernameOf(AuthenticationResult?.AccessToken)).toBe('alice');
    }
    const srp = await srpSignIn(aliceEmail);
    expect(srp.getAccessToken().decodePayload().username).toBe('alice');
    const byAdmin = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'Ally', PASSWORD: password },
      }),
    );
    expect(usernameOf(byAdmin.AuthenticationResult?.AccessToken)).toBe('alice');
    const userAuth = await app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: aliceEmail, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password },
      }),
    );
    expect(usernameOf(userAuth.AuthenticationResult?.AccessToken)).toBe('alice');
    // Operations that take a Username take an alias too, and answer the real username.
    const got = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'ally' }));
    expect(got.Username).toBe('alice');
    const reset = await app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: aliceEmail }));
    expect(reset.CodeDeliveryDetails?.DeliveryMedium).toBe('EMAIL');
  });

  it('refuses an alias-shaped username and an unverified email or phone as an alias', async () => {
    await expectAwsError(
      app.send(
        new SignUpCommand({ ClientId: clientId, Username: `u.${stamp}@example.com`, Password: password }),
      ),
      'InvalidParameterException',
      'Username cannot be of email format, since user pool is configured for email alias.',
    );
    await expectAwsError(
      adminUser('+15550199', {}),
      'InvalidParameterException',
      'Username cannot be of phone number format, since user pool is configured for phone number alias.',
    );
    // Mallory gives herself Alice's email, unverified: no claim on it, and she cannot sign in with it.
    const bobEmail = `bob.${stamp}@example.com`;
    await adminUser('bob', { email: bobEmail, phone_number: '+15550123' });
    await expectAwsError(passwordAuth(bobEmail), 'UserNotFoundException', 'User does not exist.');
    await expectAwsError(passwordAuth('+15550123'), 'UserNotFoundException', 'User does not exist.');
    await adminUser('mallory', { email: aliceEmail });
    const { AuthenticationResult } = await passwordAuth(aliceEmail);
    expect(usernameOf(AuthenticationResult?.AccessToken)).toBe('alice');
  });

  it('keeps aliases unique: no theft without ForceAliasCreation; with it, the old holder loses the flag', async () => {
    await expectAwsError(
      adminUser('thief', { email: aliceEmail, email_verified: 'true' }),
      'AliasExistsException',
    );
    await adminUser('thief', {});
    await expectAwsError(
      admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: poolId,
          Username: 'thief',
          UserAttributes: [
            { Name: 'email', Value: aliceEmail },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      ),
      'AliasExistsException',
    );
    expect(usernameOf((await passwordAuth(aliceEmail)).AuthenticationResult?.AccessToken)).toBe('alice');
    // A user's own UpdateUserAttributes cannot take another's preferred_username.
    await adminUser('carl', { preferred_username: 'carlos' });
    const carl = (await passwordAuth('carlos')).AuthenticationResult!.AccessToken!;
    await expectAwsError(
      app.send(
        new UpdateUserAttributesCommand({
          AccessToken: carl,
          UserAttributes: [{ Name: 'preferred_username', Value: 'ALLY' }],
        }),
      ),
      'AliasExistsException',
    );
    expect(usernameOf((await passwordAuth('ally')).AuthenticationResult?.AccessToken)).toBe('alice');

    // An administrator forcing it moves the email; its old holder keeps the email, unverified.
    const dana = `dana.${stamp}@example.com`;
    await adminUser('dana-old', { email: dana, email_verified: 'true' });
    await adminUser('dana', { email: dana, email_verified: 'true' }, true);
    expect(usernameOf((await passwordAuth(dana)).AuthenticationResult?.AccessToken)).toBe('dana');
    const old = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'dana-old' }));
    expect(old.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: dana },
        { Name: 'email_verified', Value: 'false' },
      ]),
    );
  });

  it('answers an unknown alias as an unknown user, with and without PreventUserExistenceErrors', async () => {
    const refusal = (name: string) =>
      passwordAuth(name).then(
        () => new Error('signed in'),
        (e: Error) => e,
      );
    const unknownAlias = await refusal(`nobody.${stamp}@example.com`);
    const unknownName = await refusal(`nobody${stamp}`);
    expect([unknownAlias.name, unknownAlias.message]).toEqual([unknownName.name, unknownName.message]);
    expect(unknownAlias.name).toBe('UserNotFoundException');
    await expectAwsError(
      passwordAuth(`nobody.${stamp}@example.com`, hidingClientId),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectAwsError(
      passwordAuth(aliceEmail, hidingClientId, 'Wrong-Passw0rd!'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });

  it('lets exactly one of concurrent claims of one alias have it', async () => {
    const contested = `race.${stamp}@example.com`;
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: `racer${i}`,
            MessageAction: 'SUPPRESS',
            UserAttributes: [
              { Name: 'email', Value: contested },
              { Name: 'email_verified', Value: 'true' },
            ],
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect((r.reason as Error).name).toBe('AliasExistsException');
    }
  });

  it('keeps the old email, its flag and its alias until the new one is verified (AttributesRequireVerificationBeforeUpdate)', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: 'aliases-keep',
        AliasAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
      }),
    );
    const keepPool = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: keepPool,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const client = UserPoolClient!.ClientId!;
    const oldEmail = `kim.${stamp}@example.com`;
    const newEmail = `kim.new.${stamp}@example.com`;
    await app.send(
      new SignUpCommand({
        ClientId: client,
        Username: 'kim',
        Password: password,
        UserAttributes: [{ Name: 'email', Value: oldEmail }],
      }),
    );
    await app.send(
      new ConfirmSignUpCommand({
        ClientId: client,
        Username: 'kim',
        ConfirmationCode: await codeSentTo(oldEmail, system),
      }),
    );
    const token = (await passwordAuth(oldEmail, client)).AuthenticationResult!.AccessToken!;
    const emailOf = async () => {
      const { UserAttributes } = await app.send(new GetUserCommand({ AccessToken: token }));
      return Object.fromEntries(
        (UserAttributes ?? []).filter((a) => a.Name!.startsWith('email')).map((a) => [a.Name, a.Value]),
      );
    };
    const updated = await app.send(
      new UpdateUserAttributesCommand({
        AccessToken: token,
        UserAttributes: [{ Name: 'email', Value: newEmail }],
      }),
    );
    expect(updated.CodeDeliveryDetailsList?.[0]).toMatchObject({
      AttributeName: 'email',
      DeliveryMedium: 'EMAIL',
    });
    // Until verified: the old value, verified, and it (not the new one) signs in.
    expect(await emailOf()).toEqual({ email: oldEmail, email_verified: 'true' });
    expect(usernameOf((await passwordAuth(oldEmail, client)).AuthenticationResult?.AccessToken)).toBe('kim');
    await expectAwsError(passwordAuth(newEmail, client), 'UserNotFoundException');
    // A wrong code changes nothing; the code sent to the new address moves everything over.
    await expectAwsError(
      app.send(
        new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: 'email', Code: '000000' }),
      ),
      'CodeMismatchException',
    );
    expect(await emailOf()).toEqual({ email: oldEmail, email_verified: 'true' });
    const code = await codeSentTo(newEmail, system);
    await app.send(
      new VerifyUserAttributeCommand({ AccessToken: token, AttributeName: 'email', Code: code }),
    );
    expect(await emailOf()).toEqual({ email: newEmail, email_verified: 'true' });
    expect(usernameOf((await passwordAuth(newEmail, client)).AuthenticationResult?.AccessToken)).toBe('kim');
    await expectAwsError(passwordAuth(oldEmail, client), 'UserNotFoundException');
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: keepPool }));
  });
});
