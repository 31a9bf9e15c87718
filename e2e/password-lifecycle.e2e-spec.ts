import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AuthenticationResultType,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ForgotPasswordCommand,
  GetUserCommand,
  InitiateAuthCommand,
  InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import {
  codeSentTo,
  cognitoAdmin,
  cognitoPublic,
  e2eSystem,
  mailboxMark,
  messageSentTo,
} from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * The password lifecycle through the AWS SDK and amazon-cognito-identity-js: forgotten passwords,
 * changes, administrator-set and temporary passwords, and NEW_PASSWORD_REQUIRED.
 */
describe('password lifecycle', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  const stamp = Date.now();

  /** The text of the last message sent to `to`, quoted-printable undone (SMTP capture). */
  function lastMessageTo(to: string): string {
    const lines = readFileSync(system.mailbox, 'utf8').trim().split('\n').reverse();
    for (const line of lines) {
      const message = JSON.parse(line) as { to: string; text: string };
      if (message.to !== to) continue;
      // Only the SMTP capture (distributed) holds quoted-printable text; the dev mailbox holds the
      // text itself, where a generated password such as `=95#...` must not be decoded.
      if (system.mode !== 'distributed') return message.text;
      return message.text
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    throw new Error(`nothing was sent to ${to}`);
  }

  const passwordAuth = (USERNAME: string, PASSWORD: string): Promise<InitiateAuthCommandOutput> =>
    app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );
  const signIn = async (username: string, password: string): Promise<AuthenticationResultType> =>
    (await passwordAuth(username, password)).AuthenticationResult!;

  function srpSignIn(username: string, password: string): Promise<CognitoUserSession> {
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: system.endpoint });
    return new Promise((resolve, reject) =>
      new CognitoUser({ Username: username, Pool: pool }).authenticateUser(
        new AuthenticationDetails({ Username: username, Password: password }),
        { onSuccess: resolve, onFailure: reject },
      ),
    );
  }

  async function signedUpAndVerified(username: string, email: string, password: string): Promise<void> {
    await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const code = await codeSentTo(email, system);
    await app.send(
      new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode: code }),
    );
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'passwords', AutoVerifiedAttributes: ['email'] }),
    );
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

  describe('ForgotPassword and ConfirmForgotPassword', () => {
    const oldPassword = 'Old-passw0rd!';
    const newPassword = 'New-passw0rd!';
    let forgetfulCount = 0;

    /** A confirmed user with a verified email, signed in with the old password: each test its own. */
    async function newForgetful() {
      const username = `forgetful-${++forgetfulCount}-${randomUUID().slice(0, 8)}`;
      const email = `${username}@example.com`;
      await signedUpAndVerified(username, email, oldPassword);
      const before = await signIn(username, oldPassword);
      const confirm = (ConfirmationCode: string, Password = newPassword) =>
        app.send(
          new ConfirmForgotPasswordCommand({
            ClientId: clientId,
            Username: username,
            ConfirmationCode,
            Password,
          }),
        );
      /** Asks for a reset code and waits for it. */
      const resetCode = async () => {
        const mark = mailboxMark(system);
        await app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: username }));
        return codeSentTo(email, system, 10_000, mark);
      };
      return { username, email, before, confirm, resetCode };
    }

    it('sends a code to the verified email', async () => {
      const { username, email } = await newForgetful();
      const mark = mailboxMark(system);
      const { CodeDeliveryDetails } = await app.send(
        new ForgotPasswordCommand({ ClientId: clientId, Username: username }),
      );
      expect(CodeDeliveryDetails).toEqual({
        Destination: 'f***@e***',
        DeliveryMedium: 'EMAIL',
        AttributeName: 'email',
      });
      expect(await messageSentTo(email, system, { after: mark })).toMatch(/password reset code is \d{6}/);
    });

    it('refuses a wrong code and a weak password without burning the code, then sets the password', async () => {
      const { confirm, resetCode } = await newForgetful();
      const code = await resetCode();
      await expectAwsError(confirm(code === '000000' ? '000001' : '000000'), 'CodeMismatchException');
      await expectAwsError(confirm(code, 'weak'), 'InvalidPasswordException');
      await confirm(code);
      await expectAwsError(confirm(code), 'ExpiredCodeException');
    });

    it('signs in with the new password, by USER_PASSWORD_AUTH and by SRP, and not with the old one', async () => {
      const { username, confirm, resetCode } = await newForgetful();
      await confirm(await resetCode());
      await expectAwsError(signIn(username, oldPassword), 'NotAuthorizedException');
      expect((await signIn(username, newPassword)).AccessToken).toBeTruthy();
      expect((await srpSignIn(username, newPassword)).isValid()).toBe(true);
      await expectAwsError(srpSignIn(username, oldPassword), 'NotAuthorizedException');
    });

    it('leaves earlier sessions alone, as Cognito does', async () => {
      const { username, before, confirm, resetCode } = await newForgetful();
      await confirm(await resetCode());
      expect((await app.send(new GetUserCommand({ AccessToken: before.AccessToken! }))).Username).toBe(
        username,
      );
    });

    it('stops accepting codes after five failed attempts, counted across codes', async () => {
      const { confirm, resetCode } = await newForgetful();
      const wrongFor = (code: string) => (code === '000000' ? '000001' : '000000');
      const first = await resetCode();
      await expectAwsError(confirm(wrongFor(first)), 'CodeMismatchException');
      // A new code does not clear the failure above: four more are free, then even the right code is refused.
      const code = await resetCode();
      for (let i = 0; i < 4; i++) await expectAwsError(confirm(wrongFor(code)), 'CodeMismatchException');
      await expectAwsError(confirm(code), 'LimitExceededException');
    });

    it('refuses a user without a verified email or phone, and an unknown user', async () => {
      await app.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: 'unverified',
          Password: oldPassword,
          UserAttributes: [{ Name: 'email', Value: `unverified.${stamp}@example.com` }],
        }),
      );
      await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: 'unverified' }));
      await expectAwsError(
        app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'unverified' })),
        'InvalidParameterException',
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      );
      await expectAwsError(
        app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'nobody' })),
        'UserNotFoundException',
      );
    });
  });

  describe('ChangePassword', () => {
    it('needs the previous password and a password the policy accepts; SRP follows the change', async () => {
      const email = `changer.${stamp}@example.com`;
      await signedUpAndVerified('changer', email, 'First-passw0rd!');
      const tokens = await signIn('changer', 'First-passw0rd!');
      const change = (PreviousPassword: string, ProposedPassword: string) =>
        app.send(
          new ChangePasswordCommand({ AccessToken: tokens.AccessToken!, PreviousPassword, ProposedPassword }),
        );
      await expectAwsError(change('Wrong-passw0rd!', 'Second-passw0rd!'), 'NotAuthorizedException');
      await expectAwsError(change('First-passw0rd!', 'second'), 'InvalidPasswordException');
      await change('First-passw0rd!', 'Second-passw0rd!');
      await expectAwsError(signIn('changer', 'First-passw0rd!'), 'NotAuthorizedException');
      expect((await srpSignIn('changer', 'Second-passw0rd!')).isValid()).toBe(true);
      // The session that changed the password goes on.
      expect((await app.send(new GetUserCommand({ AccessToken: tokens.AccessToken! }))).Username).toBe(
        'changer',
      );
    });
  });

  describe('AdminSetUserPassword', () => {
    it('with Permanent confirms the user; without, asks for a new password at sign-in', async () => {
      await app.send(
        new SignUpCommand({ ClientId: clientId, Username: 'managed', Password: 'Own-passw0rd!' }),
      );
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: 'managed',
          Password: 'Admin-passw0rd!',
          Permanent: true,
        }),
      );
      const got = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'managed' }));
      expect(got.UserStatus).toBe('CONFIRMED');
      expect((await srpSignIn('managed', 'Admin-passw0rd!')).isValid()).toBe(true);

      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: 'managed',
          Password: 'Temp-passw0rd!',
        }),
      );
      expect(
        (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'managed' }))).UserStatus,
      ).toBe('FORCE_CHANGE_PASSWORD');
      const challenge = await passwordAuth('managed', 'Temp-passw0rd!');
      expect(challenge.AuthenticationResult).toBeUndefined();
      expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      expect(challenge.ChallengeParameters).toMatchObject({
        USER_ID_FOR_SRP: 'managed',
        requiredAttributes: '[]',
      });
      const respond = (NEW_PASSWORD: string) =>
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: clientId,
            ChallengeName: 'NEW_PASSWORD_REQUIRED',
            Session: challenge.Session,
            ChallengeResponses: { USERNAME: 'managed', NEW_PASSWORD },
          }),
        );
      await expectAwsError(respond('weak'), 'InvalidPasswordException');
      const result = await respond('Chosen-passw0rd!');
      expect(result.AuthenticationResult?.AccessToken).toBeTruthy();
      // The Session answers once.
      await expectAwsError(respond('Another-passw0rd!'), 'NotAuthorizedException');
      expect((await signIn('managed', 'Chosen-passw0rd!')).AccessToken).toBeTruthy();
      await expectAwsError(
        admin.send(
          new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'managed', Password: 'short' }),
        ),
        'InvalidPasswordException',
      );
    });
  });

  describe('AdminCreateUser', () => {
    it('invites by email with the temporary password; amazon-cognito-identity-js completes NEW_PASSWORD_REQUIRED', async () => {
      const email = `invitee.${stamp}@example.com`;
      const { User } = await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'invitee',
          TemporaryPassword: 'Temp-Passw0rd!',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      expect(User).toMatchObject({ Username: 'invitee', UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
      expect(User?.Attributes).toEqual(expect.arrayContaining([{ Name: 'email_verified', Value: 'true' }]));
      expect(lastMessageTo(email)).toContain(
        'Your username is invitee and temporary password is Temp-Passw0rd!.',
      );

      const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: system.endpoint });
      const user = new CognitoUser({ Username: 'invitee', Pool: pool });
      const session = await new Promise<CognitoUserSession>((resolve, reject) =>
        user.authenticateUser(
          new AuthenticationDetails({ Username: 'invitee', Password: 'Temp-Passw0rd!' }),
          {
            onSuccess: () => reject(new Error('expected NEW_PASSWORD_REQUIRED')),
            onFailure: reject,
            newPasswordRequired: (userAttributes: Record<string, string>, requiredAttributes: string[]) => {
              expect(userAttributes.email).toBe(email);
              expect(requiredAttributes).toEqual([]);
              user.completeNewPasswordChallenge(
                'Mine-Passw0rd!',
                {},
                { onSuccess: resolve, onFailure: reject },
              );
            },
          },
        ),
      );
      expect(session.getIdToken().decodePayload()).toMatchObject({ 'cognito:username': 'invitee', email });
      expect(
        (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'invitee' }))).UserStatus,
      ).toBe('CONFIRMED');
      await expectAwsError(
        admin.send(
          new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'invitee', MessageAction: 'SUPPRESS' }),
        ),
        'UsernameExistsException',
      );
      await expectAwsError(
        admin.send(
          new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'invitee', MessageAction: 'RESEND' }),
        ),
        'UnsupportedUserStateException',
      );
    });

    it('generates a temporary password that meets the policy, and RESEND replaces it', async () => {
      const email = `generated.${stamp}@example.com`;
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'generated',
          UserAttributes: [{ Name: 'email', Value: email }],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      const first = /temporary password is (\S+)\./.exec(lastMessageTo(email))![1];
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: 'generated',
          MessageAction: 'RESEND',
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      );
      const second = /temporary password is (\S+)\./.exec(lastMessageTo(email))![1];
      expect(second).not.toBe(first);
      await expectAwsError(passwordAuth('generated', first), 'NotAuthorizedException');
      expect((await passwordAuth('generated', second)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    });

    it('refuses an invitation by a medium the user has no address for, and creates no user', async () => {
      // SMS asked for explicitly; this user has only an email. (With no DesiredDeliveryMediums AWS
      // creates such a user uninvited: e2e/aws-compat-users.)
      await expectAwsError(
        admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: 'unreachable',
            DesiredDeliveryMediums: ['SMS'],
            UserAttributes: [{ Name: 'email', Value: `unreachable.${stamp}@example.com` }],
          }),
        ),
        'InvalidParameterException',
      );
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'unreachable' })),
        'UserNotFoundException',
      );
      await expectAwsError(
        admin.send(
          new AdminCreateUserCommand({
            UserPoolId: poolId,
            Username: 'weakling',
            TemporaryPassword: 'short',
          }),
        ),
        'InvalidPasswordException',
      );
    });
  });
});
