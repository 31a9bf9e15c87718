import { randomBytes } from 'node:crypto';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminListGroupsForUserCommand,
  AdminSetUserPasswordCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark } from './support/e2e-context';
import { createPasswordPool, newSignedInUser, PasswordPool, signIn } from './support/user-pools';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/** What one of N concurrent calls came to: 'ok' or the AWS error name. */
type Outcome = string;

/** Fires all calls at once and tallies how each ended. */
async function race<T>(calls: (() => Promise<T>)[]): Promise<{ outcomes: Outcome[]; values: T[] }> {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const values: T[] = [];
  const outcomes = settled.map((s) => {
    if (s.status === 'fulfilled') {
      values.push(s.value);
      return 'ok';
    }
    return (s.reason as { name?: string }).name ?? String(s.reason);
  });
  return { outcomes, values };
}

function tally(outcomes: Outcome[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const o of outcomes) counts[o] = (counts[o] ?? 0) + 1;
  return counts;
}

/** Exactly one call succeeded; every other ended with one of `refusals`. */
function expectOneWinner(outcomes: Outcome[], refusals: string[]): void {
  expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
  for (const o of outcomes.filter((o) => o !== 'ok')) expect(refusals).toContain(o);
}

const password = () => `Pw-${randomBytes(6).toString('hex')}!A1`;

/**
 * Every read-check-write path, raced: N identical or conflicting requests at once through the
 * real gateway, and only the outcomes some serial order of them would give are accepted.
 */
describe('concurrent requests on one record', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let pool: PasswordPool;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    pool = await createPasswordPool(admin, system.endpoint, 'races');
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  it('ChangePassword from one previous password: one wins, the others are refused', async () => {
    const original = password();
    const { AccessToken } = await newSignedInUser(admin, app, pool, 'changer', original);
    const proposed = Array.from({ length: 50 }, () => password());
    const { outcomes } = await race(
      proposed.map(
        (p) => () =>
          app.send(
            new ChangePasswordCommand({ AccessToken, PreviousPassword: original, ProposedPassword: p }),
          ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 1, NotAuthorizedException: 49 });
    const winner = proposed[outcomes.indexOf('ok')];
    await expect(signIn(app, pool, 'changer', winner)).resolves.toHaveProperty('AccessToken');
    const loser = proposed[outcomes.indexOf('NotAuthorizedException')];
    for (const lost of [original, loser]) {
      await expectAwsError(signIn(app, pool, 'changer', lost), 'NotAuthorizedException');
    }
  });

  it('SignUp of one username: one user, the others UsernameExistsException', async () => {
    const { outcomes } = await race(
      Array.from(
        { length: 10 },
        () => () =>
          app.send(new SignUpCommand({ ClientId: pool.clientId, Username: 'twin', Password: password() })),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 1, UsernameExistsException: 9 });
    const listed = await admin.send(
      new ListUsersCommand({ UserPoolId: pool.userPoolId, Filter: 'username = "twin"' }),
    );
    expect(listed.Users).toHaveLength(1);
  });

  it('AdminCreateUser of one username: one user, the others UsernameExistsException', async () => {
    const { outcomes } = await race(
      Array.from(
        { length: 10 },
        () => () =>
          admin.send(
            new AdminCreateUserCommand({
              UserPoolId: pool.userPoolId,
              Username: 'invited-twin',
              MessageAction: 'SUPPRESS',
            }),
          ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 1, UsernameExistsException: 9 });
  });

  describe('codes sent by email', () => {
    let emailPool: { userPoolId: string; clientId: string };
    beforeAll(async () => {
      const { UserPool } = await admin.send(
        new CreateUserPoolCommand({ PoolName: 'races-codes', AutoVerifiedAttributes: ['email'] }),
      );
      const { UserPoolClient } = await admin.send(
        new CreateUserPoolClientCommand({
          UserPoolId: UserPool!.Id!,
          ClientName: 'app',
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      emailPool = { userPoolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
    });

    it('ConfirmSignUp with one code: confirmed once, the others see a confirmed user', async () => {
      const email = `confirm-race-${Date.now()}@example.com`;
      await app.send(
        new SignUpCommand({
          ClientId: emailPool.clientId,
          Username: 'confirm-race',
          Password: password(),
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      const code = await codeSentTo(email, system);
      const { outcomes } = await race(
        Array.from(
          { length: 10 },
          () => () =>
            app.send(
              new ConfirmSignUpCommand({
                ClientId: emailPool.clientId,
                Username: 'confirm-race',
                ConfirmationCode: code,
              }),
            ),
        ),
      );
      // The others find the user confirmed; past the free attempts, the lockout answers first.
      expectOneWinner(outcomes, ['NotAuthorizedException', 'LimitExceededException']);
    });

    it('VerifyUserAttribute with one code: verified once, the code spent for the others', async () => {
      const email = `verify-race-${Date.now()}@example.com`;
      const pw = password();
      await app.send(
        new SignUpCommand({
          ClientId: emailPool.clientId,
          Username: 'verify-race',
          Password: pw,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      const confirmation = await codeSentTo(email, system);
      await app.send(
        new ConfirmSignUpCommand({
          ClientId: emailPool.clientId,
          Username: 'verify-race',
          ConfirmationCode: confirmation,
        }),
      );
      const signedIn = await app.send(
        new InitiateAuthCommand({
          ClientId: emailPool.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'verify-race', PASSWORD: pw },
        }),
      );
      const AccessToken = signedIn.AuthenticationResult!.AccessToken!;
      const changed = `verify-race-new-${Date.now()}@example.com`;
      await app.send(
        new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: changed }] }),
      );
      const code = await codeSentTo(changed, system);
      const { outcomes } = await race(
        Array.from(
          { length: 10 },
          () => () =>
            app.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: code })),
        ),
      );
      expectOneWinner(outcomes, ['ExpiredCodeException', 'LimitExceededException']);
    });

    it('ConfirmForgotPassword with one code: one new password, the code spent for the others', async () => {
      const email = `reset-race-${Date.now()}@example.com`;
      const first = password();
      await app.send(
        new SignUpCommand({
          ClientId: emailPool.clientId,
          Username: 'reset-race',
          Password: first,
          UserAttributes: [{ Name: 'email', Value: email }],
        }),
      );
      const confirmation = await codeSentTo(email, system);
      await app.send(
        new ConfirmSignUpCommand({
          ClientId: emailPool.clientId,
          Username: 'reset-race',
          ConfirmationCode: confirmation,
        }),
      );
      const mark = mailboxMark(system);
      await app.send(new ForgotPasswordCommand({ ClientId: emailPool.clientId, Username: 'reset-race' }));
      const code = await codeSentTo(email, system, 10_000, mark);
      const proposed = Array.from({ length: 10 }, () => password());
      const { outcomes } = await race(
        proposed.map(
          (p) => () =>
            app.send(
              new ConfirmForgotPasswordCommand({
                ClientId: emailPool.clientId,
                Username: 'reset-race',
                ConfirmationCode: code,
                Password: p,
              }),
            ),
        ),
      );
      // The code is spent for the others; past the free attempts, the lockout answers first.
      expectOneWinner(outcomes, ['ExpiredCodeException', 'LimitExceededException']);
      const winner = proposed[outcomes.indexOf('ok')];
      const signedIn = await app.send(
        new InitiateAuthCommand({
          ClientId: emailPool.clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'reset-race', PASSWORD: winner },
        }),
      );
      expect(signedIn.AuthenticationResult?.AccessToken).toBeDefined();
    });
  });

  it('NEW_PASSWORD_REQUIRED answered with one session: tokens once, the others refused', async () => {
    const temporary = password();
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: pool.userPoolId,
        Username: 'first-timer',
        TemporaryPassword: temporary,
        MessageAction: 'SUPPRESS',
      }),
    );
    const challenge = await app.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'first-timer', PASSWORD: temporary },
      }),
    );
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    const proposed = Array.from({ length: 10 }, () => password());
    const { outcomes } = await race(
      proposed.map(
        (p) => () =>
          app.send(
            new RespondToAuthChallengeCommand({
              ClientId: pool.clientId,
              ChallengeName: 'NEW_PASSWORD_REQUIRED',
              Session: challenge.Session,
              ChallengeResponses: { USERNAME: 'first-timer', NEW_PASSWORD: p },
            }),
          ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 1, NotAuthorizedException: 9 });
    await expect(signIn(app, pool, 'first-timer', proposed[outcomes.indexOf('ok')])).resolves.toHaveProperty(
      'AccessToken',
    );
  });

  it('AdminSetUserPassword raced with ChangePassword: the last write is one whole password', async () => {
    const original = password();
    const { AccessToken } = await newSignedInUser(admin, app, pool, 'set-and-change', original);
    // Few enough candidates that finding the one that works stays within the free sign-in attempts.
    const byAdmin = Array.from({ length: 2 }, () => password());
    const byUser = Array.from({ length: 2 }, () => password());
    const { outcomes } = await race([
      ...byAdmin.map(
        (p) => () =>
          admin.send(
            new AdminSetUserPasswordCommand({
              UserPoolId: pool.userPoolId,
              Username: 'set-and-change',
              Password: p,
              Permanent: true,
            }),
          ),
      ),
      ...byUser.map(
        (p) => () =>
          app.send(
            new ChangePasswordCommand({ AccessToken, PreviousPassword: original, ProposedPassword: p }),
          ),
      ),
    ]);
    // Every admin write lands; at most one user change does (the one that still saw the original).
    expect(outcomes.slice(0, 2)).toEqual(['ok', 'ok']);
    expect(outcomes.slice(2).filter((o) => o === 'ok').length).toBeLessThanOrEqual(1);
    // Exactly one of the candidate passwords signs in, with both its hash and verifier from one write.
    const working: string[] = [];
    for (const p of [original, ...byAdmin, ...byUser]) {
      try {
        await signIn(app, pool, 'set-and-change', p);
        working.push(p);
      } catch (err) {
        expect((err as { name?: string }).name).toBe('NotAuthorizedException');
      }
    }
    expect(working).toHaveLength(1);
  });

  it('UpdateUserAttributes to one email in an email-username pool: one holder, AliasExistsException for the others', async () => {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: 'races-emails', UsernameAttributes: ['email'] }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const emailPool: PasswordPool = {
      userPoolId: UserPool!.Id!,
      clientId: UserPoolClient!.ClientId!,
      providerName: '',
    };
    const tokens: string[] = [];
    for (let i = 0; i < 6; i++) {
      const pw = password();
      const result = await newSignedInUser(admin, app, emailPool, `holder-${i}@example.com`, pw);
      tokens.push(result.AccessToken!);
    }
    const { outcomes } = await race(
      tokens.map(
        (AccessToken) => () =>
          app.send(
            new UpdateUserAttributesCommand({
              AccessToken,
              UserAttributes: [{ Name: 'email', Value: 'contested@example.com' }],
            }),
          ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 1, AliasExistsException: 5 });
    const holders = await admin.send(
      new ListUsersCommand({ UserPoolId: emailPool.userPoolId, Filter: 'email = "contested@example.com"' }),
    );
    expect(holders.Users).toHaveLength(1);
  });

  it('AdminAddUserToGroup repeated at once: every call succeeds, one membership', async () => {
    await newSignedInUser(admin, app, pool, 'joiner', password());
    await admin.send(new CreateGroupCommand({ UserPoolId: pool.userPoolId, GroupName: 'crowd' }));
    const { outcomes } = await race(
      Array.from(
        { length: 10 },
        () => () =>
          admin.send(
            new AdminAddUserToGroupCommand({
              UserPoolId: pool.userPoolId,
              Username: 'joiner',
              GroupName: 'crowd',
            }),
          ),
      ),
    );
    expect(tally(outcomes)).toEqual({ ok: 10 });
    const groups = await admin.send(
      new AdminListGroupsForUserCommand({ UserPoolId: pool.userPoolId, Username: 'joiner' }),
    );
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(['crowd']);
  });

  it('AdminAddUserToGroup raced with AdminDeleteUser: the user is added or not found, the group never missing', async () => {
    await newSignedInUser(admin, app, pool, 'leaver', password());
    await admin.send(new CreateGroupCommand({ UserPoolId: pool.userPoolId, GroupName: 'left-behind' }));
    const add = () =>
      admin.send(
        new AdminAddUserToGroupCommand({
          UserPoolId: pool.userPoolId,
          Username: 'leaver',
          GroupName: 'left-behind',
        }),
      );
    const { outcomes } = await race([
      ...Array.from({ length: 5 }, () => add),
      () => admin.send(new AdminDeleteUserCommand({ UserPoolId: pool.userPoolId, Username: 'leaver' })),
      ...Array.from({ length: 5 }, () => add),
    ]);
    expect(outcomes[5]).toBe('ok');
    for (const o of [...outcomes.slice(0, 5), ...outcomes.slice(6)])
      expect(['ok', 'UserNotFoundException']).toContain(o);
  });

  it('GetId with one login at once: one identity for all', async () => {
    const identity = new CognitoIdentityClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
      maxAttempts: 1,
    });
    try {
      const { IdentityPoolId } = await identity.send(
        new CreateIdentityPoolCommand({
          IdentityPoolName: 'races',
          AllowUnauthenticatedIdentities: false,
          CognitoIdentityProviders: [{ ProviderName: pool.providerName, ClientId: pool.clientId }],
        }),
      );
      const { IdToken } = await newSignedInUser(admin, app, pool, 'federated', password());
      const { outcomes, values } = await race(
        Array.from(
          { length: 10 },
          () => () =>
            identity.send(new GetIdCommand({ IdentityPoolId, Logins: { [pool.providerName]: IdToken! } })),
        ),
      );
      expect(tally(outcomes)).toEqual({ ok: 10 });
      expect(new Set(values.map((v) => v.IdentityId)).size).toBe(1);
    } finally {
      identity.destroy();
    }
  });

  it('IAM CreateRole of one name: one role, EntityAlreadyExists for the others', async () => {
    const iam = new IAMClient({
      region: 'us-east-1',
      endpoint: system.endpoint,
      credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
      maxAttempts: 1,
    });
    try {
      const trust = JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Federated: 'cognito-identity.amazonaws.com' },
            Action: 'sts:AssumeRoleWithWebIdentity',
          },
        ],
      });
      const name = `race-role-${Date.now()}`;
      const { outcomes } = await race(
        Array.from(
          { length: 10 },
          () => () => iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust })),
        ),
      );
      expect(tally(outcomes)).toEqual({ ok: 1, EntityAlreadyExistsException: 9 });
      await expect(iam.send(new GetRoleCommand({ RoleName: name }))).resolves.toHaveProperty(
        'Role.RoleName',
        name,
      );
    } finally {
      iam.destroy();
    }
  });
});
