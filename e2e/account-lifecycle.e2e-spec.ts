import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolCommandInput,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  InitiateAuthCommand,
  AdminSetUserMFAPreferenceCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
} from 'amazon-cognito-identity-js';
import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark, mailSentTo } from './support/e2e-context';
import { eventually } from '../libs/testing/src/eventually';
import { databaseUrlOf } from './support/secret-scan';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const DAY_MS = 86_400_000;

/**
 * Account lifecycle (issue 11, ADR 0062) through the AWS SDK v3 and amazon-cognito-identity-js:
 * how long an administrator-created user's temporary password works.
 *
 * No test waits for days: each moves the user's creation and temporary-password instants back
 * through the database (as the administrator role, the way schema-boundaries and
 * secrets-never-logged reach it), then signs in through the real clients.
 */
describe('account lifecycle', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let db: Client;
  const pools: string[] = [];
  const domains: { poolId: string; domain: string }[] = [];

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    db = new Client({ connectionString: databaseUrlOf(system) });
    await db.connect();
  });
  afterAll(async () => {
    for (const { poolId, domain } of domains)
      await admin.send(new DeleteUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
    for (const UserPoolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId }));
    await db.end();
    admin.destroy();
    app.destroy();
  });

  async function newPool(
    settings: Omit<CreateUserPoolCommandInput, 'PoolName'>,
  ): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(new CreateUserPoolCommand({ PoolName: 'lifecycle', ...settings }));
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

  /** The stored instants of a user, by its sub. */
  async function stored(sub: string): Promise<{ created: Date; expires: Date | null }> {
    const { rows } = await db.query<{ created_at: Date; password_expires_at: Date | null }>(
      'SELECT created_at, password_expires_at FROM user_directory.users WHERE sub = $1',
      [sub],
    );
    return { created: rows[0].created_at, expires: rows[0].password_expires_at };
  }

  /** Moves the user's creation and its temporary password's instants `ms` into the past. */
  async function age(sub: string, ms: number): Promise<void> {
    const { rowCount } = await db.query(
      `UPDATE user_directory.users
          SET created_at = created_at - $2 * interval '1 millisecond',
              updated_at = updated_at - $2 * interval '1 millisecond',
              password_expires_at = password_expires_at - $2 * interval '1 millisecond'
        WHERE sub = $1`,
      [sub, ms],
    );
    expect(rowCount).toBe(1);
  }

  async function invited(
    poolId: string,
    TemporaryPassword: string,
  ): Promise<{ username: string; sub: string }> {
    const username = `invited-${randomUUID().slice(0, 8)}`;
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        TemporaryPassword,
        MessageAction: 'SUPPRESS',
      }),
    );
    const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
    const sub = user.UserAttributes!.find((a) => a.Name === 'sub')!.Value!;
    return { username, sub };
  }

  const passwordAuth = (clientId: string, USERNAME: string, PASSWORD: string) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME, PASSWORD },
      }),
    );

  /** amazon-cognito-identity-js's SRP sign-in: resolves with the challenge it stopped at, or fails. */
  function srpSignIn(poolId: string, clientId: string, username: string, password: string): Promise<string> {
    const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: system.endpoint });
    return new Promise((resolve, reject) =>
      new CognitoUser({ Username: username, Pool: pool }).authenticateUser(
        new AuthenticationDetails({ Username: username, Password: password }),
        {
          onSuccess: () => resolve('signed in'),
          onFailure: reject,
          newPasswordRequired: () => resolve('NEW_PASSWORD_REQUIRED'),
        },
      ),
    );
  }

  describe('temporary passwords', () => {
    const temporary = 'Temp-passw0rd!';

    it('last UnusedAccountValidityDays in a pool whose policy sets no TemporaryPasswordValidityDays', async () => {
      const { poolId, clientId } = await newPool({ AdminCreateUserConfig: { UnusedAccountValidityDays: 3 } });
      const { username, sub } = await invited(poolId, temporary);
      const at = await stored(sub);
      expect(at.expires!.getTime() - at.created.getTime()).toBe(3 * DAY_MS);

      // A minute before the third day ends, the temporary password still leads to a new password.
      await age(sub, 3 * DAY_MS - 60_000);
      expect((await passwordAuth(clientId, username, temporary)).ChallengeName).toBe('NEW_PASSWORD_REQUIRED');

      await age(sub, 60_000);
      await expectAwsError(passwordAuth(clientId, username, temporary), 'NotAuthorizedException', {
        message: 'User account has expired, it must be reset by an administrator.',
      });
      await expectAwsError(srpSignIn(poolId, clientId, username, temporary), 'NotAuthorizedException', {
        message: 'User account has expired, it must be reset by an administrator.',
      });
      // A wrong password learns nothing of the account's state.
      await expectAwsError(passwordAuth(clientId, username, 'Wrong-passw0rd!'), 'NotAuthorizedException', {
        message: 'Incorrect username or password.',
      });

      // The administrator's RESEND starts the validity again, with a new temporary password.
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: username,
          TemporaryPassword: 'Again-passw0rd!',
          MessageAction: 'RESEND',
        }),
      );
      expect((await passwordAuth(clientId, username, 'Again-passw0rd!')).ChallengeName).toBe(
        'NEW_PASSWORD_REQUIRED',
      );
      expect(await srpSignIn(poolId, clientId, username, 'Again-passw0rd!')).toBe('NEW_PASSWORD_REQUIRED');
    });

    it('last TemporaryPasswordValidityDays when the policy sets it, over UnusedAccountValidityDays', async () => {
      const { poolId, clientId } = await newPool({
        Policies: { PasswordPolicy: { MinimumLength: 8, TemporaryPasswordValidityDays: 1 } },
        AdminCreateUserConfig: { UnusedAccountValidityDays: 30 },
      });
      const { username, sub } = await invited(poolId, temporary);
      const at = await stored(sub);
      expect(at.expires!.getTime() - at.created.getTime()).toBe(DAY_MS);

      await age(sub, DAY_MS);
      await expectAwsError(passwordAuth(clientId, username, temporary), 'NotAuthorizedException', {
        message: 'Temporary password has expired and must be reset by an administrator.',
      });
      await expectAwsError(srpSignIn(poolId, clientId, username, temporary), 'NotAuthorizedException', {
        message: 'Temporary password has expired and must be reset by an administrator.',
      });

      // A new temporary password from AdminSetUserPassword works for a day again.
      await admin.send(
        new AdminSetUserPasswordCommand({
          UserPoolId: poolId,
          Username: username,
          Password: 'Reset-passw0rd!',
          Permanent: false,
        }),
      );
      const again = await stored(sub);
      expect(again.expires!.getTime()).toBeGreaterThan(Date.now() + DAY_MS - 10 * 60_000);
      expect(await srpSignIn(poolId, clientId, username, 'Reset-passw0rd!')).toBe('NEW_PASSWORD_REQUIRED');
    });
  });

  describe('link confirmation (CONFIRM_WITH_LINK)', () => {
    const password = 'Linked-passw0rd!';
    let poolId: string;
    let clientId: string;
    let prefix: string;
    const port = new URL(system.endpoint).port;

    beforeAll(async () => {
      ({ poolId, clientId } = await newPool({
        AutoVerifiedAttributes: ['email'],
        VerificationMessageTemplate: {
          DefaultEmailOption: 'CONFIRM_WITH_LINK',
          EmailSubjectByLink: 'Confirm your account',
          EmailMessageByLink: 'Welcome {username}! {##Confirm my account##}',
        },
      }));
      prefix = `lifecycle-${randomUUID().slice(0, 8)}`;
      await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: prefix }));
      domains.push({ poolId, domain: prefix });
    });

    /** Signs a user up with the AWS SDK and answers the link its email carries. */
    async function signedUp(): Promise<{ username: string; link: URL }> {
      const username = `linked-${randomUUID().slice(0, 8)}`;
      const email = `${username}@example.com`;
      const mark = mailboxMark(system);
      const answer = await app.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: username,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      expect(answer.UserConfirmed).toBe(false);
      expect(answer.CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'EMAIL', AttributeName: 'email' });
      return { username, link: await linkSentTo(email, mark) };
    }

    /**
     * The link the mail to `email` after `mark` carries (ADR 0071): an HTML anchor, as Cognito
     * sends it, with a plain-text alternative holding the same link; the SMTP capture (distributed)
     * has the raw multipart/alternative message, the dev mailbox (embedded) both bodies.
     */
    async function linkSentTo(email: string, mark: number): Promise<URL> {
      const mail = await mailSentTo(email, system, { after: mark });
      expect(mail.subject).toBe('Confirm your account');
      if (mail.contentType !== undefined) expect(mail.contentType).toMatch(/^multipart\/alternative;/);
      const anchor = /^Welcome ([^!]+)! <a href="([^"]+)">Confirm my account<\/a>$/.exec(mail.html ?? '');
      expect(anchor).not.toBeNull();
      const href = anchor![2].replace(/&amp;/g, '&');
      expect(mail.text).toBe(`Welcome ${anchor![1]}! Confirm my account <${href}>`);
      expect(`${mail.text}${mail.html}`).not.toMatch(/code is \d{6}/);
      return new URL(href);
    }

    /** A GET of the link, as a browser following it: to the gateway, the domain in the Host header. */
    function follow(link: URL): Promise<{ status: number; body: string }> {
      return new Promise((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: `${link.pathname}${link.search}`, headers: { host: link.host } },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => resolve({ status: res.statusCode!, body }));
          },
        );
        req.on('error', reject);
        req.end();
      });
    }

    const statusOf = async (username: string) =>
      (await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))).UserStatus;

    /** The link with some of its parameters replaced. */
    function altered(link: URL, params: Record<string, string>): URL {
      const copy = new URL(link);
      for (const [name, value] of Object.entries(params)) copy.searchParams.set(name, value);
      return copy;
    }

    it("carries Cognito's link to the pool domain, which confirms the user and verifies the email", async () => {
      const { username, link } = await signedUp();
      expect(link.host).toBe(`${prefix}.auth.localhost:${port}`);
      expect(link.pathname).toBe('/confirmUser');
      expect([...link.searchParams.keys()]).toEqual(['client_id', 'user_name', 'confirmation_code']);
      expect(link.searchParams.get('client_id')).toBe(clientId);
      expect(link.searchParams.get('user_name')).toBe(username);
      expect(link.searchParams.get('confirmation_code')).toMatch(/^\d{6}$/);
      expect(await statusOf(username)).toBe('UNCONFIRMED');

      const page = await follow(link);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Your registration has been confirmed!');
      const user = await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }));
      expect(user.UserStatus).toBe('CONFIRMED');
      expect(user.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
      expect(
        (await passwordAuth(clientId, username, password)).AuthenticationResult?.AccessToken,
      ).toBeDefined();

      // Replayed after the confirmation: refused, and the page says nothing of the user.
      const replay = await follow(link);
      expect(replay.status).toBe(400);
      expect(replay.body).toContain('Invalid link provided, please request a link again.');
    });

    it('escapes a username carrying markup in the HTML mail, and its link still confirms it', async () => {
      const username = `evil"><img_src=x>${randomUUID().slice(0, 8)}`;
      const email = `markup-${randomUUID().slice(0, 8)}@example.com`;
      const mark = mailboxMark(system);
      await app.send(
        new SignUpCommand({
          ClientId: clientId,
          Username: username,
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      const mail = await mailSentTo(email, system, { after: mark });
      expect(mail.html).toContain(
        `Welcome ${username.replace('"', '&quot;').replace('>', '&gt;').replace('<', '&lt;').replace('>', '&gt;')}!`,
      );
      expect(mail.html).not.toContain('<img');
      const href = /<a href="([^"]+)">/.exec(mail.html!)![1].replace(/&amp;/g, '&');
      expect(new URL(href).searchParams.get('user_name')).toBe(username);
      expect((await follow(new URL(href))).status).toBe(200);
      expect(await statusOf(username)).toBe('CONFIRMED');
    });

    it("refuses a wrong code, and another user's code, confirming nobody", async () => {
      const a = await signedUp();
      const b = await signedUp();
      const codeA = a.link.searchParams.get('confirmation_code')!;
      const codeB = b.link.searchParams.get('confirmation_code')!;
      const wrong = String((Number(codeB) + 1) % 1_000_000).padStart(6, '0');
      const answers = [
        await follow(altered(b.link, { confirmation_code: wrong })),
        ...(codeA === codeB ? [] : [await follow(altered(b.link, { confirmation_code: codeA }))]),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(400);
        expect(answer.body).toContain('Invalid link provided, please request a link again.');
      }
      // An unknown user reads the same.
      const unknown = await follow(altered(b.link, { user_name: `nobody-${randomUUID().slice(0, 8)}` }));
      expect(unknown.status).toBe(400);
      expect(unknown.body).toBe(answers[0].body);
      expect(await statusOf(a.username)).toBe('UNCONFIRMED');
      expect(await statusOf(b.username)).toBe('UNCONFIRMED');
      // The right links still work: a refusal spent neither code.
      expect((await follow(b.link)).status).toBe(200);
      expect((await follow(a.link)).status).toBe(200);
    });

    it("refuses the code with a client of another pool, or at another pool's path", async () => {
      const { username, link } = await signedUp();
      const other = await newPool({
        AutoVerifiedAttributes: ['email'],
        VerificationMessageTemplate: { DefaultEmailOption: 'CONFIRM_WITH_LINK' },
      });
      const code = link.searchParams.get('confirmation_code')!;
      const viaOtherClient = await follow(altered(link, { client_id: other.clientId }));
      expect(viaOtherClient.status).toBe(400);
      const atOtherPool = await fetch(
        `${system.endpoint}/${other.poolId}/confirmUser?${new URLSearchParams({
          client_id: clientId,
          user_name: username,
          confirmation_code: code,
        }).toString()}`,
      );
      expect(atOtherPool.status).toBe(400);
      expect(await statusOf(username)).toBe('UNCONFIRMED');
      // The path form of this pool (what a pool without a domain links to) takes it.
      const own = await fetch(`${system.endpoint}/${poolId}/confirmUser${link.search}`);
      expect(own.status).toBe(200);
      expect(await statusOf(username)).toBe('CONFIRMED');
    });

    it('sends the link to a user amazon-cognito-identity-js signs up, and again on ResendConfirmationCode', async () => {
      const pool = new CognitoUserPool({ UserPoolId: poolId, ClientId: clientId, endpoint: system.endpoint });
      const username = `library-${randomUUID().slice(0, 8)}`;
      const email = `${username}@example.com`;
      const first = mailboxMark(system);
      const user = await new Promise<CognitoUser>((resolve, reject) =>
        pool.signUp(
          username,
          password,
          [new CognitoUserAttribute({ Name: 'email', Value: email })],
          [],
          (err, r) => (err ? reject(err) : resolve(r!.user)),
        ),
      );
      const firstLink = await linkSentTo(email, first);
      const second = mailboxMark(system);
      await new Promise((resolve, reject) =>
        user.resendConfirmationCode((err, r) => (err ? reject(err) : resolve(r))),
      );
      const secondLink = await linkSentTo(email, second);
      expect(secondLink.searchParams.get('user_name')).toBe(username);
      // The new code replaced the first one.
      if (
        firstLink.searchParams.get('confirmation_code') !== secondLink.searchParams.get('confirmation_code')
      )
        expect((await follow(firstLink)).status).toBe(400);
      expect((await follow(secondLink)).status).toBe(200);
      expect(await srpSignIn(poolId, clientId, username, password)).toBe('signed in');
    });
  });

  describe('recovery around MFA, and code sign-ins verifying', () => {
    const password = 'Recover-passw0rd!';

    /** A confirmed user with the given attributes and a permanent password. */
    async function confirmedUser(poolId: string, attributes: Record<string, string>): Promise<string> {
      const username = `user-${randomUUID().slice(0, 8)}`;
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: poolId,
          Username: username,
          MessageAction: 'SUPPRESS',
          UserAttributes: Object.entries(attributes).map(([Name, Value]) => ({ Name, Value })),
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
      return username;
    }

    /** The six-digit code of the last mail to `to` after `mark`. */
    async function codeTo(to: string, mark: number): Promise<string> {
      return eventually(
        () => {
          const lines = readFileSync(system.mailbox, 'utf8').trim().split('\n').slice(mark).reverse();
          for (const line of lines) {
            const message = JSON.parse(line) as { to: string; text: string };
            const code = /code(?: is|:) (\d{6})/.exec(message.text)?.[1];
            if (message.to === to && code) return code;
          }
          throw new Error(`no code was sent to ${to}`);
        },
        { timeoutMs: 10_000 },
      );
    }

    it('ForgotPassword skips a medium the user has as MFA when the pool has a recovery setting', async () => {
      const { poolId, clientId } = await newPool({
        AccountRecoverySetting: {
          RecoveryMechanisms: [
            { Name: 'verified_phone_number', Priority: 1 },
            { Name: 'verified_email', Priority: 2 },
          ],
        },
      });
      await admin.send(
        new SetUserPoolMfaConfigCommand({
          UserPoolId: poolId,
          MfaConfiguration: 'OPTIONAL',
          SmsMfaConfiguration: {
            SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::123456789012:role/sns', SnsRegion: 'us-east-1' },
          },
          EmailMfaConfiguration: { Subject: 'Your sign-in code', Message: 'Sign-in code: {####}' },
        }),
      );
      const email = `recover-${randomUUID().slice(0, 8)}@example.com`;
      const username = await confirmedUser(poolId, {
        email,
        email_verified: 'true',
        phone_number: '+15555550142',
        phone_number_verified: 'true',
      });
      const forgot = () => app.send(new ForgotPasswordCommand({ ClientId: clientId, Username: username }));
      expect((await forgot()).CodeDeliveryDetails).toMatchObject({ DeliveryMedium: 'SMS' });

      await admin.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: poolId,
          Username: username,
          SMSMfaSettings: { Enabled: true },
        }),
      );
      const mark = mailboxMark(system);
      expect((await forgot()).CodeDeliveryDetails).toMatchObject({
        DeliveryMedium: 'EMAIL',
        AttributeName: 'email',
      });
      const code = await codeTo(email, mark);
      await app.send(
        new ConfirmForgotPasswordCommand({
          ClientId: clientId,
          Username: username,
          ConfirmationCode: code,
          Password: 'Recovered-passw0rd!',
        }),
      );
      expect((await passwordAuth(clientId, username, 'Recovered-passw0rd!')).ChallengeName).toBe('SMS_MFA');

      // Email MFA too: no mechanism qualifies.
      await admin.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: poolId,
          Username: username,
          EmailMfaSettings: { Enabled: true },
        }),
      );
      await expectAwsError(forgot(), 'InvalidParameterException');
    });

    it('an EMAIL_OTP sign-in marks the email verified', async () => {
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({
          PoolName: 'lifecycle-otp',
          Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } },
        }),
      );
      const poolId = UserPool!.Id!;
      pools.push(poolId);
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'otp',
          ExplicitAuthFlows: ['ALLOW_USER_AUTH'],
        }),
      );
      const clientId = UserPoolClient!.ClientId!;
      const email = `otp-${randomUUID().slice(0, 8)}@example.com`;
      const username = await confirmedUser(poolId, { email });
      const verified = async () =>
        (
          await admin.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: username }))
        ).UserAttributes!.find((a) => a.Name === 'email_verified')?.Value;
      expect(await verified()).not.toBe('true');

      const mark = mailboxMark(system);
      const started = await app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_AUTH',
          AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
        }),
      );
      expect(started.ChallengeName).toBe('EMAIL_OTP');
      const code = await codeTo(email, mark);
      const wrong = String((Number(code) + 111_111) % 1_000_000).padStart(6, '0');
      // A wrong code verifies nothing.
      await expectAwsError(
        app.send(
          new RespondToAuthChallengeCommand({
            ClientId: clientId,
            ChallengeName: 'EMAIL_OTP',
            Session: started.Session,
            ChallengeResponses: { USERNAME: username, EMAIL_OTP_CODE: wrong },
          }),
        ),
        'CodeMismatchException',
      );
      expect(await verified()).not.toBe('true');

      const again = mailboxMark(system);
      const second = await app.send(
        new InitiateAuthCommand({
          ClientId: clientId,
          AuthFlow: 'USER_AUTH',
          AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: 'EMAIL_OTP' },
        }),
      );
      const signedIn = await app.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'EMAIL_OTP',
          Session: second.Session,
          ChallengeResponses: { USERNAME: username, EMAIL_OTP_CODE: await codeTo(email, again) },
        }),
      );
      expect(signedIn.AuthenticationResult?.IdToken).toBeDefined();
      expect(await verified()).toBe('true');
      const claims = JSON.parse(
        Buffer.from(signedIn.AuthenticationResult!.IdToken!.split('.')[1], 'base64url').toString('utf8'),
      ) as { email_verified?: boolean };
      expect(claims.email_verified).toBe(true);
    });
  });
});
