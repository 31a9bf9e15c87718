import {
  AdminAddUserToGroupCommand,
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminGetUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ExplicitAuthFlowsType,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  LambdaConfigType,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  CognitoUserSession,
  ISignUpResult,
} from 'amazon-cognito-identity-js';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { codeSentTo, cognitoAdmin, cognitoPublic, e2eSystem, mailboxMark } from './support/e2e-context';

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

interface Recorded {
  path: string;
  functionArn: string;
  event: Record<string, unknown> & { triggerSource: string; request: Record<string, unknown> };
}

/**
 * User pool triggers (ADR 0030): the pool's LambdaConfig names functions the operator configured
 * (IDFED_LAMBDA_ENDPOINTS), which idfed calls over HTTP with Cognito's event JSON, signed, and
 * whose answers it acts on. The stand-in (libs/testing/src/user-pool-trigger-standin.ts) checks
 * each call's signature with its own code, records the events and answers as a Lambda would.
 * Through the AWS SDK v3 and amazon-cognito-identity-js; attacks: answers that try to re-target
 * the call or the tokens, client input that tries to speak for the trigger, a misrouted function,
 * triggers that time out, fail or answer garbage (the right error, nothing stored), and the
 * answers that must not tell users from non-users.
 */
describe('User pool triggers over HTTP', () => {
  const system = e2eSystem();
  const stamp = Date.now();
  const password = 'Corr3ct-Horse!';
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];
  // idfed's default account (IDFED_ACCOUNT_ID) and region, as the e2e system runs.
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const fn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;

  async function calls(userName: string): Promise<Recorded[]> {
    const res = await fetch(
      `${system.userPoolTriggerStandin}/calls?userName=${encodeURIComponent(userName)}`,
    );
    return ((await res.json()) as { accepted: Recorded[] }).accepted;
  }

  async function rejectedCalls(): Promise<{ path: string; reason: string }[]> {
    const res = await fetch(`${system.userPoolTriggerStandin}/calls`);
    return ((await res.json()) as { rejected: { path: string; reason: string }[] }).rejected;
  }

  async function pool(
    name: string,
    LambdaConfig: LambdaConfigType,
    clientExtras: {
      PreventUserExistenceErrors?: 'ENABLED' | 'LEGACY';
      ExplicitAuthFlows?: ExplicitAuthFlowsType[];
    } = {},
  ): Promise<{ poolId: string; clientId: string }> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `${name}-${stamp}`,
        LambdaConfig,
        AutoVerifiedAttributes: ['email'],
      }),
    );
    const poolId = UserPool!.Id!;
    pools.push(poolId);
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        ...clientExtras,
      }),
    );
    return { poolId, clientId: UserPoolClient!.ClientId! };
  }

  const invite = [{ Name: 'invite', Value: 'let-me-in' }];

  /** A confirmed user of a pool whose PreSignUp is the gate. */
  async function user(p: { poolId: string; clientId: string }, username: string, email?: string) {
    await app.send(
      new SignUpCommand({
        ClientId: p.clientId,
        Username: username,
        Password: password,
        UserAttributes: [{ Name: 'email', Value: email ?? `${username}-${stamp}@example.com` }],
        ValidationData: invite,
      }),
    );
    await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: username }));
  }

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });

  afterAll(async () => {
    for (const poolId of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId: poolId }));
  });

  describe('LambdaConfig', () => {
    it('is stored by CreateUserPool and echoed by DescribeUserPool', async () => {
      const config = {
        PreSignUp: fn('gate'),
        PostConfirmation: fn('gate'),
        PreTokenGenerationConfig: { LambdaVersion: 'V2_0' as const, LambdaArn: fn('gate') },
      };
      const { poolId } = await pool('echo', config);
      const { UserPool } = await admin.send(new DescribeUserPoolCommand({ UserPoolId: poolId }));
      expect(UserPool?.LambdaConfig).toEqual(config);
    });

    it.each([
      ['a function the operator did not configure', fn('unknown')],
      ['another account', 'arn:aws:lambda:us-east-1:999999999999:function:gate'],
      ['a qualified function', `${fn('gate')}:1`],
    ])('refuses %s with InvalidParameterException', async (_what, arn) => {
      await expectAwsError(
        admin.send(new CreateUserPoolCommand({ PoolName: `bad-${stamp}`, LambdaConfig: { PreSignUp: arn } })),
        'InvalidParameterException',
      );
    });

    it('refuses a URL in place of the ARN, as AWS validates ARNs', async () => {
      await expectAwsError(
        admin.send(
          new CreateUserPoolCommand({
            PoolName: `url-${stamp}`,
            LambdaConfig: { PreSignUp: 'http://169.254.169.254/latest/meta-data' },
          }),
        ),
        'InvalidParameterException',
      );
    });
  });

  describe('PreSignUp and PostConfirmation', () => {
    let p: { poolId: string; clientId: string };
    beforeAll(async () => {
      p = await pool('signup', { PreSignUp: fn('gate'), PostConfirmation: fn('gate') });
    });

    it('sends the exact event and lets the sign-up through when the trigger accepts', async () => {
      const email = `ann-${stamp}@example.com`;
      const mark = mailboxMark(system);
      const answer = await app.send(
        new SignUpCommand({
          ClientId: p.clientId,
          Username: 'ann',
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
          ValidationData: invite,
          ClientMetadata: { source: 'e2e' },
        }),
      );
      expect(answer.UserConfirmed).toBe(false);
      const [call] = (await calls('ann')).filter((c) => c.event.userPoolId === p.poolId);
      expect(call.functionArn).toBe(fn('gate'));
      expect(call.event).toEqual({
        version: '1',
        triggerSource: 'PreSignUp_SignUp',
        region: 'us-east-1',
        userPoolId: p.poolId,
        userName: 'ann',
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: p.clientId },
        request: {
          userAttributes: { email },
          validationData: { invite: 'let-me-in' },
          clientMetadata: { source: 'e2e' },
        },
        response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
      });
      // ConfirmSignUp: PostConfirmation gets the confirmed user.
      const code = await codeSentTo(email, system, 10_000, mark);
      await app.send(
        new ConfirmSignUpCommand({ ClientId: p.clientId, Username: 'ann', ConfirmationCode: code }),
      );
      const confirmed = (await calls('ann')).find(
        (c) => c.event.userPoolId === p.poolId && c.event.triggerSource === 'PostConfirmation_ConfirmSignUp',
      );
      expect(confirmed?.event.request).toEqual({
        userAttributes: {
          sub: answer.UserSub,
          email,
          email_verified: 'true',
          'cognito:user_status': 'CONFIRMED',
        },
      });
      expect(confirmed?.event.response).toEqual({});
    });

    it('calls PostConfirmation after AdminConfirmSignUp (no client) and ConfirmForgotPassword', async () => {
      const email = `nina-${stamp}@example.com`;
      await app.send(
        new SignUpCommand({
          ClientId: p.clientId,
          Username: 'nina',
          Password: password,
          UserAttributes: [{ Name: 'email', Value: email }],
          ValidationData: invite,
        }),
      );
      await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: 'nina' }));
      const byAdmin = (await calls('nina')).filter(
        (c) => c.event.userPoolId === p.poolId && c.event.triggerSource === 'PostConfirmation_ConfirmSignUp',
      );
      expect(byAdmin).toHaveLength(1);
      expect(byAdmin[0].event.callerContext).toEqual({
        awsSdkVersion: 'aws-sdk-unknown-unknown',
        clientId: 'CLIENT_ID_NOT_APPLICABLE',
      });
      await admin.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: p.poolId,
          Username: 'nina',
          UserAttributes: [{ Name: 'email_verified', Value: 'true' }],
        }),
      );
      const mark = mailboxMark(system);
      await app.send(new ForgotPasswordCommand({ ClientId: p.clientId, Username: 'nina' }));
      const code = await codeSentTo(email, system, 10_000, mark);
      await app.send(
        new ConfirmForgotPasswordCommand({
          ClientId: p.clientId,
          Username: 'nina',
          ConfirmationCode: code,
          Password: 'N3w-Passw0rd!x',
          ClientMetadata: { step: 'reset' },
        }),
      );
      const reset = (await calls('nina')).find(
        (c) =>
          c.event.userPoolId === p.poolId &&
          c.event.triggerSource === 'PostConfirmation_ConfirmForgotPassword',
      );
      expect(reset?.event).toMatchObject({
        callerContext: { clientId: p.clientId },
        request: {
          userAttributes: expect.objectContaining({ email, 'cognito:user_status': 'CONFIRMED' }),
          clientMetadata: { step: 'reset' },
        },
        response: {},
      });
    });

    it('answers UserLambdaValidationException with the trigger message and stores no user', async () => {
      await expectAwsError(
        app.send(
          new SignUpCommand({
            ClientId: p.clientId,
            Username: 'bob',
            Password: password,
            UserAttributes: [{ Name: 'email', Value: `bob-${stamp}@example.com` }],
          }),
        ),
        'UserLambdaValidationException',
        { status: 400, message: 'PreSignUp failed with error Invite required.' },
      );
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId: p.poolId, Username: 'bob' })),
        'UserNotFoundException',
      );
    });

    it('auto-confirms and auto-verifies when the trigger says so', async () => {
      const answer = await app.send(
        new SignUpCommand({
          ClientId: p.clientId,
          Username: 'auto-carl',
          Password: password,
          UserAttributes: [{ Name: 'email', Value: `carl-${stamp}@example.com` }],
          ValidationData: invite,
        }),
      );
      expect(answer.UserConfirmed).toBe(true);
      expect(answer.CodeDeliveryDetails).toBeUndefined();
      const got = await admin.send(new AdminGetUserCommand({ UserPoolId: p.poolId, Username: 'auto-carl' }));
      expect(got.UserStatus).toBe('CONFIRMED');
      expect(got.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
    });

    it('gives client input no say over the answer: an autoConfirmUser in ClientMetadata or ValidationData does nothing', async () => {
      const answer = await app.send(
        new SignUpCommand({
          ClientId: p.clientId,
          Username: 'dora',
          Password: password,
          UserAttributes: [{ Name: 'email', Value: `dora-${stamp}@example.com` }],
          ValidationData: [...invite, { Name: 'autoConfirmUser', Value: 'true' }],
          ClientMetadata: { autoConfirmUser: 'true', response: '{"autoConfirmUser":true}' },
        }),
      );
      expect(answer.UserConfirmed).toBe(false);
      const got = await admin.send(new AdminGetUserCommand({ UserPoolId: p.poolId, Username: 'dora' }));
      expect(got.UserStatus).toBe('UNCONFIRMED');
    });

    it('signs up through amazon-cognito-identity-js, its validationData reaching the trigger', async () => {
      const userPool = new CognitoUserPool({
        UserPoolId: p.poolId,
        ClientId: p.clientId,
        endpoint: system.endpoint,
      });
      const result = await new Promise<ISignUpResult>((resolve, reject) =>
        userPool.signUp(
          'auto-erin',
          password,
          [new CognitoUserAttribute({ Name: 'email', Value: `erin-${stamp}@example.com` })],
          [new CognitoUserAttribute({ Name: 'invite', Value: 'let-me-in' })],
          (err, res) => (err ? reject(err) : resolve(res!)),
        ),
      );
      expect(result.userConfirmed).toBe(true);
      const refused = await new Promise<Error>((resolve) =>
        userPool.signUp('frank', password, [], [], (err) => resolve(err!)),
      );
      expect(refused).toMatchObject({
        code: 'UserLambdaValidationException',
        message: 'PreSignUp failed with error Invite required.',
      });
    });
  });

  describe('sign-in triggers and PreTokenGeneration', () => {
    it('V1: PreAuthentication, PostAuthentication and the ID token claims and groups, through USER_PASSWORD_AUTH and refresh', async () => {
      const p = await pool('v1', {
        PreSignUp: fn('gate'),
        PreAuthentication: fn('gate'),
        PostAuthentication: fn('gate'),
        PreTokenGeneration: fn('gate'),
      });
      await user(p, 'gina');
      await admin.send(new CreateGroupCommand({ UserPoolId: p.poolId, GroupName: 'staff' }));
      await admin.send(
        new AdminAddUserToGroupCommand({ UserPoolId: p.poolId, Username: 'gina', GroupName: 'staff' }),
      );
      const { AuthenticationResult: r } = await app.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: p.clientId,
          AuthParameters: { USERNAME: 'gina', PASSWORD: password },
        }),
      );
      const id = claimsOf(r!.IdToken!);
      const access = claimsOf(r!.AccessToken!);
      const got = await admin.send(new AdminGetUserCommand({ UserPoolId: p.poolId, Username: 'gina' }));
      const sub = got.UserAttributes!.find((a) => a.Name === 'sub')!.Value;
      // Added and suppressed claims; the forged `sub` and the re-targeted userName are ignored.
      expect(id).toMatchObject({ tier: 'gold', sub, 'cognito:username': 'gina', 'cognito:groups': ['vip'] });
      expect(id).not.toHaveProperty('email');
      expect(access).toMatchObject({
        sub,
        'cognito:groups': ['vip'],
        scope: 'aws.cognito.signin.user.admin',
      });
      expect(access).not.toHaveProperty('tier');
      const events = (await calls('gina')).filter((c) => c.event.userPoolId === p.poolId);
      expect(events.map((c) => c.event.triggerSource)).toEqual([
        'PreSignUp_SignUp',
        'PreAuthentication_Authentication',
        'PostAuthentication_Authentication',
        'TokenGeneration_Authentication',
      ]);
      const tokenEvent = events[3].event;
      expect(tokenEvent).toMatchObject({
        version: '1',
        callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: p.clientId },
        request: {
          userAttributes: expect.objectContaining({ sub, 'cognito:user_status': 'CONFIRMED' }),
          groupConfiguration: { groupsToOverride: ['staff'], iamRolesToOverride: [], preferredRole: null },
        },
        response: { claimsOverrideDetails: null },
      });
      expect(events[1].event.request).toEqual({
        userAttributes: expect.objectContaining({ sub }),
        validationData: {},
      });
      expect(events[2].event.request).toEqual({
        newDeviceUsed: false,
        userAttributes: expect.objectContaining({ sub }),
      });
      const refreshed = await app.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: p.clientId,
          AuthParameters: { REFRESH_TOKEN: r!.RefreshToken! },
        }),
      );
      expect(claimsOf(refreshed.AuthenticationResult!.IdToken!)).toMatchObject({ tier: 'gold', sub });
      expect(
        (await calls('gina')).filter((c) => c.event.userPoolId === p.poolId).pop()?.event.triggerSource,
      ).toBe('TokenGeneration_RefreshTokens');
    });

    it("InitiateAuth's and AdminInitiateAuth's ClientMetadata: PreAuthentication's validationData, and no other trigger's", async () => {
      const p = await pool(
        'metadata',
        {
          PreSignUp: fn('gate'),
          PreAuthentication: fn('gate'),
          PostAuthentication: fn('gate'),
          PreTokenGeneration: fn('gate'),
        },
        {
          ExplicitAuthFlows: [
            'ALLOW_USER_PASSWORD_AUTH',
            'ALLOW_ADMIN_USER_PASSWORD_AUTH',
            'ALLOW_USER_AUTH',
          ],
        },
      );
      await user(p, 'mia');
      // One after the other: the expected order of the recorded events is the calls' order.
      const signIns = [
        () =>
          app.send(
            new InitiateAuthCommand({
              AuthFlow: 'USER_PASSWORD_AUTH',
              ClientId: p.clientId,
              AuthParameters: { USERNAME: 'mia', PASSWORD: password },
              ClientMetadata: { origin: 'app', step: 'one' },
            }),
          ),
        () =>
          admin.send(
            new AdminInitiateAuthCommand({
              AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
              UserPoolId: p.poolId,
              ClientId: p.clientId,
              AuthParameters: { USERNAME: 'mia', PASSWORD: password },
              ClientMetadata: { origin: 'back-end' },
            }),
          ),
        // USER_AUTH's SELECT_CHALLENGE answered PASSWORD (ADR 0071): the answer's ClientMetadata.
        async () => {
          const started = await app.send(
            new InitiateAuthCommand({
              AuthFlow: 'USER_AUTH',
              ClientId: p.clientId,
              AuthParameters: { USERNAME: 'mia' },
              ClientMetadata: { step: 'start' },
            }),
          );
          expect(started.ChallengeName).toBe('SELECT_CHALLENGE');
          return app.send(
            new RespondToAuthChallengeCommand({
              ClientId: p.clientId,
              ChallengeName: 'SELECT_CHALLENGE',
              Session: started.Session,
              ChallengeResponses: { USERNAME: 'mia', ANSWER: 'PASSWORD', PASSWORD: password },
              ClientMetadata: { step: 'select' },
            }),
          );
        },
      ];
      for (const signIn of signIns)
        expect((await signIn()).AuthenticationResult?.IdToken).toEqual(expect.any(String));
      const events = (await calls('mia')).filter((c) => c.event.userPoolId === p.poolId).slice(1);
      expect(events.map((c) => [c.event.triggerSource, c.event.request.validationData])).toEqual([
        ['PreAuthentication_Authentication', { origin: 'app', step: 'one' }],
        ['PostAuthentication_Authentication', undefined],
        ['TokenGeneration_Authentication', undefined],
        ['PreAuthentication_Authentication', { origin: 'back-end' }],
        ['PostAuthentication_Authentication', undefined],
        ['TokenGeneration_Authentication', undefined],
        ['PreAuthentication_Authentication', { step: 'select' }],
        ['PostAuthentication_Authentication', undefined],
        ['TokenGeneration_Authentication', undefined],
      ]);
      // Cognito documents it: InitiateAuth's ClientMetadata is no input of these triggers.
      for (const c of events) expect(c.event.request).not.toHaveProperty('clientMetadata');
      // A map of strings only, as the SDK's type says; an object where a string belongs is refused
      // at deserialization, as AWS's JSON protocol does ("Start of structure or map found where
      // not expected.").
      await expectAwsError(
        app.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: p.clientId,
            AuthParameters: { USERNAME: 'mia', PASSWORD: password },
            ClientMetadata: { nested: { no: 1 } as unknown as string },
          }),
        ),
        'SerializationException',
      );
    });

    it('AdminCreateUser calls PreSignUp_AdminCreateUser; the new password gets TokenGeneration_NewPasswordChallenge', async () => {
      const p = await pool('new-password', {
        PreSignUp: fn('gate'),
        PreAuthentication: fn('gate'),
        PreTokenGeneration: fn('gate'),
      });
      const created = (name: string, ValidationData?: { Name: string; Value: string }[]) =>
        admin.send(
          new AdminCreateUserCommand({
            UserPoolId: p.poolId,
            Username: name,
            TemporaryPassword: 'Temp-Passw0rd!',
            MessageAction: 'SUPPRESS',
            UserAttributes: [{ Name: 'email', Value: `${name}-${stamp}@example.com` }],
            ...(ValidationData ? { ValidationData } : {}),
            ClientMetadata: { by: 'console' },
          }),
        );
      // The trigger refuses without the invite: Cognito's error, and no user.
      await expectAwsError(created('auto-nia'), 'UserLambdaValidationException', {
        status: 400,
        message: 'PreSignUp failed with error Invite required.',
      });
      await expectAwsError(
        admin.send(new AdminGetUserCommand({ UserPoolId: p.poolId, Username: 'auto-nia' })),
        'UserNotFoundException',
      );
      // With it: the user is created, and the trigger's autoConfirmUser (the stand-in says yes to
      // `auto` names) does not skip the temporary password; its autoVerifyEmail marks the email
      // verified.
      const { User } = await created('auto-nia', invite);
      expect(User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
      expect(User?.Attributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
      const stored = await admin.send(
        new AdminGetUserCommand({ UserPoolId: p.poolId, Username: 'auto-nia' }),
      );
      expect(stored.UserAttributes).toContainEqual({ Name: 'email_verified', Value: 'true' });
      // A name the trigger does not auto-verify keeps its email unverified.
      await created('plain-nia', invite);
      const plain = await admin.send(
        new AdminGetUserCommand({ UserPoolId: p.poolId, Username: 'plain-nia' }),
      );
      expect(plain.UserAttributes?.find((a) => a.Name === 'email_verified')).toBeUndefined();
      const [refused, accepted] = (await calls('auto-nia')).filter((c) => c.event.userPoolId === p.poolId);
      for (const c of [refused, accepted]) {
        expect(c.event).toMatchObject({
          triggerSource: 'PreSignUp_AdminCreateUser',
          callerContext: { clientId: 'CLIENT_ID_NOT_APPLICABLE' },
          request: { clientMetadata: { by: 'console' } },
        });
      }
      expect(accepted.event.request).toEqual({
        userAttributes: { email: `auto-nia-${stamp}@example.com` },
        validationData: { invite: 'let-me-in' },
        clientMetadata: { by: 'console' },
      });
      const challenge = await app.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: p.clientId,
          AuthParameters: { USERNAME: 'auto-nia', PASSWORD: 'Temp-Passw0rd!' },
        }),
      );
      expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      const done = await app.send(
        new RespondToAuthChallengeCommand({
          ClientId: p.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'auto-nia', NEW_PASSWORD: password },
        }),
      );
      expect(claimsOf(done.AuthenticationResult!.IdToken!)).toMatchObject({ tier: 'gold' });
      const sources = (await calls('auto-nia'))
        .filter((c) => c.event.userPoolId === p.poolId)
        .map((c) => c.event.triggerSource);
      expect(sources).toEqual([
        'PreSignUp_AdminCreateUser',
        'PreSignUp_AdminCreateUser',
        'PreAuthentication_Authentication',
        'TokenGeneration_NewPasswordChallenge',
      ]);
    });

    it("RespondToAuthChallenge's and AdminRespondToAuthChallenge's ClientMetadata: PostAuthentication's and PreTokenGeneration's clientMetadata", async () => {
      const p = await pool(
        'respond-metadata',
        {
          PreSignUp: fn('gate'),
          PreAuthentication: fn('gate'),
          PostAuthentication: fn('gate'),
          PreTokenGeneration: fn('gate'),
        },
        { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH'] },
      );
      const ofPool = async (name: string) =>
        (await calls(name))
          .filter((c) => c.event.userPoolId === p.poolId)
          .map((c) => [
            c.event.triggerSource,
            c.event.request.validationData,
            c.event.request.clientMetadata,
          ]);
      // SRP through amazon-cognito-identity-js: its AuthenticationDetails' ClientMetadata goes with
      // InitiateAuth (PreAuthentication's validationData) and with the PASSWORD_VERIFIER answer.
      await user(p, 'rio');
      const userPool = new CognitoUserPool({
        UserPoolId: p.poolId,
        ClientId: p.clientId,
        endpoint: system.endpoint,
      });
      await new Promise<CognitoUserSession>((resolve, reject) =>
        new CognitoUser({ Username: 'rio', Pool: userPool }).authenticateUser(
          new AuthenticationDetails({ Username: 'rio', Password: password, ClientMetadata: { app: 'spa' } }),
          { onSuccess: resolve, onFailure: reject },
        ),
      );
      expect((await ofPool('rio')).slice(1)).toEqual([
        ['PreAuthentication_Authentication', { app: 'spa' }, undefined],
        ['PostAuthentication_Authentication', undefined, { app: 'spa' }],
        ['TokenGeneration_Authentication', undefined, { app: 'spa' }],
      ]);
      // NEW_PASSWORD_REQUIRED answered by AdminRespondToAuthChallenge: its own ClientMetadata, not
      // AdminInitiateAuth's.
      await admin.send(
        new AdminCreateUserCommand({
          UserPoolId: p.poolId,
          Username: 'sol',
          TemporaryPassword: 'Temp-Passw0rd!',
          MessageAction: 'SUPPRESS',
          UserAttributes: [{ Name: 'email', Value: `sol-${stamp}@example.com` }],
          ValidationData: invite,
        }),
      );
      const challenge = await admin.send(
        new AdminInitiateAuthCommand({
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          UserPoolId: p.poolId,
          ClientId: p.clientId,
          AuthParameters: { USERNAME: 'sol', PASSWORD: 'Temp-Passw0rd!' },
          ClientMetadata: { step: 'start' },
        }),
      );
      expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
      const done = await admin.send(
        new AdminRespondToAuthChallengeCommand({
          UserPoolId: p.poolId,
          ClientId: p.clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: challenge.Session,
          ChallengeResponses: { USERNAME: 'sol', NEW_PASSWORD: password },
          ClientMetadata: { step: 'answer' },
        }),
      );
      expect(done.AuthenticationResult?.IdToken).toEqual(expect.any(String));
      expect((await ofPool('sol')).slice(1)).toEqual([
        ['PreAuthentication_Authentication', { step: 'start' }, undefined],
        ['PostAuthentication_Authentication', undefined, { step: 'answer' }],
        ['TokenGeneration_NewPasswordChallenge', undefined, { step: 'answer' }],
      ]);
    });

    it('V2 through amazon-cognito-identity-js (SRP): both tokens and the scopes, protected claims untouched', async () => {
      const p = await pool('v2', {
        PreSignUp: fn('gate'),
        PreAuthentication: fn('gate'),
        PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: fn('gate') },
      });
      await user(p, 'hank');
      const userPool = new CognitoUserPool({
        UserPoolId: p.poolId,
        ClientId: p.clientId,
        endpoint: system.endpoint,
      });
      const session = await new Promise<CognitoUserSession>((resolve, reject) =>
        new CognitoUser({ Username: 'hank', Pool: userPool }).authenticateUser(
          new AuthenticationDetails({ Username: 'hank', Password: password }),
          { onSuccess: resolve, onFailure: reject },
        ),
      );
      const id = claimsOf(session.getIdToken().getJwtToken());
      const access = claimsOf(session.getAccessToken().getJwtToken());
      expect(id).toMatchObject({
        tier: 'gold',
        iss: `${system.endpoint}/${p.poolId}`,
        'cognito:groups': ['vip'],
      });
      expect(id).not.toHaveProperty('email');
      expect(access).toMatchObject({
        tier: 'gold',
        token_use: 'access',
        client_id: p.clientId,
        scope: 'aws.cognito.signin.user.admin gate/extra',
      });
      expect(access.sub).toBe(id.sub);
      const token = (await calls('hank')).filter((c) => c.event.userPoolId === p.poolId).pop()!.event;
      expect(token).toMatchObject({
        version: '2',
        triggerSource: 'TokenGeneration_Authentication',
        request: { scopes: ['aws.cognito.signin.user.admin'] },
        response: { claimsAndScopeOverrideDetails: null },
      });
    });

    it('refuses with the trigger message: PreAuthentication before the password, PostAuthentication with no tokens', async () => {
      const p = await pool('refusals', {
        PreSignUp: fn('gate'),
        PreAuthentication: fn('gate'),
        PostAuthentication: fn('gate'),
      });
      await user(p, 'ivan', `blocked-ivan-${stamp}@example.com`);
      await user(p, 'postfail-jo');
      for (const pw of [password, 'Wrong-Passw0rd!']) {
        await expectAwsError(
          app.send(
            new InitiateAuthCommand({
              AuthFlow: 'USER_PASSWORD_AUTH',
              ClientId: p.clientId,
              AuthParameters: { USERNAME: 'ivan', PASSWORD: pw },
            }),
          ),
          'UserLambdaValidationException',
          { status: 400, message: 'PreAuthentication failed with error Account blocked.' },
        );
      }
      await expectAwsError(
        app.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: p.clientId,
            AuthParameters: { USERNAME: 'postfail-jo', PASSWORD: password },
          }),
        ),
        'UserLambdaValidationException',
        { status: 400, message: 'PostAuthentication failed with error Not today.' },
      );
    });

    it('tells users from non-users no more than before: userNotFound goes to the trigger, the answers match', async () => {
      const p = await pool(
        'hidden',
        { PreSignUp: fn('gate'), PreAuthentication: fn('gate') },
        {
          PreventUserExistenceErrors: 'ENABLED',
        },
      );
      await user(p, 'kim');
      const attempt = (username: string) =>
        expectAwsError(
          app.send(
            new InitiateAuthCommand({
              AuthFlow: 'USER_PASSWORD_AUTH',
              ClientId: p.clientId,
              AuthParameters: { USERNAME: username, PASSWORD: 'Wrong-Passw0rd!' },
            }),
          ),
          'NotAuthorizedException',
          { status: 400, message: 'Incorrect username or password.' },
        );
      await attempt('kim');
      await attempt('nobody-here');
      const ghost = (await calls('nobody-here')).filter((c) => c.event.userPoolId === p.poolId);
      expect(ghost.map((c) => c.event.request)).toEqual([
        { userAttributes: {}, userNotFound: true, validationData: {} },
      ]);
    });
  });

  describe('triggers that fail', () => {
    it.each([
      [
        'times out',
        'slow',
        'UnexpectedLambdaException',
        'PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.',
      ],
      ['answers garbage', 'garbage', 'InvalidLambdaResponseException', 'Unrecognizable lambda output'],
      [
        'answers 502 without a Lambda error',
        'broken',
        'UnexpectedLambdaException',
        'PreSignUp invocation failed due to error ServiceException.',
      ],
      [
        'cannot be reached',
        'gone',
        'UnexpectedLambdaException',
        'PreSignUp invocation failed due to error ServiceException.',
      ],
      [
        'is routed to another function endpoint (signature refused)',
        'misrouted',
        'UnexpectedLambdaException',
        'PreSignUp invocation failed due to error ServiceException.',
      ],
    ])(
      'a PreSignUp that %s: %s, and no user',
      async (_what, name, error, message) => {
        const p = await pool(`fail-${name}`, { PreSignUp: fn(name) });
        const username = `${name}-user`;
        await expectAwsError(
          app.send(
            new SignUpCommand({
              ClientId: p.clientId,
              Username: username,
              Password: password,
              UserAttributes: [{ Name: 'email', Value: `${name}-${stamp}@example.com` }],
            }),
          ),
          error,
          { status: 400, message },
        );
        await expectAwsError(
          admin.send(new AdminGetUserCommand({ UserPoolId: p.poolId, Username: username })),
          'UserNotFoundException',
        );
        if (name === 'misrouted') {
          expect(await rejectedCalls()).toContainEqual({ path: '/gate', reason: 'another function' });
        }
      },
      30_000,
    );

    it('a PreTokenGeneration that answers garbage: no tokens, InvalidLambdaResponseException', async () => {
      const p = await pool('tokens-garbage', { PreTokenGeneration: fn('garbage') });
      await app.send(
        new SignUpCommand({
          ClientId: p.clientId,
          Username: 'lea',
          Password: password,
          UserAttributes: [{ Name: 'email', Value: `lea-${stamp}@example.com` }],
        }),
      );
      await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: p.poolId, Username: 'lea' }));
      await expectAwsError(
        app.send(
          new InitiateAuthCommand({
            AuthFlow: 'USER_PASSWORD_AUTH',
            ClientId: p.clientId,
            AuthParameters: { USERNAME: 'lea', PASSWORD: password },
          }),
        ),
        'InvalidLambdaResponseException',
        { status: 400, message: 'Unrecognizable lambda output' },
      );
    });

    it('a caller that is not idfed is refused by the receiver: unsigned and forged calls', async () => {
      const event = {
        version: '1',
        triggerSource: 'PreSignUp_SignUp',
        userName: 'mallory',
        request: {},
        response: {},
      };
      const unsigned = await fetch(`${system.userPoolTriggerStandin}/gate`, {
        method: 'POST',
        body: JSON.stringify(event),
      });
      expect(unsigned.status).toBe(401);
      const forged = await fetch(`${system.userPoolTriggerStandin}/gate`, {
        method: 'POST',
        body: JSON.stringify(event),
        headers: {
          'x-idfed-trigger-id': 'f0f0',
          'x-idfed-timestamp': String(Math.floor(Date.now() / 1000)),
          'x-idfed-function': fn('gate'),
          'x-idfed-signature': `v1=${'00'.repeat(32)}`,
        },
      });
      expect(forged.status).toBe(401);
      await eventually(async () => {
        const reasons = (await rejectedCalls()).map((r) => r.reason);
        expect(reasons).toEqual(expect.arrayContaining(['unsigned', 'bad signature']));
      });
    });
  });
});
