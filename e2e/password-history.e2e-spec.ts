import { randomUUID } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const REUSED = 'PasswordHistoryPolicyViolationException';

/**
 * `PasswordPolicy.PasswordHistorySize` (ADR 0057) through the AWS SDK and
 * amazon-cognito-identity-js: ChangePassword, ConfirmForgotPassword, AdminSetUserPassword
 * (Permanent) and NEW_PASSWORD_REQUIRED refuse the current password and the ones before it, up to
 * the pool's size; a pool without a history refuses none; the refusal comes only after the caller
 * proved it may set the password (previous password, code).
 */
describe('password history', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];

  /** A pool remembering `size` passwords (the current one included) and its app client. */
  async function poolWithHistory(size: number | undefined): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `history-${size ?? 'none'}`,
        AutoVerifiedAttributes: ['email'],
        Policies: {
          PasswordPolicy: {
            MinimumLength: 8,
            ...(size === undefined ? {} : { PasswordHistorySize: size }),
          },
        },
      }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId, clientId: UserPoolClient!.ClientId! };
  }

  /** A confirmed user with a verified email and a permanent password, and their access token. */
  async function userIn(
    pool: { poolId: string; clientId: string },
    password: string,
  ): Promise<{ username: string; email: string; accessToken: string }> {
    const username = `u-${randomUUID().slice(0, 8)}`;
    const email = `${username}@example.com`;
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.poolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: email },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: pool.poolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
    return { username, email, accessToken: await accessTokenOf(pool, username, password) };
  }

  async function accessTokenOf(
    pool: { clientId: string },
    username: string,
    password: string,
  ): Promise<string> {
    const out = await app.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    return out.AuthenticationResult!.AccessToken!;
  }

  const change = (AccessToken: string, PreviousPassword: string, ProposedPassword: string) =>
    app.send(new ChangePasswordCommand({ AccessToken, PreviousPassword, ProposedPassword }));

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(async () => {
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    admin.destroy();
    app.destroy();
  });

  it('ChangePassword refuses the last 3 (the current one included) and takes the 4th back', async () => {
    const pool = await poolWithHistory(3);
    const { username, accessToken } = await userIn(pool, 'Pass-one-1');
    await expectAwsError(change(accessToken, 'Pass-one-1', 'Pass-one-1'), REUSED, {
      message: 'Password did not conform with password history policy.',
    });
    await change(accessToken, 'Pass-one-1', 'Pass-two-2');
    await change(accessToken, 'Pass-two-2', 'Pass-three-3');
    await expectAwsError(change(accessToken, 'Pass-three-3', 'Pass-one-1'), REUSED);
    await expectAwsError(change(accessToken, 'Pass-three-3', 'Pass-two-2'), REUSED);
    await change(accessToken, 'Pass-three-3', 'Pass-four-4');
    // Pass-one-1 is now the 4th password back: allowed again.
    await change(accessToken, 'Pass-four-4', 'Pass-one-1');
    expect(await accessTokenOf(pool, username, 'Pass-one-1')).toBeTruthy();
  });

  it('refuses a wrong previous password as such, before telling whether the proposed one was used', async () => {
    const pool = await poolWithHistory(3);
    const { accessToken } = await userIn(pool, 'Pass-one-1');
    await change(accessToken, 'Pass-one-1', 'Pass-two-2');
    // Someone holding only the token learns nothing of the history.
    await expectAwsError(change(accessToken, 'Wrong-pass-0', 'Pass-one-1'), 'NotAuthorizedException');
  });

  it('a pool without a history size takes the current password again', async () => {
    for (const size of [undefined, 0]) {
      const pool = await poolWithHistory(size);
      const { accessToken } = await userIn(pool, 'Pass-one-1');
      await change(accessToken, 'Pass-one-1', 'Pass-one-1');
    }
  });

  it('amazon-cognito-identity-js changePassword gets the refusal', async () => {
    const pool = await poolWithHistory(2);
    const { username } = await userIn(pool, 'Pass-one-1');
    const userPool = new CognitoUserPool({
      UserPoolId: pool.poolId,
      ClientId: pool.clientId,
      endpoint: system.endpoint,
    });
    const user = new CognitoUser({ Username: username, Pool: userPool });
    await new Promise((resolve, reject) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: 'Pass-one-1' }), {
        onSuccess: resolve,
        onFailure: reject,
      }),
    );
    const changeWithLibrary = (from: string, to: string) =>
      new Promise((resolve, reject) =>
        user.changePassword(from, to, (err, result) => (err ? reject(err) : resolve(result))),
      );
    await changeWithLibrary('Pass-one-1', 'Pass-two-2');
    const err = await expectAwsError(changeWithLibrary('Pass-two-2', 'Pass-one-1'), REUSED);
    expect(err.code).toBe(REUSED);
  });

  it('ConfirmForgotPassword refuses a used password after the code, and the code still serves', async () => {
    const pool = await poolWithHistory(2);
    const { username, email } = await userIn(pool, 'Pass-one-1');
    const mark = mailboxMark(system);
    await app.send(new ForgotPasswordCommand({ ClientId: pool.clientId, Username: username }));
    const code = await codeSentTo(email, system, 10_000, mark);
    const confirm = (ConfirmationCode: string, Password: string) =>
      app.send(
        new ConfirmForgotPasswordCommand({
          ClientId: pool.clientId,
          Username: username,
          ConfirmationCode,
          Password,
        }),
      );
    // A wrong code is answered as one: the history is not looked at for a caller without the code.
    await expectAwsError(
      confirm(code === '000000' ? '000001' : '000000', 'Pass-one-1'),
      'CodeMismatchException',
    );
    await expectAwsError(confirm(code, 'Pass-one-1'), REUSED);
    await confirm(code, 'Pass-two-2');
    await expectAwsError(confirm(code, 'Pass-three-3'), 'ExpiredCodeException');
    expect(await accessTokenOf(pool, username, 'Pass-two-2')).toBeTruthy();
  });

  it('AdminSetUserPassword holds a permanent password to the history, not a temporary one; NEW_PASSWORD_REQUIRED does', async () => {
    const pool = await poolWithHistory(3);
    const { username } = await userIn(pool, 'Pass-one-1');
    const setPassword = (Password: string, Permanent: boolean) =>
      admin.send(
        new AdminSetUserPasswordCommand({ UserPoolId: pool.poolId, Username: username, Password, Permanent }),
      );
    await expectAwsError(setPassword('Pass-one-1', true), REUSED);
    await setPassword('Pass-two-2', true);
    // A temporary password is the administrator's: equal to an old one or not, it is set.
    await setPassword('Pass-one-1', false);
    await setPassword('Temp-pass-9', false);
    const started = await app.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: 'Temp-pass-9' },
      }),
    );
    expect(started.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const respond = (NEW_PASSWORD: string) =>
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId: pool.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: started.Session,
          ChallengeResponses: { USERNAME: username, NEW_PASSWORD },
        }),
      );
    // The last three: Temp-pass-9 (current), Pass-one-1 (temporary), Pass-two-2.
    await expectAwsError(respond('Temp-pass-9'), REUSED);
    await expectAwsError(respond('Pass-two-2'), REUSED);
    // A refused password does not use the Session up.
    const done = await respond('Pass-five-5');
    expect(done.AuthenticationResult?.AccessToken).toBeTruthy();
  });
});
