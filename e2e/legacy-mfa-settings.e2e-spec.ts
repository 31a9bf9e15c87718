import {
  AdminConfirmSignUpCommand,
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminSetUserSettingsCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SetUserSettingsCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

/**
 * The legacy MFA settings and the administrator's reset of a lost authenticator, through the AWS
 * SDK: SetUserSettings / AdminSetUserSettings turn SMS MFA on and off as the MFA preference does
 * (SMS only, to phone_number), and AdminDeleteSoftwareToken forgets a user's TOTP factor so the
 * lost authenticator's codes no longer count and a new one can be associated. Anonymous, forged
 * and re-targeted calls change nothing.
 */
describe('legacy MFA settings and AdminDeleteSoftwareToken', () => {
  const system = e2eSystem();
  const password = 'Corr3ct-Horse!';
  const stamp = Date.now();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  const totp = (secret: string, steps = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

  interface Pool {
    poolId: string;
    clientId: string;
  }

  async function mfaPool(name: string): Promise<Pool> {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `${name}-${stamp}` }));
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SmsMfaConfiguration: {
          SmsAuthenticationMessage: 'Your code is {####}',
          SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', SnsRegion: 'us-east-1' },
        },
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId, clientId: UserPoolClient!.ClientId! };
  }

  /** A confirmed user with a phone number (verified unless told otherwise); their access token. */
  async function user(pool: Pool, username: string, verified = true): Promise<string> {
    await app.send(
      new SignUpCommand({
        ClientId: pool.clientId,
        Username: username,
        Password: password,
        UserAttributes: [
          { Name: 'phone_number', Value: `+1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}` },
        ],
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.poolId, Username: username }));
    if (verified)
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: pool.poolId,
          Username: username,
          UserAttributes: [{ Name: 'phone_number_verified', Value: 'true' }],
        }),
      );
    return (await passwordAuth(pool, username)).AuthenticationResult!.AccessToken!;
  }

  const passwordAuth = (pool: Pool, username: string) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  const mfaOf = async (pool: Pool, username: string) => {
    const u = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: username }));
    return {
      MFAOptions: u.MFAOptions,
      UserMFASettingList: u.UserMFASettingList,
      Preferred: u.PreferredMfaSetting,
    };
  };

  const SMS = [{ DeliveryMedium: 'SMS' as const, AttributeName: 'phone_number' }];

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  it('SetUserSettings and AdminSetUserSettings turn SMS MFA on and off', async () => {
    const pool = await mfaPool('legacy-settings');
    const AccessToken = await user(pool, 'lena');
    await app.send(new SetUserSettingsCommand({ AccessToken, MFAOptions: SMS }));
    expect(await mfaOf(pool, 'lena')).toEqual({
      MFAOptions: SMS,
      UserMFASettingList: ['SMS_MFA'],
      Preferred: undefined,
    });
    const got = await app.send(new GetUserCommand({ AccessToken }));
    expect(got.MFAOptions).toEqual(SMS);
    // On: the next sign-in asks for the SMS code.
    expect((await passwordAuth(pool, 'lena')).ChallengeName).toBe('SMS_MFA');

    await admin.send(
      new AdminSetUserSettingsCommand({ UserPoolId: pool.poolId, Username: 'lena', MFAOptions: [] }),
    );
    expect(await mfaOf(pool, 'lena')).toEqual({
      MFAOptions: undefined,
      UserMFASettingList: undefined,
      Preferred: undefined,
    });
    expect((await passwordAuth(pool, 'lena')).AuthenticationResult?.AccessToken).toBeDefined();

    await admin.send(
      new AdminSetUserSettingsCommand({ UserPoolId: pool.poolId, Username: 'lena', MFAOptions: SMS }),
    );
    expect((await mfaOf(pool, 'lena')).UserMFASettingList).toEqual(['SMS_MFA']);
    // Turned off the legacy way, a preferred SMS factor stops being preferred.
    await app.send(
      new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true, PreferredMfa: true } }),
    );
    expect((await mfaOf(pool, 'lena')).Preferred).toBe('SMS_MFA');
    await app.send(new SetUserSettingsCommand({ AccessToken, MFAOptions: [] }));
    expect(await mfaOf(pool, 'lena')).toEqual({
      MFAOptions: undefined,
      UserMFASettingList: undefined,
      Preferred: undefined,
    });
  });

  it('refuses email, another attribute, an unverified phone, a bad token and an anonymous admin call', async () => {
    const pool = await mfaPool('legacy-refusals');
    const AccessToken = await user(pool, 'omar');
    for (const MFAOptions of [
      [{ DeliveryMedium: 'EMAIL' as const, AttributeName: 'email' }],
      [{ DeliveryMedium: 'SMS' as const, AttributeName: 'email' }],
      [{ AttributeName: 'phone_number' }],
    ]) {
      await expectAwsError(
        app.send(new SetUserSettingsCommand({ AccessToken, MFAOptions })),
        'InvalidParameterException',
        {
          status: 400,
        },
      );
      await expectAwsError(
        admin.send(
          new AdminSetUserSettingsCommand({ UserPoolId: pool.poolId, Username: 'omar', MFAOptions }),
        ),
        'InvalidParameterException',
        { status: 400 },
      );
    }
    const unverified = await user(pool, 'una', false);
    await expectAwsError(
      app.send(new SetUserSettingsCommand({ AccessToken: unverified, MFAOptions: SMS })),
      'InvalidParameterException',
      { status: 400, message: 'User does not have delivery config set to turn on SMS_MFA' },
    );
    // A forged token: its signature is checked before anything.
    const [h, p] = AccessToken.split('.');
    await expectAwsError(
      app.send(new SetUserSettingsCommand({ AccessToken: `${h}.${p}.${'A'.repeat(86)}`, MFAOptions: SMS })),
      'NotAuthorizedException',
      { status: 400 },
    );
    await expectAwsError(
      app.send(
        new AdminSetUserSettingsCommand({ UserPoolId: pool.poolId, Username: 'omar', MFAOptions: SMS }),
      ),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      admin.send(
        new AdminSetUserSettingsCommand({ UserPoolId: pool.poolId, Username: 'nobody', MFAOptions: SMS }),
      ),
      'UserNotFoundException',
      { status: 400 },
    );
    expect(await mfaOf(pool, 'omar')).toEqual({
      MFAOptions: undefined,
      UserMFASettingList: undefined,
      Preferred: undefined,
    });
    expect(await mfaOf(pool, 'una')).toEqual({
      MFAOptions: undefined,
      UserMFASettingList: undefined,
      Preferred: undefined,
    });
  });

  it('AdminDeleteSoftwareToken forgets a lost authenticator; a new one can be associated', async () => {
    const pool = await mfaPool('delete-totp');
    const AccessToken = await user(pool, 'tara');
    const { SecretCode } = await app.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await app.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode!) }));
    await app.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const challenged = await passwordAuth(pool, 'tara');
    expect(challenged.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');

    expect(
      await admin.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: pool.poolId, Username: 'tara' })),
    ).toMatchObject({ $metadata: { httpStatusCode: 200 } });
    expect(await mfaOf(pool, 'tara')).toEqual({
      MFAOptions: undefined,
      UserMFASettingList: undefined,
      Preferred: undefined,
    });
    // The session started before cannot be finished with the lost authenticator's code.
    await expectAwsError(
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId: pool.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: challenged.Session,
          ChallengeResponses: { USERNAME: 'tara', SOFTWARE_TOKEN_MFA_CODE: totp(SecretCode!, 1) },
        }),
      ),
      'SoftwareTokenMFANotFoundException',
      { status: 400 },
    );
    // Signs in without MFA now (the pool's MFA is optional), and the factor cannot be turned back on.
    const again = await passwordAuth(pool, 'tara');
    expect(again.AuthenticationResult?.AccessToken).toBeDefined();
    await expectAwsError(
      app.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true } })),
      'InvalidParameterException',
      { status: 400, message: 'User has not set up software token mfa' },
    );
    // Deleting it again is answered the same.
    await admin.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: pool.poolId, Username: 'tara' }));
    // A new authenticator.
    const { SecretCode: next } = await app.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(next).not.toBe(SecretCode);
    expect(
      (await app.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(next!) }))).Status,
    ).toBe('SUCCESS');
    await app.send(
      new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true } }),
    );
    expect((await mfaOf(pool, 'tara')).UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('AdminDeleteSoftwareToken: anonymous, re-targeted and unknown users change nothing', async () => {
    const pool = await mfaPool('delete-totp-attacks');
    const other = await mfaPool('delete-totp-other');
    const AccessToken = await user(pool, 'vic');
    const { SecretCode } = await app.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await app.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode!) }));
    await app.send(
      new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true } }),
    );
    await expectAwsError(
      app.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: pool.poolId, Username: 'vic' })),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      admin.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: other.poolId, Username: 'vic' })),
      'UserNotFoundException',
      { status: 400, message: 'User does not exist.' },
    );
    await expectAwsError(
      admin.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: pool.poolId, Username: 'nobody' })),
      'UserNotFoundException',
      { status: 400, message: 'User does not exist.' },
    );
    expect((await mfaOf(pool, 'vic')).UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect((await passwordAuth(pool, 'vic')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  });
});
