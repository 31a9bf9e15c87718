import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  ExplicitAuthFlowsType,
  InitiateAuthCommand,
  InitiateAuthCommandOutput,
  LambdaConfigType,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { CognitoJsSrpClient } from '../apps/user-directory/test/support/cognito-js-srp-client';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { challengeAnswerFor } from '../libs/testing/src/user-pool-trigger-standin';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

interface Recorded {
  path: string;
  event: Record<string, unknown> & {
    triggerSource: string;
    userName: string;
    request: Record<string, unknown>;
  };
}

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * CUSTOM_AUTH (ADR 0036): DefineAuthChallenge, CreateAuthChallenge and VerifyAuthChallengeResponse
 * on ADR 0030's HTTP triggers, here the stand-in's `challenge` function (libs/testing/src/
 * user-pool-trigger-standin.ts), which checks each call's signature and answers as a Lambda trio
 * would. Through the AWS SDK v3 (InitiateAuth, AdminInitiateAuth and both RespondToAuthChallenge)
 * and amazon-cognito-identity-js (`initiateAuth` with `customChallenge` and
 * `sendCustomChallengeAnswer`). Attacks: wrong answers (counted by the lockout), a Session
 * replayed after success, a Session taken to another client or user, a forged Session, names
 * without a user (same answers, `userNotFound` to the functions), functions that answer garbage or
 * cannot be reached. An expired Session is covered by the unit spec (the shortest session lives 3
 * minutes).
 *
 * The SRP path (amazon-cognito-identity-js's `authenticateUser` with CUSTOM_AUTH: SRP_A, then
 * PASSWORD_VERIFIER when DefineAuthChallenge asks for it, then a CUSTOM_CHALLENGE): a right and a
 * wrong password, and a PASSWORD_VERIFIER answered in a Session that did not ask for one.
 */
describe('CUSTOM_AUTH through HTTP triggers', () => {
  const system = e2eSystem();
  const stamp = Date.now();
  const password = 'Corr3ct-Horse!';
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  const pools: string[] = [];
  const account = system.commonEnv.IDFED_ACCOUNT_ID ?? '000000000000';
  const fn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;
  const trio: LambdaConfigType = {
    DefineAuthChallenge: fn('challenge'),
    CreateAuthChallenge: fn('challenge'),
    VerifyAuthChallengeResponse: fn('challenge'),
  };

  async function calls(userName: string): Promise<Recorded[]> {
    const res = await fetch(
      `${system.userPoolTriggerStandin}/calls?userName=${encodeURIComponent(userName)}`,
    );
    return ((await res.json()) as { accepted: Recorded[] }).accepted.filter((c) => c.path === '/challenge');
  }

  async function client(
    poolId: string,
    flows: ExplicitAuthFlowsType[] = ['ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'ENABLED' | 'LEGACY' = 'LEGACY',
  ): Promise<string> {
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'app',
        ExplicitAuthFlows: flows,
        PreventUserExistenceErrors,
      }),
    );
    return UserPoolClient!.ClientId!;
  }

  async function pool(name: string, LambdaConfig: LambdaConfigType = trio): Promise<string> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({ PoolName: `${name}-${stamp}`, LambdaConfig }),
    );
    pools.push(UserPool!.Id!);
    return UserPool!.Id!;
  }

  async function user(poolId: string, username: string): Promise<void> {
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
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
  }

  function start(clientId: string, username: string): Promise<InitiateAuthCommandOutput> {
    return app.send(
      new InitiateAuthCommand({
        AuthFlow: 'CUSTOM_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username },
      }),
    );
  }

  function answer(clientId: string, session: string | undefined, username: string, value: string) {
    return app.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: session,
        ChallengeResponses: { USERNAME: username, ANSWER: value },
        ClientMetadata: { screen: 'sign-in' },
      }),
    );
  }

  let poolId: string;
  let clientId: string;
  let hidingClientId: string;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    poolId = await pool('custom');
    clientId = await client(poolId);
    hidingClientId = await client(poolId, ['ALLOW_CUSTOM_AUTH'], 'ENABLED');
    for (const name of [
      'carla',
      'cora',
      'cyd',
      'cass',
      'colm',
      'failauth-fay',
      'oddanswer-olaf',
      'lock-lou',
      'sara',
      'sven',
      'sol',
    ])
      await user(poolId, name);
  });

  afterAll(async () => {
    for (const id of pools) await admin.send(new DeleteUserPoolCommand({ UserPoolId: id }));
  });

  it('signs in through InitiateAuth and RespondToAuthChallenge, a wrong answer first', async () => {
    const first = await start(clientId, 'carla');
    expect(first.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(first.ChallengeParameters).toEqual({
      question: 'What is the answer?',
      round: '1',
      USERNAME: 'carla',
    });
    expect(JSON.stringify(first)).not.toContain(challengeAnswerFor('carla', 1));
    const second = await answer(clientId, first.Session, 'carla', 'wrong');
    expect(second.ChallengeName).toBe('CUSTOM_CHALLENGE');
    expect(second.ChallengeParameters).toMatchObject({ round: '2' });
    expect(second.Session).not.toBe(first.Session);
    const done = await answer(clientId, second.Session, 'carla', challengeAnswerFor('carla', 2));
    expect(done.ChallengeName).toBeUndefined();
    expect(claimsOf(done.AuthenticationResult!.AccessToken!)).toMatchObject({
      username: 'carla',
      client_id: clientId,
    });

    const events = await calls('carla');
    expect(events.map((c) => c.event.triggerSource)).toEqual([
      'DefineAuthChallenge_Authentication',
      'CreateAuthChallenge_Authentication',
      'VerifyAuthChallengeResponse_Authentication',
      'DefineAuthChallenge_Authentication',
      'CreateAuthChallenge_Authentication',
      'VerifyAuthChallengeResponse_Authentication',
      'DefineAuthChallenge_Authentication',
    ]);
    const last = events.at(-1)!.event;
    expect(last).toMatchObject({
      version: '1',
      userPoolId: poolId,
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId },
      request: {
        userAttributes: { email: 'carla@example.com', 'cognito:user_status': 'CONFIRMED' },
        session: [
          { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: 'ROUND-1' },
          { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'ROUND-2' },
        ],
        clientMetadata: { screen: 'sign-in' },
      },
    });
    expect(last.request).not.toHaveProperty('userNotFound');
    expect(events[2].event.request).toMatchObject({
      privateChallengeParameters: { answer: challengeAnswerFor('carla', 1) },
      challengeAnswer: 'wrong',
    });
  });

  it('signs in through amazon-cognito-identity-js with customChallenge and sendCustomChallengeAnswer', async () => {
    const userPool = new CognitoUserPool({
      UserPoolId: poolId,
      ClientId: clientId,
      endpoint: system.endpoint,
    });
    const cognitoUser = new CognitoUser({ Username: 'cora', Pool: userPool });
    cognitoUser.setAuthenticationFlowType('CUSTOM_AUTH');
    const seen: Record<string, string>[] = [];
    const session = await new Promise<CognitoUserSession>((resolve, reject) => {
      const callbacks = {
        onSuccess: resolve,
        onFailure: reject,
        customChallenge(parameters: Record<string, string>) {
          seen.push(parameters);
          const reply = seen.length === 1 ? 'not it' : challengeAnswerFor('cora', Number(parameters.round));
          cognitoUser.sendCustomChallengeAnswer(reply, callbacks);
        },
      };
      cognitoUser.initiateAuth(new AuthenticationDetails({ Username: 'cora' }), callbacks);
    });
    expect(seen.map((p) => p.round)).toEqual(['1', '2']);
    expect(session.getIdToken().payload).toMatchObject({
      'cognito:username': 'cora',
      email: 'cora@example.com',
    });
  });

  it('signs in through AdminInitiateAuth and AdminRespondToAuthChallenge', async () => {
    const first = await admin.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'CUSTOM_AUTH',
        AuthParameters: { USERNAME: 'cyd' },
      }),
    );
    expect(first.ChallengeName).toBe('CUSTOM_CHALLENGE');
    const done = await admin.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        ChallengeName: 'CUSTOM_CHALLENGE',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'cyd', ANSWER: challengeAnswerFor('cyd', 1) },
      }),
    );
    expect(done.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('refuses a Session replayed after success, taken to another client or user, or forged', async () => {
    const first = await start(clientId, 'cass');
    const right = challengeAnswerFor('cass', 1);
    // Another client of the same pool, another user: refused, and the session is not used up.
    await expectAwsError(answer(hidingClientId, first.Session, 'cass', right), 'NotAuthorizedException');
    await expectAwsError(answer(clientId, first.Session, 'colm', right), 'NotAuthorizedException');
    const forged = `${first.Session!.slice(0, 40)}${first.Session!.slice(40).replace(/[A-Za-z]/, (c) => (c === 'A' ? 'B' : 'A'))}`;
    await expectAwsError(answer(clientId, forged, 'cass', right), 'NotAuthorizedException');
    const done = await answer(clientId, first.Session, 'cass', right);
    expect(done.AuthenticationResult?.AccessToken).toEqual(expect.any(String));
    await expectAwsError(
      answer(clientId, first.Session, 'cass', right),
      'NotAuthorizedException',
      'Invalid session for the user, session can only be used once.',
    );
  });

  it('fails after three wrong answers and counts them toward the lockout', async () => {
    let step = await start(clientId, 'lock-lou');
    for (let i = 0; i < 2; i++) step = await answer(clientId, step.Session, 'lock-lou', 'wrong');
    await expectAwsError(
      answer(clientId, step.Session, 'lock-lou', 'wrong'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    step = await start(clientId, 'lock-lou');
    step = await answer(clientId, step.Session, 'lock-lou', 'wrong');
    step = await answer(clientId, step.Session, 'lock-lou', 'wrong');
    // Six wrong answers: locked out, the right answer is refused too.
    step = await start(clientId, 'lock-lou');
    await expectAwsError(
      answer(clientId, step.Session, 'lock-lou', challengeAnswerFor('lock-lou', 1)),
      'NotAuthorizedException',
      'Password attempts exceeded',
    );
  });

  it('answers a name without a user as a user, with userNotFound to the functions, when the client hides users', async () => {
    const real = await start(hidingClientId, 'colm');
    const ghost = await start(hidingClientId, `ghost-${stamp}`);
    expect(ghost.ChallengeName).toBe(real.ChallengeName);
    expect(Object.keys(ghost.ChallengeParameters!).sort()).toEqual(
      Object.keys(real.ChallengeParameters!).sort(),
    );
    const ghostAnswer = challengeAnswerFor(`ghost-${stamp}`, 1);
    await expectAwsError(
      answer(hidingClientId, ghost.Session, `ghost-${stamp}`, ghostAnswer),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    const events = await calls(`ghost-${stamp}`);
    expect(events[0].event.request).toMatchObject({ userAttributes: {}, userNotFound: true, session: [] });
    const colm = await calls('colm');
    expect(colm[0].event.request).toMatchObject({ userNotFound: false });
    // Without PreventUserExistenceErrors the name is told apart, as Cognito does.
    await expectAwsError(start(clientId, `ghost-${stamp}`), 'UserNotFoundException');
  });

  it.each([
    [
      'failAuthentication from DefineAuthChallenge',
      'failauth-fay',
      'NotAuthorizedException',
      'Incorrect username or password.',
    ],
    [
      'issueTokens of the wrong type',
      'oddanswer-olaf',
      'InvalidLambdaResponseException',
      'Unrecognizable lambda output',
    ],
  ])('answers %s', async (_what, name, error, message) => {
    await expectAwsError(start(clientId, name), error, message);
  });

  it.each([
    ['answers garbage', 'garbage', 'InvalidLambdaResponseException', 'Unrecognizable lambda output'],
    [
      'cannot be reached',
      'gone',
      'UnexpectedLambdaException',
      'DefineAuthChallenge invocation failed due to error ServiceException.',
    ],
  ])('refuses the sign-in when DefineAuthChallenge %s', async (_what, name, error, message) => {
    const id = await pool(`custom-${name}`, { ...trio, DefineAuthChallenge: fn(name) });
    await user(id, 'dora');
    await expectAwsError(start(await client(id), 'dora'), error, message);
  });

  it('refuses CUSTOM_AUTH for a client without ALLOW_CUSTOM_AUTH and a pool without the triggers', async () => {
    const other = await client(poolId, ['ALLOW_USER_PASSWORD_AUTH']);
    await expectAwsError(
      start(other, 'carla'),
      'InvalidParameterException',
      'CUSTOM_AUTH flow not enabled for this client',
    );
    const bare = await pool('custom-bare', {});
    await user(bare, 'dora');
    await expectAwsError(
      start(await client(bare), 'dora'),
      'InvalidParameterException',
      'Custom auth lambda trigger is not configured for the user pool.',
    );
  });

  function signInWithPassword(name: string, pass: string, rounds: Record<string, string>[]) {
    const userPool = new CognitoUserPool({
      UserPoolId: poolId,
      ClientId: clientId,
      endpoint: system.endpoint,
    });
    const cognitoUser = new CognitoUser({ Username: name, Pool: userPool });
    cognitoUser.setAuthenticationFlowType('CUSTOM_AUTH');
    return new Promise<CognitoUserSession>((resolve, reject) => {
      const callbacks = {
        onSuccess: resolve,
        onFailure: reject,
        customChallenge(parameters: Record<string, string>) {
          rounds.push(parameters);
          cognitoUser.sendCustomChallengeAnswer(
            challengeAnswerFor(name, Number(parameters.round)),
            callbacks,
          );
        },
      };
      cognitoUser.authenticateUser(new AuthenticationDetails({ Username: name, Password: pass }), callbacks);
    });
  }

  it('signs in through amazon-cognito-identity-js with the password (SRP) then a custom challenge', async () => {
    const rounds: Record<string, string>[] = [];
    const session = await signInWithPassword('sara', password, rounds);
    expect(rounds.map((p) => p.round)).toEqual(['1']);
    expect(session.getIdToken().payload).toMatchObject({
      'cognito:username': 'sara',
      email: 'sara@example.com',
    });
    const defines = (await calls('sara')).filter(
      (c) => c.event.triggerSource === 'DefineAuthChallenge_Authentication',
    );
    expect(defines.map((c) => c.event.request.session)).toEqual([
      [{ challengeName: 'SRP_A', challengeResult: true }],
      [
        { challengeName: 'SRP_A', challengeResult: true },
        { challengeName: 'PASSWORD_VERIFIER', challengeResult: true },
      ],
      [
        { challengeName: 'SRP_A', challengeResult: true },
        { challengeName: 'PASSWORD_VERIFIER', challengeResult: true },
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: 'ROUND-1' },
      ],
    ]);
    // No CreateAuthChallenge for PASSWORD_VERIFIER: one for the one custom round.
    const creates = (await calls('sara')).filter(
      (c) => c.event.triggerSource === 'CreateAuthChallenge_Authentication',
    );
    expect(creates).toHaveLength(1);
  });

  it('refuses a wrong password on the SRP path before any custom challenge', async () => {
    const rounds: Record<string, string>[] = [];
    await expect(signInWithPassword('sven', 'Wrong-passw0rd!', rounds)).rejects.toMatchObject({
      code: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
    expect(rounds).toEqual([]);
    expect((await calls('sven')).map((c) => c.event.triggerSource)).toEqual([
      'DefineAuthChallenge_Authentication',
    ]);
  });

  it('refuses a PASSWORD_VERIFIER answered in a Session that DefineAuthChallenge did not ask it in', async () => {
    const js = new CognitoJsSrpClient(poolId.split('_')[1]);
    const asked = await app.send(
      new InitiateAuthCommand({
        AuthFlow: 'CUSTOM_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'sol', SRP_A: await js.srpA(), CHALLENGE_NAME: 'SRP_A' },
      }),
    );
    expect(asked.ChallengeName).toBe('PASSWORD_VERIFIER');
    const proof = await js.respond(asked.ChallengeParameters!, password);
    const verify = (session: string | undefined) =>
      app.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'PASSWORD_VERIFIER',
          Session: session,
          ChallengeResponses: proof,
        }),
      );
    // The CUSTOM_CHALLENGE Session of a sign-in without SRP: DefineAuthChallenge asked no password.
    const custom = await start(clientId, 'sol');
    expect(custom.ChallengeName).toBe('CUSTOM_CHALLENGE');
    await expectAwsError(verify(custom.Session), 'NotAuthorizedException', 'Invalid session for the user.');
    // No Session: a client with only CUSTOM_AUTH takes no bare SRP proof (no USER_SRP_AUTH).
    await expectAwsError(verify(undefined), 'InvalidParameterException');
    // A PASSWORD_VERIFIER Session does not take a custom answer.
    await expectAwsError(
      answer(clientId, asked.Session, 'sol', challengeAnswerFor('sol', 1)),
      'NotAuthorizedException',
    );
    // The same proof in the Session that asked for it passes, once.
    const next = await verify(asked.Session);
    expect(next.ChallengeName).toBe('CUSTOM_CHALLENGE');
    await expectAwsError(verify(asked.Session), 'NotAuthorizedException');
  });
});
