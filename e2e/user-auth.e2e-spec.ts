import { randomInt } from 'node:crypto';
import {
  AdminConfirmSignUpCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  AuthFactorType,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJsSrpClient } from '../apps/user-directory/test/support/cognito-js-srp-client';
import { cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark, messageSentTo } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * Choice-based sign-in (AuthFlow USER_AUTH, ADR 0034) through the AWS SDK v3, in both modes:
 * SELECT_CHALLENGE with AvailableChallenges, PREFERRED_CHALLENGE, the first factors PASSWORD,
 * PASSWORD_SRP, EMAIL_OTP and SMS_OTP (codes read where a phone or inbox gets them: the dev
 * mailbox in embedded mode, the SNS stand-in and SMTP capture in distributed mode), the pool's
 * Policies.SignInPolicy, ALLOW_USER_AUTH, MFA after a password. amazon-cognito-identity-js 6.3 has
 * no USER_AUTH, so it is not used here. Attacks: replayed codes, sessions re-targeted to another
 * user or app client, a factor the pool does not allow first, guessing until the lockout,
 * enumeration by the content of the answers.
 */
describe('choice-based sign-in (USER_AUTH)', () => {
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
    /** A client with PreventUserExistenceErrors ENABLED. */
    hidingClientId: string;
    /** A client without ALLOW_USER_AUTH. */
    passwordOnlyClientId: string;
  }

  interface User {
    username: string;
    email: string;
    phone: string;
  }

  async function pool(
    name: string,
    factors: AuthFactorType[] = ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'],
  ): Promise<Pool> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `${name}-${stamp}`,
        Policies: { SignInPolicy: { AllowedFirstAuthFactors: factors } },
      }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    await admin.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SmsMfaConfiguration: {
          SmsAuthenticationMessage: 'Your sign-in code is {####}',
          SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', SnsRegion: 'us-east-1' },
        },
        EmailMfaConfiguration: { Subject: 'Your sign-in code', Message: 'Sign-in code: {####}' },
      }),
    );
    const client = async (flows: ('ALLOW_USER_AUTH' | 'ALLOW_USER_PASSWORD_AUTH')[], hide = false) => {
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'app',
          ExplicitAuthFlows: [...flows, 'ALLOW_REFRESH_TOKEN_AUTH'],
          PreventUserExistenceErrors: hide ? 'ENABLED' : 'LEGACY',
        }),
      );
      return UserPoolClient!.ClientId!;
    };
    return {
      poolId,
      clientId: await client(['ALLOW_USER_AUTH']),
      otherClientId: await client(['ALLOW_USER_AUTH']),
      hidingClientId: await client(['ALLOW_USER_AUTH'], true),
      passwordOnlyClientId: await client(['ALLOW_USER_PASSWORD_AUTH']),
    };
  }

  /** A confirmed user with an email and a phone number (verified). */
  async function user(p: Pool, name: string): Promise<User> {
    const u = {
      username: name,
      email: `${name}-${stamp}@example.com`,
      phone: `+1555${String(randomInt(0, 10_000_000)).padStart(7, '0')}`,
    };
    await app.send(
      new SignUpCommand({
        ClientId: p.clientId,
        Username: name,
        Password: password,
        UserAttributes: [
          { Name: 'email', Value: u.email },
          { Name: 'phone_number', Value: u.phone },
        ],
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: name }));
    await admin.send(
      new AdminUpdateUserAttributesCommand({
        UserPoolId: p.poolId,
        Username: name,
        UserAttributes: [
          { Name: 'email_verified', Value: 'true' },
          { Name: 'phone_number_verified', Value: 'true' },
        ],
      }),
    );
    return u;
  }

  const userAuth = (ClientId: string, AuthParameters: Record<string, string>) =>
    app.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', AuthParameters }));

  const respond = (
    ClientId: string,
    ChallengeName: 'SELECT_CHALLENGE' | 'EMAIL_OTP' | 'SMS_OTP' | 'PASSWORD_VERIFIER',
    Session: string | undefined,
    ChallengeResponses: Record<string, string>,
  ) => app.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName, Session, ChallengeResponses }));

  /** The code sent to `to` after `mark` (SMS or email, wherever this mode delivers it). */
  async function codeTo(to: string, mark: number): Promise<string> {
    const text = await messageSentTo(to, system, { after: mark });
    return /code(?: is|:) (\d{6})/.exec(text)![1];
  }

  /** USER_AUTH preferring EMAIL_OTP (or SMS_OTP): the challenge and the code it sent. */
  async function codeChallenge(
    p: Pool,
    u: User,
    factor: 'EMAIL_OTP' | 'SMS_OTP' = 'EMAIL_OTP',
    ClientId = p.clientId,
  ) {
    const mark = mailboxMark(system);
    const started = await userAuth(ClientId, { USERNAME: u.username, PREFERRED_CHALLENGE: factor });
    const code = await codeTo(factor === 'EMAIL_OTP' ? u.email : u.phone, mark);
    return { started, code };
  }

  const otherThan = (code: string, n = 1) =>
    String((Number(code) + n * 111_111) % 1_000_000).padStart(6, '0');

  async function signedInAs(accessToken: string | undefined, username: string): Promise<void> {
    expect((await app.send(new GetUserCommand({ AccessToken: accessToken }))).Username).toBe(username);
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

  it("stores the pool's SignInPolicy and echoes it, PASSWORD alone by default", async () => {
    const p = await pool('ua-policy', ['PASSWORD', 'EMAIL_OTP']);
    const described = await admin.send(new DescribeUserPoolCommand({ UserPoolId: p.poolId }));
    expect(described.UserPool?.Policies?.SignInPolicy).toEqual({
      AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'],
    });
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: `ua-default-${stamp}` }));
    pools.push(UserPool!.Id!);
    expect(UserPool?.Policies?.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD'] });
    await expectAwsError(
      admin.send(
        new CreateUserPoolCommand({
          PoolName: `ua-totp-${stamp}`,
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['SOFTWARE_TOKEN'] } },
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('SELECT_CHALLENGE then EMAIL_OTP: the code emailed gives the tokens', async () => {
    const p = await pool('ua-select');
    const u = await user(p, 'amy');
    const selecting = await userAuth(p.clientId, { USERNAME: u.username });
    expect(selecting).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      AvailableChallenges: ['EMAIL_OTP', 'SMS_OTP', 'PASSWORD', 'PASSWORD_SRP'],
    });
    const mark = mailboxMark(system);
    const chosen = await respond(p.clientId, 'SELECT_CHALLENGE', selecting.Session, {
      USERNAME: u.username,
      ANSWER: 'EMAIL_OTP',
    });
    expect(chosen).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' },
    });
    const code = await codeTo(u.email, mark);
    const done = await respond(p.clientId, 'EMAIL_OTP', chosen.Session, {
      USERNAME: u.username,
      EMAIL_OTP_CODE: code,
    });
    await signedInAs(done.AuthenticationResult?.AccessToken, u.username);
  });

  it('PREFERRED_CHALLENGE SMS_OTP sends a text; the code gives the tokens, also through AdminInitiateAuth', async () => {
    const p = await pool('ua-sms');
    const u = await user(p, 'bea');
    const { started, code } = await codeChallenge(p, u, 'SMS_OTP');
    expect(started).toMatchObject({
      ChallengeName: 'SMS_OTP',
      ChallengeParameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
        CODE_DELIVERY_DESTINATION: `+*******${u.phone.slice(-4)}`,
      },
    });
    const done = await respond(p.clientId, 'SMS_OTP', started.Session, {
      USERNAME: u.username,
      SMS_OTP_CODE: code,
    });
    await signedInAs(done.AuthenticationResult?.AccessToken, u.username);

    const mark = mailboxMark(system);
    const adminStarted = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: p.poolId,
        ClientId: p.clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: u.username, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      }),
    );
    const adminDone = await admin.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: p.poolId,
        ClientId: p.clientId,
        ChallengeName: 'EMAIL_OTP',
        Session: adminStarted.Session,
        ChallengeResponses: { USERNAME: u.username, EMAIL_OTP_CODE: await codeTo(u.email, mark) },
      }),
    );
    await signedInAs(adminDone.AuthenticationResult?.AccessToken, u.username);
  });

  it('PASSWORD and PASSWORD_SRP sign in with the password; MFA follows a password as in the other flows', async () => {
    const p = await pool('ua-password');
    const u = await user(p, 'cal');
    const direct = await userAuth(p.clientId, {
      USERNAME: u.username,
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD: password,
    });
    await signedInAs(direct.AuthenticationResult?.AccessToken, u.username);

    const js = new CognitoJsSrpClient(p.poolId.split('_')[1]);
    const selecting = await userAuth(p.clientId, { USERNAME: u.username });
    const verifier = await respond(p.clientId, 'SELECT_CHALLENGE', selecting.Session, {
      USERNAME: u.username,
      ANSWER: 'PASSWORD_SRP',
      SRP_A: await js.srpA(),
    });
    expect(verifier.ChallengeName).toBe('PASSWORD_VERIFIER');
    const proven = await respond(
      p.clientId,
      'PASSWORD_VERIFIER',
      undefined,
      await js.respond(verifier.ChallengeParameters!, password),
    );
    await signedInAs(proven.AuthenticationResult?.AccessToken, u.username);

    await expectAwsError(
      userAuth(p.clientId, {
        USERNAME: u.username,
        PREFERRED_CHALLENGE: 'PASSWORD',
        PASSWORD: `${password}x`,
      }),
      'NotAuthorizedException',
    );

    // With email MFA on, the password is followed by the MFA code; a code first factor is not.
    await admin.send(
      new AdminSetUserMFAPreferenceCommand({
        UserPoolId: p.poolId,
        Username: u.username,
        EmailMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );
    const mark = mailboxMark(system);
    const mfa = await userAuth(p.clientId, {
      USERNAME: u.username,
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD: password,
    });
    expect(mfa).toMatchObject({ ChallengeName: 'EMAIL_OTP' });
    expect(mfa.AuthenticationResult).toBeUndefined();
    const mfaDone = await respond(p.clientId, 'EMAIL_OTP', mfa.Session, {
      USERNAME: u.username,
      EMAIL_OTP_CODE: await codeTo(u.email, mark),
    });
    await signedInAs(mfaDone.AuthenticationResult?.AccessToken, u.username);
  });

  it('refuses a client without ALLOW_USER_AUTH, and offers no passwordless factor the pool does not allow', async () => {
    const p = await pool('ua-allow', ['PASSWORD']);
    const u = await user(p, 'dee');
    await expectAwsError(
      userAuth(p.passwordOnlyClientId, { USERNAME: u.username }),
      'InvalidParameterException',
      'USER_AUTH flow not enabled for this client',
    );
    // The preferred factor the pool does not allow is not started (no code is sent: unit spec).
    const started = await userAuth(p.clientId, { USERNAME: u.username, PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(started).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP'],
    });
    await expectAwsError(
      respond(p.clientId, 'SELECT_CHALLENGE', started.Session, { USERNAME: u.username, ANSWER: 'EMAIL_OTP' }),
      'InvalidParameterException',
    );
    await expectAwsError(
      respond(p.clientId, 'EMAIL_OTP', started.Session, { USERNAME: u.username, EMAIL_OTP_CODE: '123456' }),
      'NotAuthorizedException',
    );
  });

  describe('attacks', () => {
    it('a replayed code, and a code answered in another sign-in, are refused', async () => {
      const p = await pool('ua-replay');
      const u = await user(p, 'eve');
      const { started, code } = await codeChallenge(p, u);
      await respond(p.clientId, 'EMAIL_OTP', started.Session, { USERNAME: u.username, EMAIL_OTP_CODE: code });
      await expectAwsError(
        respond(p.clientId, 'EMAIL_OTP', started.Session, { USERNAME: u.username, EMAIL_OTP_CODE: code }),
        'NotAuthorizedException',
        'Invalid session for the user, session can only be used once.',
      );
      const next = await codeChallenge(p, u);
      if (next.code !== code) {
        await expectAwsError(
          respond(p.clientId, 'EMAIL_OTP', next.started.Session, {
            USERNAME: u.username,
            EMAIL_OTP_CODE: code,
          }),
          'CodeMismatchException',
        );
      }
    });

    it('a session re-targeted to another user or app client is refused, and the code stays unused', async () => {
      const p = await pool('ua-retarget');
      const u = await user(p, 'fay');
      const other = await user(p, 'gus');
      const { started, code } = await codeChallenge(p, u);
      await expectAwsError(
        respond(p.clientId, 'EMAIL_OTP', started.Session, { USERNAME: other.username, EMAIL_OTP_CODE: code }),
        'NotAuthorizedException',
      );
      await expectAwsError(
        respond(p.otherClientId, 'EMAIL_OTP', started.Session, {
          USERNAME: u.username,
          EMAIL_OTP_CODE: code,
        }),
        'NotAuthorizedException',
      );
      const selecting = await userAuth(p.clientId, { USERNAME: u.username });
      await expectAwsError(
        respond(p.clientId, 'SELECT_CHALLENGE', selecting.Session, {
          USERNAME: other.username,
          ANSWER: 'EMAIL_OTP',
        }),
        'NotAuthorizedException',
      );
      const done = await respond(p.clientId, 'EMAIL_OTP', started.Session, {
        USERNAME: u.username,
        EMAIL_OTP_CODE: code,
      });
      await signedInAs(done.AuthenticationResult?.AccessToken, u.username);
    });

    it('guessing codes counts on the lockout: after five wrong ones even the right code is refused', async () => {
      const p = await pool('ua-guess');
      const u = await user(p, 'hal');
      for (let n = 1; n <= 5; n++) {
        const { started, code } = await codeChallenge(p, u);
        await expectAwsError(
          respond(p.clientId, 'EMAIL_OTP', started.Session, {
            USERNAME: u.username,
            EMAIL_OTP_CODE: otherThan(code, n),
          }),
          'CodeMismatchException',
        );
      }
      const { started, code } = await codeChallenge(p, u);
      await expectAwsError(
        respond(p.clientId, 'EMAIL_OTP', started.Session, { USERNAME: u.username, EMAIL_OTP_CODE: code }),
        'NotAuthorizedException',
        'Password attempts exceeded',
      );
    });

    it('an unknown name gets answers of the same content as a user, and its codes fail as wrong ones', async () => {
      const p = await pool('ua-enum');
      const u = await user(p, 'ida');
      const shape = (r: InitiateAuthCommandOutput) => ({
        ChallengeName: r.ChallengeName,
        AvailableChallenges: r.AvailableChallenges,
        parameters: Object.keys(r.ChallengeParameters ?? {}).sort(),
        session: typeof r.Session,
      });
      await expectAwsError(userAuth(p.clientId, { USERNAME: 'nobody-here' }), 'UserNotFoundException');
      const real = await userAuth(p.hidingClientId, { USERNAME: u.username });
      const decoy = await userAuth(p.hidingClientId, { USERNAME: 'nobody-here' });
      expect(shape(decoy)).toEqual(shape(real));
      const realCode = await userAuth(p.hidingClientId, {
        USERNAME: u.username,
        PREFERRED_CHALLENGE: 'EMAIL_OTP',
      });
      const decoyCode = await userAuth(p.hidingClientId, {
        USERNAME: 'nobody-here',
        PREFERRED_CHALLENGE: 'EMAIL_OTP',
      });
      expect(shape(decoyCode)).toEqual(shape(realCode));
      expect(decoyCode.ChallengeParameters?.CODE_DELIVERY_DESTINATION).toMatch(/^[a-z]\*\*\*@[a-z]\*\*\*$/);
      const again = await userAuth(p.hidingClientId, {
        USERNAME: 'nobody-here',
        PREFERRED_CHALLENGE: 'EMAIL_OTP',
      });
      expect(again.ChallengeParameters).toEqual(decoyCode.ChallengeParameters);
      await expectAwsError(
        respond(p.hidingClientId, 'EMAIL_OTP', decoyCode.Session, {
          USERNAME: 'nobody-here',
          EMAIL_OTP_CODE: '123456',
        }),
        'CodeMismatchException',
      );
      await expectAwsError(
        respond(p.hidingClientId, 'EMAIL_OTP', realCode.Session, {
          USERNAME: u.username,
          EMAIL_OTP_CODE: '000000',
        }),
        'CodeMismatchException',
      );
    });

    it('a forged session is refused', async () => {
      const p = await pool('ua-forged');
      const u = await user(p, 'jan');
      const { started, code } = await codeChallenge(p, u);
      const forged = `${started.Session!.slice(0, -6)}AAAAAA`;
      await expectAwsError(
        respond(p.clientId, 'EMAIL_OTP', forged, { USERNAME: u.username, EMAIL_OTP_CODE: code }),
        'NotAuthorizedException',
      );
    });
  });
});
