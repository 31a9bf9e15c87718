import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { Secret, TOTP } from 'otpauth';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * Software token (TOTP) MFA as apps use it, with the codes an authenticator app would show
 * computed by otpauth (not by idfed's own code): the pool's MFA configuration, enrolment by access
 * token and during sign-in (MFA_SETUP), the SOFTWARE_TOKEN_MFA challenge after USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH and SRP, through the AWS SDK and amazon-cognito-identity-js; and the
 * attacks: replayed codes, another user's code, sessions re-targeted or replayed, guessing.
 *
 * A code is accepted once per user and only a later step's after it (RFC 6238), and codes one
 * step either side of now are accepted: a user verified with the current step's code signs in
 * with the next step's, so no test waits for the clock.
 */
describe('software token MFA', () => {
  const system = e2eSystem();
  const password = 'Corr3ct-Horse!';
  const stamp = Date.now();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  /** The code an authenticator app shows `steps` steps of 30 s from now. */
  const totp = (secret: string, steps = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + steps * 30_000 });

  interface Pool {
    poolId: string;
    clientId: string;
    otherClientId: string;
  }

  async function mfaPool(name: string, mode: 'ON' | 'OPTIONAL'): Promise<Pool> {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `${name}-${stamp}` }));
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: mode,
        SoftwareTokenMfaConfiguration: { Enabled: true },
      }),
    );
    const client = async () => {
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'app',
          ExplicitAuthFlows: [
            'ALLOW_USER_PASSWORD_AUTH',
            'ALLOW_ADMIN_USER_PASSWORD_AUTH',
            'ALLOW_USER_SRP_AUTH',
            'ALLOW_REFRESH_TOKEN_AUTH',
          ],
        }),
      );
      return UserPoolClient!.ClientId!;
    };
    return { poolId, clientId: await client(), otherClientId: await client() };
  }

  async function confirmedUser(pool: Pool, username: string): Promise<void> {
    await app.send(new SignUpCommand({ ClientId: pool.clientId, Username: username, Password: password }));
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.poolId, Username: username }));
  }

  const passwordAuth = (pool: Pool, username: string, ClientId = pool.clientId) =>
    app.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  const answerTotp = (
    pool: Pool,
    username: string,
    Session: string | undefined,
    code: string,
    ClientId = pool.clientId,
  ) =>
    app.send(
      new RespondToAuthChallengeCommand({
        ClientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session,
        ChallengeResponses: { USERNAME: username, SOFTWARE_TOKEN_MFA_CODE: code },
      }),
    );

  /**
   * A user of an OPTIONAL pool who enrolled with their access token, as an app's settings page
   * does: AssociateSoftwareToken, VerifySoftwareToken with the current code, SetUserMFAPreference.
   * Returns the secret their authenticator app holds.
   */
  async function enrolledUser(pool: Pool, username: string): Promise<string> {
    await confirmedUser(pool, username);
    const signedIn = await passwordAuth(pool, username);
    const AccessToken = signedIn.AuthenticationResult!.AccessToken!;
    const { SecretCode } = await app.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    const verified = await app.send(
      new VerifySoftwareTokenCommand({
        AccessToken,
        UserCode: totp(SecretCode!),
        FriendlyDeviceName: 'phone',
      }),
    );
    expect(verified.Status).toBe('SUCCESS');
    await app.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    return SecretCode!;
  }

  function jsPool(pool: Pool): CognitoUserPool {
    return new CognitoUserPool({
      UserPoolId: pool.poolId,
      ClientId: pool.clientId,
      endpoint: system.endpoint,
    });
  }

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  describe("the pool's MFA configuration", () => {
    it('is set and read with SetUserPoolMfaConfig / GetUserPoolMfaConfig, and shown by DescribeUserPool', async () => {
      const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `mfa-config-${stamp}` }));
      const UserPoolId = UserPool!.Id!;
      pools.push(UserPoolId);
      expect(UserPool!.MfaConfiguration).toBe('OFF');
      expect(await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).toMatchObject({
        MfaConfiguration: 'OFF',
        SoftwareTokenMfaConfiguration: { Enabled: false },
      });
      const sms = {
        SmsAuthenticationMessage: 'Your code is {####}',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'ext' },
      };
      const set = await admin.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId,
          MfaConfiguration: 'OPTIONAL',
          SoftwareTokenMfaConfiguration: { Enabled: true },
          SmsMfaConfiguration: sms,
        }),
      );
      expect(set).toMatchObject({
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: sms,
      });
      const got = await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId }));
      expect(got).toMatchObject({
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: sms,
      });
      const described = await admin.send(new DescribeUserPoolCommand({ UserPoolId }));
      expect(described.UserPool!.MfaConfiguration).toBe('OPTIONAL');
    });

    it('takes MfaConfiguration at CreateUserPool with SMS as Cognito does; the software token then takes effect', async () => {
      await expectAwsError(
        admin.send(new CreateUserPoolCommand({ PoolName: `mfa-create-${stamp}`, MfaConfiguration: 'ON' })),
        'InvalidParameterException',
        'SMS configuration and Auto verification for phone_number are required when MFA is required/optional',
      );
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({
          PoolName: `mfa-create-${stamp}`,
          MfaConfiguration: 'ON',
          AutoVerifiedAttributes: ['phone_number'],
          SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'ext' },
        }),
      );
      const UserPoolId = UserPool!.Id!;
      pools.push(UserPoolId);
      expect(UserPool).toMatchObject({
        MfaConfiguration: 'ON',
        SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', ExternalId: 'ext' },
      });
      expect(await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).toMatchObject({
        MfaConfiguration: 'ON',
        SoftwareTokenMfaConfiguration: { Enabled: false },
        SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns' } },
      });
      await admin.send(
        new SetUserPoolMfaConfigCommand({ UserPoolId, SoftwareTokenMfaConfiguration: { Enabled: true } }),
      );
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      const pool = { poolId: UserPoolId, clientId: UserPoolClient!.ClientId!, otherClientId: '' };
      await confirmedUser(pool, 'zed');
      const started = await passwordAuth(pool, 'zed');
      expect(started.ChallengeName).toBe('MFA_SETUP');
      expect(started.AuthenticationResult).toBeUndefined();
    });

    it('refuses ON without a factor, an unknown mode, and an unknown pool', async () => {
      const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `mfa-refused-${stamp}` }));
      const UserPoolId = UserPool!.Id!;
      pools.push(UserPoolId);
      await expectAwsError(
        admin.send(new SetUserPoolMfaConfigCommand({ UserPoolId, MfaConfiguration: 'ON' })),
        'InvalidParameterException',
        "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
      );
      await expectAwsError(
        admin.send(new SetUserPoolMfaConfigCommand({ UserPoolId, MfaConfiguration: 'ALWAYS' as never })),
        'InvalidParameterException',
      );
      await expectAwsError(
        admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: 'us-east-1_nothere' })),
        'ResourceNotFoundException',
      );
      // Nothing changed by the refusals.
      expect((await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId }))).MfaConfiguration).toBe(
        'OFF',
      );
    });

    it('refuses SetUserPoolMfaConfig to a caller without the admin key', async () => {
      await expectAwsError(
        app.send(new SetUserPoolMfaConfigCommand({ UserPoolId: 'us-east-1_any', MfaConfiguration: 'OFF' })),
        'UnrecognizedClientException',
      );
    });
  });

  describe('enrolment with an access token, then SOFTWARE_TOKEN_MFA (AWS SDK)', () => {
    it('asks an enrolled user for the code after the password, and gives tokens only after it', async () => {
      const pool = await mfaPool('mfa-sdk', 'OPTIONAL');
      const secret = await enrolledUser(pool, 'ann');
      const started = await passwordAuth(pool, 'ann');
      expect(started.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      expect(started.AuthenticationResult).toBeUndefined();
      expect(started.Session).toEqual(expect.any(String));
      const done = await answerTotp(pool, 'ann', started.Session, totp(secret, 1));
      expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
      expect(done.ChallengeName).toBeUndefined();
      const me = await app.send(new GetUserCommand({ AccessToken: done.AuthenticationResult!.AccessToken }));
      expect(me).toMatchObject({
        UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
        PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      });
      expect(me.MFAOptions).toBeUndefined();
      const byAdmin = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: 'ann' }));
      expect(byAdmin).toMatchObject({
        UserMFASettingList: ['SOFTWARE_TOKEN_MFA'],
        PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      });
    });

    it('shows no MFA setting until the token is verified and turned on', async () => {
      const pool = await mfaPool('mfa-pending', 'OPTIONAL');
      await confirmedUser(pool, 'bea');
      const AccessToken = (await passwordAuth(pool, 'bea')).AuthenticationResult!.AccessToken!;
      const { SecretCode } = await app.send(new AssociateSoftwareTokenCommand({ AccessToken }));
      expect(SecretCode).toMatch(/^[A-Z2-7]{32}$/);
      // Turning on a token never verified is refused.
      await expectAwsError(
        app.send(
          new SetUserMFAPreferenceCommand({
            AccessToken,
            SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
          }),
        ),
        'InvalidParameterException',
        'User has not set up software token mfa',
      );
      // A wrong code: Cognito's EnableSoftwareTokenMFAException.
      const wrong = String((Number(totp(SecretCode!)) + 1) % 1_000_000).padStart(6, '0');
      await expectAwsError(
        app.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: wrong })),
        'EnableSoftwareTokenMFAException',
        'Code mismatch and fail enable Software Token MFA',
      );
      await app.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode!) }));
      const me = await app.send(new GetUserCommand({ AccessToken }));
      expect(me.UserMFASettingList).toBeUndefined();
      // Verified but not on: the OPTIONAL pool signs the user in with the password alone.
      expect((await passwordAuth(pool, 'bea')).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    });

    it('asks ADMIN_USER_PASSWORD_AUTH for the code too, answered with AdminRespondToAuthChallenge', async () => {
      const pool = await mfaPool('mfa-admin', 'OPTIONAL');
      const secret = await enrolledUser(pool, 'cid');
      const started = await admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'cid', PASSWORD: password },
        }),
      );
      expect(started.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      expect(started.AuthenticationResult).toBeUndefined();
      const done = await admin.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: started.Session,
          ChallengeResponses: { USERNAME: 'cid', SOFTWARE_TOKEN_MFA_CODE: totp(secret, 1) },
        }),
      );
      expect(done.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    });

    it('lets an administrator turn the token off and on again with AdminSetUserMFAPreference', async () => {
      const pool = await mfaPool('mfa-admin-pref', 'OPTIONAL');
      await enrolledUser(pool, 'dot');
      await admin.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: pool.poolId,
          Username: 'dot',
          SoftwareTokenMfaSettings: { Enabled: false },
        }),
      );
      const off = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: 'dot' }));
      expect(off.UserMFASettingList).toBeUndefined();
      expect(off.PreferredMfaSetting).toBeUndefined();
      expect((await passwordAuth(pool, 'dot')).AuthenticationResult).toBeDefined();
      await admin.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: pool.poolId,
          Username: 'dot',
          SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      );
      expect((await passwordAuth(pool, 'dot')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      await expectAwsError(
        admin.send(
          new AdminSetUserMFAPreferenceCommand({
            UserPoolId: pool.poolId,
            Username: 'nobody',
            SoftwareTokenMfaSettings: { Enabled: false },
          }),
        ),
        'UserNotFoundException',
      );
    });

    it('stops asking once the pool turns MFA off', async () => {
      const pool = await mfaPool('mfa-off', 'OPTIONAL');
      await enrolledUser(pool, 'eve');
      expect((await passwordAuth(pool, 'eve')).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
      await admin.send(new SetUserPoolMfaConfigCommand({ UserPoolId: pool.poolId, MfaConfiguration: 'OFF' }));
      expect((await passwordAuth(pool, 'eve')).AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    });
  });

  describe('amazon-cognito-identity-js', () => {
    function srpSignIn(pool: Pool, username: string, code: () => string): Promise<CognitoUserSession> {
      const user = new CognitoUser({ Username: username, Pool: jsPool(pool) });
      return new Promise((resolve, reject) =>
        user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
          onSuccess: resolve,
          onFailure: reject,
          totpRequired: (challengeName) => {
            expect(challengeName).toBe('SOFTWARE_TOKEN_MFA');
            user.sendMFACode(code(), { onSuccess: resolve, onFailure: reject }, 'SOFTWARE_TOKEN_MFA');
          },
        }),
      );
    }

    it('enrols a signed-in user (associateSoftwareToken, verifySoftwareToken, setUserMfaPreference), then signs in with SRP and sendMFACode', async () => {
      const pool = await mfaPool('mfa-js', 'OPTIONAL');
      await confirmedUser(pool, 'fay');
      const user = new CognitoUser({ Username: 'fay', Pool: jsPool(pool) });
      await new Promise((resolve, reject) =>
        user.authenticateUser(new AuthenticationDetails({ Username: 'fay', Password: password }), {
          onSuccess: resolve,
          onFailure: reject,
        }),
      );
      const secret = await new Promise<string>((resolve, reject) =>
        user.associateSoftwareToken({ associateSecretCode: resolve, onFailure: reject }),
      );
      await new Promise((resolve, reject) =>
        user.verifySoftwareToken(totp(secret), 'phone', { onSuccess: resolve, onFailure: reject }),
      );
      await new Promise((resolve, reject) =>
        user.setUserMfaPreference(null, { Enabled: true, PreferredMfa: true }, (err, result) =>
          err ? reject(err) : resolve(result),
        ),
      );
      const session = await srpSignIn(pool, 'fay', () => totp(secret, 1));
      expect(session.isValid()).toBe(true);
      expect(session.getIdToken().decodePayload()['cognito:username']).toBe('fay');
    });

    it('reports a wrong code through onFailure as CodeMismatchException', async () => {
      const pool = await mfaPool('mfa-js-wrong', 'OPTIONAL');
      const secret = await enrolledUser(pool, 'gus');
      const wrong = String((Number(totp(secret, 1)) + 500_000) % 1_000_000).padStart(6, '0');
      await expectAwsError(
        srpSignIn(pool, 'gus', () => wrong),
        'CodeMismatchException',
        'Invalid code received for user',
      );
    });

    it('sets up MFA during sign-in in a pool that requires it (mfaSetup, associateSoftwareToken, verifySoftwareToken)', async () => {
      const pool = await mfaPool('mfa-js-setup', 'ON');
      await confirmedUser(pool, 'hal');
      const user = new CognitoUser({ Username: 'hal', Pool: jsPool(pool) });
      let secret = '';
      const session = await new Promise<CognitoUserSession>((resolve, reject) =>
        user.authenticateUser(new AuthenticationDetails({ Username: 'hal', Password: password }), {
          onSuccess: () => reject(new Error('tokens before MFA was set up')),
          onFailure: reject,
          mfaSetup: (challengeName, parameters: Record<string, string>) => {
            expect(challengeName).toBe('MFA_SETUP');
            expect(JSON.parse(parameters.MFAS_CAN_SETUP)).toEqual(['SOFTWARE_TOKEN_MFA']);
            user.associateSoftwareToken({
              associateSecretCode: (code: string) => {
                secret = code;
                user.verifySoftwareToken(totp(code), 'phone', { onSuccess: resolve, onFailure: reject });
              },
              onFailure: reject,
            });
          },
        }),
      );
      expect(session.isValid()).toBe(true);
      const me = await app.send(new GetUserCommand({ AccessToken: session.getAccessToken().getJwtToken() }));
      expect(me.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
      // The next sign-in asks for the code.
      expect((await srpSignIn(pool, 'hal', () => totp(secret, 1))).isValid()).toBe(true);
    });
  });

  describe('MFA_SETUP through the AWS SDK', () => {
    it('goes InitiateAuth, AssociateSoftwareToken and VerifySoftwareToken by Session, RespondToAuthChallenge', async () => {
      const pool = await mfaPool('mfa-setup-sdk', 'ON');
      await confirmedUser(pool, 'ivy');
      const started = await passwordAuth(pool, 'ivy');
      expect(started).toMatchObject({
        ChallengeName: 'MFA_SETUP',
        ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' },
      });
      expect(started.AuthenticationResult).toBeUndefined();
      const associated = await app.send(new AssociateSoftwareTokenCommand({ Session: started.Session }));
      expect(associated.SecretCode).toMatch(/^[A-Z2-7]{32}$/);
      expect(associated.Session).toEqual(expect.any(String));
      // The challenge's Session was used: it cannot be used to associate again.
      await expectAwsError(
        app.send(new AssociateSoftwareTokenCommand({ Session: started.Session })),
        'NotAuthorizedException',
        'Invalid session for the user, session can only be used once.',
      );
      // The Session cannot skip verification.
      await expectAwsError(
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: pool.clientId,
            ChallengeName: 'MFA_SETUP',
            Session: associated.Session,
            ChallengeResponses: { USERNAME: 'ivy' },
          }),
        ),
        'NotAuthorizedException',
      );
      const verified = await app.send(
        new VerifySoftwareTokenCommand({
          Session: associated.Session,
          UserCode: totp(associated.SecretCode!),
        }),
      );
      expect(verified.Status).toBe('SUCCESS');
      // Another app client of the pool cannot finish the sign-in with that Session.
      await expectAwsError(
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: pool.otherClientId,
            ChallengeName: 'MFA_SETUP',
            Session: verified.Session,
            ChallengeResponses: { USERNAME: 'ivy' },
          }),
        ),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
      const done = await app.send(
        new RespondToAuthChallengeCommand({
          ClientId: pool.clientId,
          ChallengeName: 'MFA_SETUP',
          Session: verified.Session,
          ChallengeResponses: { USERNAME: 'ivy' },
        }),
      );
      expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
      // And once only.
      await expectAwsError(
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: pool.clientId,
            ChallengeName: 'MFA_SETUP',
            Session: verified.Session,
            ChallengeResponses: { USERNAME: 'ivy' },
          }),
        ),
        'NotAuthorizedException',
        'Invalid session for the user, session can only be used once.',
      );
    });

    it('refuses AssociateSoftwareToken with both, neither or a forged credential', async () => {
      await expectAwsError(app.send(new AssociateSoftwareTokenCommand({})), 'InvalidParameterException');
      await expectAwsError(
        app.send(new AssociateSoftwareTokenCommand({ Session: 'AYABeKab1OyQW' + 'x'.repeat(100) })),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
      await expectAwsError(
        app.send(new AssociateSoftwareTokenCommand({ AccessToken: 'eyJ.forged.token' })),
        'NotAuthorizedException',
      );
    });
  });

  describe('attacks', () => {
    it('refuses a replayed code, even with a fresh session', async () => {
      const pool = await mfaPool('mfa-replay', 'OPTIONAL');
      const secret = await enrolledUser(pool, 'jon');
      const code = totp(secret, 1);
      const first = await passwordAuth(pool, 'jon');
      expect((await answerTotp(pool, 'jon', first.Session, code)).AuthenticationResult).toBeDefined();
      const second = await passwordAuth(pool, 'jon');
      await expectAwsError(
        answerTotp(pool, 'jon', second.Session, code),
        'CodeMismatchException',
        'Invalid code received for user',
      );
      // The code VerifySoftwareToken accepted cannot sign in either.
      const third = await passwordAuth(pool, 'jon');
      await expectAwsError(answerTotp(pool, 'jon', third.Session, totp(secret, -1)), 'CodeMismatchException');
    });

    it("refuses another user's code, and a session re-targeted to another user or app client", async () => {
      const pool = await mfaPool('mfa-retarget', 'OPTIONAL');
      const kimSecret = await enrolledUser(pool, 'kim');
      const leoSecret = await enrolledUser(pool, 'leo');
      const kim = await passwordAuth(pool, 'kim');
      // Leo's valid code on Kim's challenge.
      const leoCode = totp(leoSecret, 1);
      if (leoCode !== totp(kimSecret, 1)) {
        await expectAwsError(answerTotp(pool, 'kim', kim.Session, leoCode), 'CodeMismatchException');
      }
      // Kim's session answered as Leo, with Leo's right code: not Leo's session.
      const kim2 = await passwordAuth(pool, 'kim');
      await expectAwsError(
        answerTotp(pool, 'leo', kim2.Session, leoCode),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
      // Kim's session presented to the pool's other app client.
      const kim3 = await passwordAuth(pool, 'kim');
      await expectAwsError(
        answerTotp(pool, 'kim', kim3.Session, totp(kimSecret, 1), pool.otherClientId),
        'NotAuthorizedException',
      );
      // An unknown user: the same answer as another user's name.
      await expectAwsError(
        answerTotp(pool, 'nobody', kim3.Session, '123456'),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
      // Leo's code was refused, not consumed: Leo still signs in with it.
      const leo = await passwordAuth(pool, 'leo');
      expect((await answerTotp(pool, 'leo', leo.Session, leoCode)).AuthenticationResult).toBeDefined();
    });

    it('uses a session up on a wrong code', async () => {
      const pool = await mfaPool('mfa-once', 'OPTIONAL');
      const secret = await enrolledUser(pool, 'max');
      const started = await passwordAuth(pool, 'max');
      const right = totp(secret, 1);
      const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
      await expectAwsError(answerTotp(pool, 'max', started.Session, wrong), 'CodeMismatchException');
      await expectAwsError(
        answerTotp(pool, 'max', started.Session, right),
        'NotAuthorizedException',
        'Invalid session for the user, session can only be used once.',
      );
    });

    it('locks the user out after five wrong codes: then even the right code is refused', async () => {
      const pool = await mfaPool('mfa-guess', 'OPTIONAL');
      const secret = await enrolledUser(pool, 'ned');
      const right = totp(secret, 1);
      const wrongs = [1, 2, 3, 4, 5].map((n) =>
        String((Number(right) + n * 111_111) % 1_000_000).padStart(6, '0'),
      );
      for (const wrong of wrongs) {
        const started = await passwordAuth(pool, 'ned');
        await expectAwsError(answerTotp(pool, 'ned', started.Session, wrong), 'CodeMismatchException');
      }
      const started = await passwordAuth(pool, 'ned');
      await expectAwsError(
        answerTotp(pool, 'ned', started.Session, right),
        'NotAuthorizedException',
        'Password attempts exceeded',
      );
    });
  });
});
