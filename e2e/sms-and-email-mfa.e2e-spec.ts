import { randomInt } from 'node:crypto';
import {
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  GetUserCommand,
  GetUserPoolMfaConfigCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark, messageSentTo } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * SMS and email MFA as apps use them (ADR 0022): the pool's SmsMfaConfiguration and
 * EmailMfaConfiguration, users turning the factors on (verified phone or email required), the
 * SMS_MFA, EMAIL_OTP and SELECT_MFA_TYPE challenges after USER_PASSWORD_AUTH,
 * ADMIN_USER_PASSWORD_AUTH and SRP, through the AWS SDK and amazon-cognito-identity-js's
 * mfaRequired / selectMFAType / sendMFACode. Codes are read where a phone or inbox would get them:
 * the dev mailbox in embedded mode; in distributed mode the SNS stand-in (SMS through idfed's SNS
 * adapter) and the SMTP capture. Attacks: replayed codes, the code of another session, sessions
 * re-targeted to another user or app client, guessing until the lockout.
 */
describe('SMS and email MFA', () => {
  const system = e2eSystem();
  const password = 'Corr3ct-Horse!';
  const stamp = Date.now();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  interface Pool {
    poolId: string;
    clientId: string;
    otherClientId: string;
  }

  interface User {
    username: string;
    email: string;
    phone: string;
  }

  const SMS_MESSAGE = 'Your idfed sign-in code is {####}';

  async function mfaPool(name: string, mode: 'ON' | 'OPTIONAL' = 'OPTIONAL'): Promise<Pool> {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `${name}-${stamp}` }));
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: mode,
        SmsMfaConfiguration: {
          SmsAuthenticationMessage: SMS_MESSAGE,
          SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', SnsRegion: 'us-east-1' },
        },
        EmailMfaConfiguration: { Subject: 'Your sign-in code', Message: 'Sign-in code: {####}' },
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

  /** A confirmed user with an email and a phone number, both verified unless told otherwise. */
  async function user(pool: Pool, name: string, verified = true): Promise<User> {
    const u = {
      username: name,
      email: `${name}-${stamp}@example.com`,
      phone: `+1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`,
    };
    await app.send(
      new SignUpCommand({
        ClientId: pool.clientId,
        Username: name,
        Password: password,
        UserAttributes: [
          { Name: 'email', Value: u.email },
          { Name: 'phone_number', Value: u.phone },
        ],
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.poolId, Username: name }));
    if (verified) {
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: pool.poolId,
          Username: name,
          UserAttributes: [
            { Name: 'email_verified', Value: 'true' },
            { Name: 'phone_number_verified', Value: 'true' },
          ],
        }),
      );
    }
    return u;
  }

  async function withFactors(
    pool: Pool,
    u: User,
    factors: { sms?: boolean; email?: boolean; preferred?: 'SMS_MFA' | 'EMAIL_OTP' },
  ): Promise<void> {
    await admin.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: pool.poolId,
        Username: u.username,
        ...(factors.sms
          ? { SMSMfaSettings: { Enabled: true, PreferredMfa: factors.preferred === 'SMS_MFA' } }
          : {}),
        ...(factors.email
          ? { EmailMfaSettings: { Enabled: true, PreferredMfa: factors.preferred === 'EMAIL_OTP' } }
          : {}),
      }),
    );
  }

  const passwordAuth = (pool: Pool, username: string, ClientId = pool.clientId) =>
    app.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  const answer = (
    pool: Pool,
    ChallengeName: 'SMS_MFA' | 'EMAIL_OTP',
    username: string,
    Session: string | undefined,
    code: string,
    ClientId = pool.clientId,
  ) =>
    app.send(
      new RespondToAuthChallengeCommand({
        ClientId,
        ChallengeName,
        Session,
        ChallengeResponses: { USERNAME: username, [`${ChallengeName}_CODE`]: code },
      }),
    );

  /** The code sent to `to` after `mark` (SMS or email, wherever this mode delivers it). */
  async function codeTo(to: string, mark: number): Promise<string> {
    const text = await messageSentTo(to, system, { after: mark });
    // The pools' messages: "... code is 123456" (SMS), "Sign-in code: 123456" (email).
    return /code(?: is|:) (\d{6})/.exec(text)![1];
  }

  /** A sign-in that gets to the SMS_MFA or EMAIL_OTP challenge, with the code it sent. */
  async function challenged(pool: Pool, u: User, medium: 'SMS' | 'EMAIL' = 'SMS', ClientId = pool.clientId) {
    const mark = mailboxMark(system);
    const started = await passwordAuth(pool, u.username, ClientId);
    const code = await codeTo(medium === 'SMS' ? u.phone : u.email, mark);
    return { started, code };
  }

  const otherThan = (code: string, n = 1) =>
    String((Number(code) + n * 111_111) % 1_000_000).padStart(6, '0');

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  describe("the pool's SMS and email MFA configuration", () => {
    it('is set and read back with SetUserPoolMfaConfig / GetUserPoolMfaConfig', async () => {
      const pool = await mfaPool('otp-config');
      expect(await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pool.poolId }))).toMatchObject({
        MfaConfiguration: 'OPTIONAL',
        SmsMfaConfiguration: {
          SmsAuthenticationMessage: SMS_MESSAGE,
          SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', SnsRegion: 'us-east-1' },
        },
        EmailMfaConfiguration: { Subject: 'Your sign-in code', Message: 'Sign-in code: {####}' },
        SoftwareTokenMfaConfiguration: { Enabled: true },
      });
    });

    it('refuses messages without the {####} placeholder, and changes nothing', async () => {
      const pool = await mfaPool('otp-config-bad');
      await expectAwsError(
        admin.send(
          new SetUserPoolMfaConfigCommand({
            UserPoolId: pool.poolId,
            SmsMfaConfiguration: { SmsAuthenticationMessage: 'Your code is here' },
          }),
        ),
        'InvalidParameterException',
      );
      await expectAwsError(
        admin.send(
          new SetUserPoolMfaConfigCommand({
            UserPoolId: pool.poolId,
            EmailMfaConfiguration: { Subject: 'x', Message: 'Your code is here' },
          }),
        ),
        'InvalidParameterException',
      );
      const got = await admin.send(new GetUserPoolMfaConfigCommand({ UserPoolId: pool.poolId }));
      expect(got.SmsMfaConfiguration?.SmsAuthenticationMessage).toBe(SMS_MESSAGE);
      expect(got.EmailMfaConfiguration?.Message).toBe('Sign-in code: {####}');
    });
  });

  describe("a user's SMS and email factors", () => {
    it('need a verified phone number or email to be turned on', async () => {
      const pool = await mfaPool('otp-pref');
      const u = await user(pool, 'uma', false);
      const AccessToken = (await passwordAuth(pool, u.username)).AuthenticationResult!.AccessToken!;
      await expectAwsError(
        app.send(new SetUserMFAPreferenceCommand({ AccessToken, SMSMfaSettings: { Enabled: true } })),
        'InvalidParameterException',
        'User does not have delivery config set to turn on SMS_MFA',
      );
      await expectAwsError(
        admin.send(
          new AdminSetUserMFAPreferenceCommand({
            UserPoolId: pool.poolId,
            Username: u.username,
            EmailMfaSettings: { Enabled: true, PreferredMfa: true },
          }),
        ),
        'InvalidParameterException',
        'User does not have delivery config set to turn on EMAIL_OTP',
      );
      const me = await app.send(new GetUserCommand({ AccessToken }));
      expect(me.UserMFASettingList).toBeUndefined();
      expect(me.MFAOptions).toBeUndefined();
    });

    it('are shown by GetUser and AdminGetUser: MFAOptions, UserMFASettingList, PreferredMfaSetting', async () => {
      const pool = await mfaPool('otp-get');
      const u = await user(pool, 'val');
      const AccessToken = (await passwordAuth(pool, u.username)).AuthenticationResult!.AccessToken!;
      await app.send(
        new SetUserMFAPreferenceCommand({
          AccessToken,
          SMSMfaSettings: { Enabled: true },
          EmailMfaSettings: { Enabled: true, PreferredMfa: true },
        }),
      );
      const expected = {
        MFAOptions: [{ DeliveryMedium: 'SMS', AttributeName: 'phone_number' }],
        UserMFASettingList: ['SMS_MFA', 'EMAIL_OTP'],
        PreferredMfaSetting: 'EMAIL_OTP',
      };
      expect(await app.send(new GetUserCommand({ AccessToken }))).toMatchObject(expected);
      expect(
        await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: u.username })),
      ).toMatchObject(expected);
      await expectAwsError(
        app.send(
          new SetUserMFAPreferenceCommand({
            AccessToken,
            SMSMfaSettings: { PreferredMfa: true },
            EmailMfaSettings: { PreferredMfa: true },
          }),
        ),
        'InvalidParameterException',
      );
    });
  });

  describe('sign-in with SMS_MFA and EMAIL_OTP (AWS SDK)', () => {
    it('sends SMS_MFA with the pool message after USER_PASSWORD_AUTH; tokens only after the code', async () => {
      const pool = await mfaPool('otp-sms');
      const u = await user(pool, 'sam');
      await withFactors(pool, u, { sms: true });
      const mark = mailboxMark(system);
      const started = await passwordAuth(pool, u.username);
      expect(started.ChallengeName).toBe('SMS_MFA');
      expect(started.AuthenticationResult).toBeUndefined();
      expect(started.ChallengeParameters).toEqual({
        CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
        CODE_DELIVERY_DESTINATION: `+*******${u.phone.slice(-4)}`,
      });
      const text = await messageSentTo(u.phone, system, { after: mark });
      expect(text).toMatch(/^Your idfed sign-in code is \d{6}$/);
      const code = /(\d{6})/.exec(text)![1];
      const done = await answer(pool, 'SMS_MFA', u.username, started.Session, code);
      expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
      expect(done.ChallengeName).toBeUndefined();
    });

    it('sends EMAIL_OTP after ADMIN_USER_PASSWORD_AUTH, answered with AdminRespondToAuthChallenge', async () => {
      const pool = await mfaPool('otp-email');
      const u = await user(pool, 'eli');
      await withFactors(pool, u, { email: true });
      const mark = mailboxMark(system);
      const started = await admin.send(
        new AdminInitiateAuthCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: u.username, PASSWORD: password },
        }),
      );
      expect(started).toMatchObject({
        ChallengeName: 'EMAIL_OTP',
        ChallengeParameters: {
          CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
          CODE_DELIVERY_DESTINATION: 'e***@e***',
        },
      });
      const code = await codeTo(u.email, mark);
      const done = await admin.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          ChallengeName: 'EMAIL_OTP',
          Session: started.Session,
          ChallengeResponses: { USERNAME: u.username, EMAIL_OTP_CODE: code },
        }),
      );
      expect(done.AuthenticationResult?.IdToken).toEqual(expect.any(String));
    });

    it('asks SELECT_MFA_TYPE when SMS and email are on and none preferred; ANSWER picks one', async () => {
      const pool = await mfaPool('otp-select');
      const u = await user(pool, 'sol');
      await withFactors(pool, u, { sms: true, email: true });
      const started = await passwordAuth(pool, u.username);
      expect(started).toMatchObject({
        ChallengeName: 'SELECT_MFA_TYPE',
        ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA","EMAIL_OTP"]' },
      });
      const mark = mailboxMark(system);
      const chosen = await app.send(
        new RespondToAuthChallengeCommand({
          ClientId: pool.clientId,
          ChallengeName: 'SELECT_MFA_TYPE',
          Session: started.Session,
          ChallengeResponses: { USERNAME: u.username, ANSWER: 'EMAIL_OTP' },
        }),
      );
      expect(chosen.ChallengeName).toBe('EMAIL_OTP');
      const done = await answer(pool, 'EMAIL_OTP', u.username, chosen.Session, await codeTo(u.email, mark));
      expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
      // The preferred factor skips the choice.
      await withFactors(pool, u, { sms: true, email: true, preferred: 'SMS_MFA' });
      expect((await passwordAuth(pool, u.username)).ChallengeName).toBe('SMS_MFA');
    });

    it('sends a code to the verified phone of a user with no factor when the pool requires MFA', async () => {
      const pool = await mfaPool('otp-required', 'ON');
      const u = await user(pool, 'reg');
      const { started, code } = await challenged(pool, u);
      expect(started.ChallengeName).toBe('SMS_MFA');
      expect(
        (await answer(pool, 'SMS_MFA', u.username, started.Session, code)).AuthenticationResult,
      ).toBeDefined();
    });
  });

  describe('amazon-cognito-identity-js', () => {
    function jsUser(pool: Pool, username: string): CognitoUser {
      return new CognitoUser({
        Username: username,
        Pool: new CognitoUserPool({
          UserPoolId: pool.poolId,
          ClientId: pool.clientId,
          endpoint: system.endpoint,
        }),
      });
    }

    it('signs in with SRP, mfaRequired and sendMFACode', async () => {
      const pool = await mfaPool('otp-js');
      const u = await user(pool, 'jon');
      await withFactors(pool, u, { sms: true });
      const mark = mailboxMark(system);
      const cognitoUser = jsUser(pool, u.username);
      const seen: Record<string, string>[] = [];
      const session = await new Promise<CognitoUserSession>((resolve, reject) =>
        cognitoUser.authenticateUser(
          new AuthenticationDetails({ Username: u.username, Password: password }),
          {
            onSuccess: resolve,
            onFailure: reject,
            mfaRequired: (challengeName, parameters: Record<string, string>) => {
              expect(challengeName).toBe('SMS_MFA');
              seen.push(parameters);
              codeTo(u.phone, mark).then(
                (code) => cognitoUser.sendMFACode(code, { onSuccess: resolve, onFailure: reject }),
                reject,
              );
            },
          },
        ),
      );
      expect(seen).toEqual([
        { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: expect.any(String) },
      ]);
      expect(session.isValid()).toBe(true);
    });

    it('chooses SMS_MFA with selectMFAType and sendMFASelectionAnswer, then sendMFACode', async () => {
      const pool = await mfaPool('otp-js-select');
      const u = await user(pool, 'kit');
      await withFactors(pool, u, { sms: true, email: true });
      const cognitoUser = jsUser(pool, u.username);
      let offered = '';
      const session = await new Promise<CognitoUserSession>((resolve, reject) => {
        const callbacks = {
          onSuccess: resolve,
          onFailure: reject,
          mfaRequired: () => undefined as unknown,
          selectMFAType: (_name: string, parameters: Record<string, string>) => {
            offered = parameters.MFAS_CAN_CHOOSE;
            const mark = mailboxMark(system);
            cognitoUser.sendMFASelectionAnswer('SMS_MFA', {
              onSuccess: resolve,
              onFailure: reject,
              mfaRequired: (challengeName: string) => {
                expect(challengeName).toBe('SMS_MFA');
                codeTo(u.phone, mark).then(
                  (code) => cognitoUser.sendMFACode(code, { onSuccess: resolve, onFailure: reject }),
                  reject,
                );
              },
              totpRequired: () => reject(new Error('asked for a software token')),
            });
          },
        };
        cognitoUser.authenticateUser(
          new AuthenticationDetails({ Username: u.username, Password: password }),
          callbacks,
        );
      });
      expect(JSON.parse(offered)).toEqual(['SMS_MFA', 'EMAIL_OTP']);
      expect(session.isValid()).toBe(true);
    });
  });

  describe('attacks', () => {
    it('refuses a replayed code: the session and the code are used up', async () => {
      const pool = await mfaPool('otp-replay');
      const u = await user(pool, 'rex');
      await withFactors(pool, u, { sms: true });
      const { started, code } = await challenged(pool, u);
      await answer(pool, 'SMS_MFA', u.username, started.Session, code);
      await expectAwsError(
        answer(pool, 'SMS_MFA', u.username, started.Session, code),
        'NotAuthorizedException',
        'Invalid session for the user, session can only be used once.',
      );
    });

    it("refuses the code of another sign-in of the same user, and another user's code", async () => {
      const pool = await mfaPool('otp-other-code');
      const [ann, bob] = [await user(pool, 'ann'), await user(pool, 'bob')];
      await withFactors(pool, ann, { sms: true });
      await withFactors(pool, bob, { sms: true });
      const first = await challenged(pool, ann);
      const second = await challenged(pool, ann);
      const bobs = await challenged(pool, bob);
      if (first.code !== second.code) {
        await expectAwsError(
          answer(pool, 'SMS_MFA', ann.username, second.started.Session, first.code),
          'CodeMismatchException',
          'Invalid code or auth state for the user.',
        );
      }
      const third = await challenged(pool, ann);
      if (bobs.code !== third.code) {
        await expectAwsError(
          answer(pool, 'SMS_MFA', ann.username, third.started.Session, bobs.code),
          'CodeMismatchException',
        );
      }
      // The first session is still good, for its own code.
      const done = await answer(pool, 'SMS_MFA', ann.username, first.started.Session, first.code);
      expect(done.AuthenticationResult).toBeDefined();
    });

    it('refuses a session re-targeted to another user or another app client, or answered as another factor', async () => {
      const pool = await mfaPool('otp-retarget');
      const [ann, bob] = [await user(pool, 'ann'), await user(pool, 'bob')];
      await withFactors(pool, ann, { sms: true });
      await withFactors(pool, bob, { sms: true });
      const { started, code } = await challenged(pool, ann);
      await expectAwsError(
        answer(pool, 'SMS_MFA', bob.username, started.Session, code),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
      await expectAwsError(
        answer(pool, 'SMS_MFA', ann.username, started.Session, code, pool.otherClientId),
        'NotAuthorizedException',
      );
      await expectAwsError(
        answer(pool, 'EMAIL_OTP', ann.username, started.Session, code),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
      await expectAwsError(
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: pool.clientId,
            ChallengeName: 'SOFTWARE_TOKEN_MFA',
            Session: started.Session,
            ChallengeResponses: { USERNAME: ann.username, SOFTWARE_TOKEN_MFA_CODE: code },
          }),
        ),
        'NotAuthorizedException',
        'Invalid session for the user.',
      );
      // None of those used the session: its own answer still works.
      const done = await answer(pool, 'SMS_MFA', ann.username, started.Session, code);
      expect(done.AuthenticationResult).toBeDefined();
    });

    it('locks the user out after five wrong codes: then even the right code is refused', async () => {
      const pool = await mfaPool('otp-guess');
      const u = await user(pool, 'ned');
      await withFactors(pool, u, { email: true });
      for (let n = 1; n <= 5; n++) {
        const { started, code } = await challenged(pool, u, 'EMAIL');
        await expectAwsError(
          answer(pool, 'EMAIL_OTP', u.username, started.Session, otherThan(code, n)),
          'CodeMismatchException',
        );
      }
      const { started, code } = await challenged(pool, u, 'EMAIL');
      await expectAwsError(
        answer(pool, 'EMAIL_OTP', u.username, started.Session, code),
        'NotAuthorizedException',
        'Password attempts exceeded',
      );
    });

    it('refuses a forged session', async () => {
      const pool = await mfaPool('otp-forged');
      const u = await user(pool, 'fox');
      await withFactors(pool, u, { sms: true });
      const { started, code } = await challenged(pool, u);
      const forged = `${started.Session!.slice(0, -6)}AAAAAA`;
      await expectAwsError(answer(pool, 'SMS_MFA', u.username, forged, code), 'NotAuthorizedException');
    });
  });
});
