import {
  AdminCreateUserCommand,
  AdminGetUserAuthFactorsCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserAuthFactorsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * GetUserAuthFactors / AdminGetUserAuthFactors (API reference: "Lists the authentication options
 * for the currently signed-in user ... the user's options for choice-based authentication with
 * USER_AUTH"), with the AWS SDK.
 */
describe('a user’s authentication factors', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  const stamp = Date.now();
  const password = 'Factors-Passw0rd!';

  async function user(name: string, attributes: { Name: string; Value: string }[], withPassword = true) {
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: name,
        MessageAction: 'SUPPRESS',
        UserAttributes: attributes,
      }),
    );
    if (withPassword) {
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: name,
          Password: password,
          Permanent: true,
        }),
      );
    }
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `factors-${stamp}`,
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] } },
      }),
    );
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    clientId = UserPoolClient!.ClientId!;
    await user('verified', [
      { Name: 'email', Value: `factors-${stamp}@example.com` },
      { Name: 'email_verified', Value: 'true' },
    ]);
    await user('plain', [{ Name: 'name', Value: 'No Address' }]);
  });

  // A code goes to the address the user has (a first-factor code sign-in then marks it verified,
  // ADR 0062), so a user without one is offered neither code factor.
  it('answers the first factors USER_AUTH offers: a code only where the user has an address', async () => {
    const verified = await admin.send(
      new AdminGetUserAuthFactorsCommand({ UserPoolId: poolId, Username: 'verified' }),
    );
    expect(verified.Username).toBe('verified');
    expect([...verified.ConfiguredUserAuthFactors!].sort()).toEqual(['EMAIL_OTP', 'PASSWORD']);
    expect(verified.UserMFASettingList).toBeUndefined();
    const plain = await admin.send(
      new AdminGetUserAuthFactorsCommand({ UserPoolId: poolId, Username: 'plain' }),
    );
    expect(plain.ConfiguredUserAuthFactors).toEqual(['PASSWORD']);
  });

  it('answers the holder of an access token the same, about themselves only', async () => {
    const { AuthenticationResult } = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'verified', PASSWORD: password },
      }),
    );
    const own = await app.send(
      new GetUserAuthFactorsCommand({ AccessToken: AuthenticationResult!.AccessToken! }),
    );
    expect(own.Username).toBe('verified');
    expect([...own.ConfiguredUserAuthFactors!].sort()).toEqual(['EMAIL_OTP', 'PASSWORD']);
  });

  it('refuses a forged or malformed token, an unknown user and an unsigned admin call', async () => {
    const { AuthenticationResult } = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'plain', PASSWORD: password },
      }),
    );
    const [header, payload] = AuthenticationResult!.AccessToken!.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const retargeted = Buffer.from(JSON.stringify({ ...claims, username: 'verified' })).toString('base64url');
    await expectAwsError(
      app.send(new GetUserAuthFactorsCommand({ AccessToken: `${header}.${retargeted}.${'A'.repeat(342)}` })),
      'NotAuthorizedException',
    );
    await expectAwsError(
      app.send(new GetUserAuthFactorsCommand({ AccessToken: 'not-a-token' })),
      'NotAuthorizedException',
    );
    await expectAwsError(
      admin.send(new AdminGetUserAuthFactorsCommand({ UserPoolId: poolId, Username: 'nobody' })),
      'UserNotFoundException',
    );
    await expectAwsError(
      app.send(new AdminGetUserAuthFactorsCommand({ UserPoolId: poolId, Username: 'verified' })),
      'UnrecognizedClientException',
    );
  });
});
