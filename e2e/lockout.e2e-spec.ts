import {
  AdminConfirmSignUpCommand,
  AdminInitiateAuthCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  InitiateAuthCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * Guessing stopped as Cognito stops it: five free failures, then a lockout during which even the
 * right secret is refused; one counter per user across USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH,
 * SRP and ChangePassword's previous password; a success forgets the failures. The e2e system runs with lockouts of ten minutes, so no
 * assertion depends on how fast the test runs; the doubling and expiry of lockouts are tested with
 * an injected clock in attempt-limiter.int-spec.
 */
describe('lockout after repeated wrong passwords and codes', () => {
  const system = e2eSystem();
  const password = 'Corr3ct-Horse!';
  const wrongPassword = 'Wr0ng-Horse!';
  const stamp = Date.now();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  let hidingClientId: string;

  const passwordAuth = (Username: string, PASSWORD: string, ClientId = clientId) =>
    app.send(
      new InitiateAuthCommand({
        ClientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: Username, PASSWORD },
      }),
    );
  const adminPasswordAuth = (Username: string, PASSWORD: string) =>
    admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: Username, PASSWORD },
      }),
    );
  function srpAuth(Username: string, Password: string): Promise<unknown> {
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: system.endpoint });
    const user = new CognitoUser({ Username, Pool: pool });
    return new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username, Password }), {
        onSuccess: resolve,
        onFailure: reject,
      }),
    );
  }

  // The two refusals, the same from the AWS SDK and from amazon-cognito-identity-js (SRP).
  const refusedAsWrong = (call: Promise<unknown>) =>
    expectAwsError(call, 'NotAuthorizedException', 'Incorrect username or password.');
  const refusedAsLockedOut = (call: Promise<unknown>) =>
    expectAwsError(call, 'NotAuthorizedException', 'Password attempts exceeded');

  async function confirmedUser(username: string, email?: string): Promise<void> {
    await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: username,
        Password: password,
        UserAttributes: email ? [{ Name: 'email', Value: email }] : [],
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: username }));
  }

  /** Signed up and confirmed with the emailed code, which verifies the email (password resets need that). */
  async function verifiedUser(username: string, email: string): Promise<void> {
    const mark = mailboxMark(system);
    await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const ConfirmationCode = await codeSentTo(email, system, 10_000, mark);
    await app.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: username, ConfirmationCode }));
  }

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'lockout', AutoVerifiedAttributes: ['email'] }),
    );
    poolId = UserPool!.Id!;
    const client = async (ClientName: string, PreventUserExistenceErrors: 'LEGACY' | 'ENABLED') =>
      (
        await admin.send(
          new CreateUserPoolClientCommand({
            UserPoolId: poolId,
            ClientName,
            PreventUserExistenceErrors,
            ExplicitAuthFlows: [
              'ALLOW_USER_PASSWORD_AUTH',
              'ALLOW_USER_SRP_AUTH',
              'ALLOW_ADMIN_USER_PASSWORD_AUTH',
              'ALLOW_REFRESH_TOKEN_AUTH',
            ],
          }),
        )
      ).UserPoolClient!.ClientId!;
    clientId = await client('legacy', 'LEGACY');
    hidingClientId = await client('hiding', 'ENABLED');
  });
  afterAll(async () => {
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
    admin.destroy();
    app.destroy();
  });

  it('refuses even the right password by USER_PASSWORD_AUTH after five wrong ones', async () => {
    await confirmedUser('pw-user');
    for (let i = 0; i < 5; i++) await refusedAsWrong(passwordAuth('pw-user', wrongPassword));
    await refusedAsLockedOut(passwordAuth('pw-user', password));
  });

  it('refuses even the right password by ADMIN_USER_PASSWORD_AUTH after five wrong ones', async () => {
    await confirmedUser('admin-user');
    for (let i = 0; i < 5; i++) await refusedAsWrong(adminPasswordAuth('admin-user', wrongPassword));
    await refusedAsLockedOut(adminPasswordAuth('admin-user', password));
  });

  it('refuses even the right password by SRP (amazon-cognito-identity-js) after five wrong ones', async () => {
    await confirmedUser('srp-user');
    for (let i = 0; i < 5; i++) await refusedAsWrong(srpAuth('srp-user', wrongPassword));
    await refusedAsLockedOut(srpAuth('srp-user', password));
  });

  it('counts failures across the password flows: switching flows buys no guesses', async () => {
    await confirmedUser('switcher');
    await refusedAsWrong(passwordAuth('switcher', wrongPassword));
    await refusedAsWrong(passwordAuth('switcher', wrongPassword));
    await refusedAsWrong(adminPasswordAuth('switcher', wrongPassword));
    await refusedAsWrong(adminPasswordAuth('switcher', wrongPassword));
    await refusedAsWrong(srpAuth('switcher', wrongPassword));
    await refusedAsLockedOut(passwordAuth('switcher', password));
    await refusedAsLockedOut(srpAuth('switcher', password));
  });

  it('forgets the failures after a successful sign-in', async () => {
    await confirmedUser('forgiven');
    for (let i = 0; i < 4; i++) await refusedAsWrong(passwordAuth('forgiven', wrongPassword));
    expect((await passwordAuth('forgiven', password)).AuthenticationResult?.AccessToken).toBeTruthy();
    // Five more free failures, not one: the count started again.
    for (let i = 0; i < 5; i++) await refusedAsWrong(passwordAuth('forgiven', wrongPassword));
    await refusedAsLockedOut(passwordAuth('forgiven', password));
  });

  describe('ChangePassword with a stolen access token', () => {
    const signedInAs = async (username: string) => {
      await confirmedUser(username);
      return (await passwordAuth(username, password)).AuthenticationResult!.AccessToken!;
    };
    const changePassword = (AccessToken: string, PreviousPassword: string) =>
      app.send(
        new ChangePasswordCommand({ AccessToken, PreviousPassword, ProposedPassword: 'Next-passw0rd!' }),
      );

    it('refuses even the right previous password after five wrong ones, and then sign-in too', async () => {
      const token = await signedInAs('pw-changer');
      for (let i = 0; i < 5; i++) await refusedAsWrong(changePassword(token, wrongPassword));
      await refusedAsLockedOut(changePassword(token, password));
      await refusedAsLockedOut(passwordAuth('pw-changer', password));
      await refusedAsLockedOut(srpAuth('pw-changer', password));
    });

    it('shares the count with sign-in: three wrong sign-ins and two wrong previous passwords lock out', async () => {
      const token = await signedInAs('mixed-guesser');
      for (let i = 0; i < 3; i++) await refusedAsWrong(passwordAuth('mixed-guesser', wrongPassword));
      for (let i = 0; i < 2; i++) await refusedAsWrong(changePassword(token, wrongPassword));
      await refusedAsLockedOut(changePassword(token, password));
    });

    it('checks five of 20 parallel wrong previous passwords; the others are refused by the lockout', async () => {
      const token = await signedInAs('parallel-guesser');
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          changePassword(token, `${wrongPassword}${i}`).then(
            () => 'changed',
            (e: Error) => `${e.name}: ${e.message}`,
          ),
        ),
      );
      const tally: Record<string, number> = {};
      for (const a of answers) tally[a] = (tally[a] ?? 0) + 1;
      expect(tally).toEqual({
        'NotAuthorizedException: Incorrect username or password.': 5,
        'NotAuthorizedException: Password attempts exceeded': 15,
      });
      await refusedAsLockedOut(passwordAuth('parallel-guesser', password));
    });
  });

  it('locks an unknown name out like a real one when the client hides user existence', async () => {
    await confirmedUser('real-name');
    const answers = async (username: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i < 6; i++) {
        seen.push(
          await passwordAuth(username, wrongPassword, hidingClientId).catch((e: Error) => [
            e.name,
            e.message,
          ]),
        );
      }
      return seen;
    };
    const real = await answers('real-name');
    expect(real.at(-1)).toEqual(['NotAuthorizedException', 'Password attempts exceeded']);
    expect(await answers('no-such-name')).toEqual(real);
  });

  it('stops sign-up confirmation codes after five wrong ones, even the right code', async () => {
    const email = `confirm.${stamp}@example.com`;
    const mark = mailboxMark(system);
    await app.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'confirmer',
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email }],
      }),
    );
    const code = await codeSentTo(email, system, 10_000, mark);
    const wrong = code === '000000' ? '000001' : '000000';
    const confirm = (ConfirmationCode: string) =>
      app.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: 'confirmer', ConfirmationCode }));
    for (let i = 0; i < 5; i++) await expectAwsError(confirm(wrong), 'CodeMismatchException');
    await expectAwsError(
      confirm(code),
      'LimitExceededException',
      'Attempt limit exceeded, please try after some time.',
    );
    // A new code buys no new guesses.
    const again = mailboxMark(system);
    await app.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: 'confirmer' }));
    await expectAwsError(confirm(await codeSentTo(email, system, 10_000, again)), 'LimitExceededException');
  });

  it('stops password reset codes after five wrong ones, across new codes', async () => {
    const email = `reset.${stamp}@example.com`;
    await verifiedUser('resetter', email);
    const newPassword = 'New-passw0rd!';
    const confirm = (ConfirmationCode: string) =>
      app.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: 'resetter',
          ConfirmationCode,
          Password: newPassword,
        }),
      );
    let mark = mailboxMark(system);
    await app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'resetter' }));
    let code = await codeSentTo(email, system, 10_000, mark);
    const wrong = (c: string) => (c === '000000' ? '000001' : '000000');
    for (let i = 0; i < 3; i++) await expectAwsError(confirm(wrong(code)), 'CodeMismatchException');
    mark = mailboxMark(system);
    await app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: 'resetter' }));
    code = await codeSentTo(email, system, 10_000, mark);
    for (let i = 0; i < 2; i++) await expectAwsError(confirm(wrong(code)), 'CodeMismatchException');
    await expectAwsError(confirm(code), 'LimitExceededException');
    // The password did not change.
    expect((await passwordAuth('resetter', password)).AuthenticationResult?.AccessToken).toBeTruthy();
  });

  it('stops attribute verification codes after five wrong ones, across new codes', async () => {
    const email = `verify.${stamp}@example.com`;
    await confirmedUser('verifier', email);
    const { AuthenticationResult } = await passwordAuth('verifier', password);
    const AccessToken = AuthenticationResult!.AccessToken!;
    const newCode = async () => {
      const mark = mailboxMark(system);
      await app.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
      return codeSentTo(email, system, 10_000, mark);
    };
    const verify = (Code: string) =>
      app.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code }));
    const wrong = (c: string) => (c === '000000' ? '000001' : '000000');
    let code = await newCode();
    for (let i = 0; i < 3; i++) await expectAwsError(verify(wrong(code)), 'CodeMismatchException');
    code = await newCode();
    for (let i = 0; i < 2; i++) await expectAwsError(verify(wrong(code)), 'CodeMismatchException');
    await expectAwsError(verify(code), 'LimitExceededException');
  });
});
