import { createHmac, hkdfSync } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { UserEntity } from '../database/entities';
import { TriggerCaller } from './trigger-caller';
import { TriggerPool, UserPoolTriggers } from './user-pool-triggers';

/**
 * The trigger caller against a loopback HTTP server that stands in for the functions: what it is
 * sent (the exact event, the signature a receiver checks with its own key) and how each kind of
 * answer is read.
 */
describe('UserPoolTriggers over HTTP (ADR 0030)', () => {
  const secret = Buffer.alloc(32, 7);
  const account = '123456789012';
  const poolId = 'us-east-1_Trig';
  const arn = (name: string) => `arn:aws:lambda:us-east-1:${account}:function:${name}`;
  const received: { path: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const answers = new Map<
    string,
    (
      event: Record<string, unknown>,
    ) => { status: number; body: string; headers?: Record<string, string> } | 'hang'
  >();
  let server: Server;
  let base: string;
  let triggers: UserPoolTriggers;

  const user = {
    sub: 'b3b8a5c6-0000-4000-8000-000000000001',
    username: 'ann',
    status: 'CONFIRMED',
    attributes: { email: 'ann@example.com', email_verified: 'true' },
  } as unknown as UserEntity;

  function poolWith(lambdaConfig: TriggerPool['config']['lambdaConfig']): TriggerPool {
    return { id: poolId, config: { lambdaConfig } };
  }

  function lambdaAnswer(response: unknown) {
    return (event: Record<string, unknown>) => ({
      status: 200,
      body: JSON.stringify({ ...event, response }),
    });
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '/';
        received.push({ path, headers: req.headers, body });
        const answer = answers.get(path.slice(1))?.(JSON.parse(body) as Record<string, unknown>);
        if (answer === 'hang' || answer === undefined) return; // never answers
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const names = [
      'ok',
      'refuse',
      'garbage',
      'slow',
      'redirect',
      'crash',
      'array',
      'bad-flag',
      'v2',
      'v1',
      'huge',
      'm2m',
    ];
    triggers = new UserPoolTriggers(
      new TriggerCaller({
        accountId: account,
        endpoints: new Map(names.map((n) => [n, `${base}/${n}`])),
        secret,
        timeoutMs: 300,
        maxAnswerBytes: 4096,
      }),
    );
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received.length = 0;
    answers.clear();
  });

  it('posts PreSignUp with Cognito event JSON, signed with the endpoint key, and reads its answer', async () => {
    answers.set('ok', lambdaAnswer({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false }));
    const answer = await triggers.preSignUp(
      poolWith({ PreSignUp: arn('ok') }),
      'PreSignUp_SignUp',
      'client-1',
      'ann',
      { email: 'ann@example.com' },
      null,
      { source: 'web' },
    );
    expect(answer).toEqual({ autoConfirmUser: true, autoVerifyEmail: true, autoVerifyPhone: false });
    expect(received).toHaveLength(1);
    const call = received[0];
    expect(JSON.parse(call.body)).toEqual({
      version: '1',
      triggerSource: 'PreSignUp_SignUp',
      region: 'us-east-1',
      userPoolId: poolId,
      userName: 'ann',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client-1' },
      request: {
        userAttributes: { email: 'ann@example.com' },
        validationData: null,
        clientMetadata: { source: 'web' },
      },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
    // The receiver's check, written from the ADR rather than from idfed's code.
    const key = Buffer.from(
      hkdfSync('sha256', secret, Buffer.alloc(0), 'idfed user pool trigger endpoint v1\nok', 32),
    );
    const h = call.headers;
    expect(h['x-idfed-function']).toBe(arn('ok'));
    const mac = createHmac('sha256', key)
      .update(
        `v1\n${String(h['x-idfed-timestamp'])}\n${String(h['x-idfed-trigger-id'])}\n${arn('ok')}\n${call.body}`,
      )
      .digest('hex');
    expect(h['x-idfed-signature']).toBe(`v1=${mac}`);
    expect(Math.abs(Number(h['x-idfed-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
  });

  it('makes no call for a pool without the trigger', async () => {
    const answer = await triggers.preSignUp(poolWith(undefined), 'PreSignUp_SignUp', 'c', 'ann', {}, null);
    expect(answer.autoConfirmUser).toBe(false);
    await triggers.postAuthentication(poolWith({ PreSignUp: arn('ok') }), 'c', user, false);
    expect(received).toHaveLength(0);
  });

  it('sends PreAuthentication, PostAuthentication and PostConfirmation with the user as events show it', async () => {
    answers.set('ok', lambdaAnswer({}));
    const pool = poolWith({
      PreAuthentication: arn('ok'),
      PostAuthentication: arn('ok'),
      PostConfirmation: arn('ok'),
    });
    await triggers.preAuthentication(pool, 'c', user, 'ann', { device: 'x' });
    await triggers.preAuthentication(pool, 'c', undefined, 'nobody');
    await triggers.postAuthentication(pool, 'c', user, true, { m: '1' });
    await triggers.postConfirmation(pool, 'PostConfirmation_ConfirmSignUp', 'c', user);
    const events = received.map((r) => JSON.parse(r.body) as Record<string, unknown>);
    const attributes = { sub: user.sub, ...user.attributes, 'cognito:user_status': 'CONFIRMED' };
    expect(events.map((e) => [e.triggerSource, e.userName, e.request, e.response])).toEqual([
      [
        'PreAuthentication_Authentication',
        'ann',
        { userAttributes: attributes, validationData: { device: 'x' } },
        {},
      ],
      [
        'PreAuthentication_Authentication',
        'nobody',
        { userAttributes: {}, userNotFound: true, validationData: {} },
        {},
      ],
      [
        'PostAuthentication_Authentication',
        'ann',
        { newDeviceUsed: true, userAttributes: attributes, clientMetadata: { m: '1' } },
        {},
      ],
      ['PostConfirmation_ConfirmSignUp', 'ann', { userAttributes: attributes }, {}],
    ]);
  });

  it('reads a V1 PreTokenGeneration answer: the ID token claims and the groups', async () => {
    answers.set(
      'v1',
      lambdaAnswer({
        claimsOverrideDetails: {
          claimsToAddOrOverride: { tier: 'gold' },
          claimsToSuppress: ['email'],
          groupOverrideDetails: { groupsToOverride: ['vip'], iamRolesToOverride: [], preferredRole: null },
        },
      }),
    );
    const groups = [{ name: 'admins', roleArn: 'arn:aws:iam::123456789012:role/a', precedence: 1 }];
    const overrides = await triggers.preTokenGeneration(
      poolWith({ PreTokenGeneration: arn('v1') }),
      'TokenGeneration_Authentication',
      'c',
      user,
      groups,
      ['aws.cognito.signin.user.admin'],
    );
    expect(JSON.parse(received[0].body)).toMatchObject({
      version: '1',
      triggerSource: 'TokenGeneration_Authentication',
      request: {
        groupConfiguration: {
          groupsToOverride: ['admins'],
          iamRolesToOverride: ['arn:aws:iam::123456789012:role/a'],
          preferredRole: 'arn:aws:iam::123456789012:role/a',
        },
      },
      response: { claimsOverrideDetails: null },
    });
    expect(JSON.parse(received[0].body).request.scopes).toBeUndefined();
    expect(overrides).toEqual({
      id: { add: { tier: 'gold' }, suppress: ['email'] },
      access: { add: {}, suppress: [] },
      scopesToAdd: [],
      scopesToSuppress: [],
      groups: { groups: ['vip'], roles: [], preferredRole: null },
    });
  });

  it('reads a V2 PreTokenGeneration answer: both tokens and the scopes', async () => {
    answers.set(
      'v2',
      lambdaAnswer({
        claimsAndScopeOverrideDetails: {
          idTokenGeneration: { claimsToAddOrOverride: { n: 1 } },
          accessTokenGeneration: {
            claimsToAddOrOverride: { roles: ['a'] },
            scopesToAdd: ['x/y'],
            scopesToSuppress: ['z'],
          },
        },
      }),
    );
    const overrides = await triggers.preTokenGeneration(
      poolWith({ PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: arn('v2') } }),
      'TokenGeneration_RefreshTokens',
      'c',
      user,
      [],
      ['openid'],
    );
    expect(JSON.parse(received[0].body)).toMatchObject({
      version: '2',
      request: {
        scopes: ['openid'],
        groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [], preferredRole: null },
      },
      response: { claimsAndScopeOverrideDetails: null },
    });
    expect(overrides).toEqual({
      id: { add: { n: 1 }, suppress: [] },
      access: { add: { roles: ['a'] }, suppress: [] },
      scopesToAdd: ['x/y'],
      scopesToSuppress: ['z'],
    });
  });

  it('calls only a V3_0 trigger for a machine token, and keeps only its access token changes', async () => {
    answers.set(
      'm2m',
      lambdaAnswer({
        claimsAndScopeOverrideDetails: {
          idTokenGeneration: { claimsToAddOrOverride: { n: 1 } },
          accessTokenGeneration: { claimsToAddOrOverride: { tier: 'gold' }, scopesToAdd: ['x/y'] },
          groupOverrideDetails: { groupsToOverride: ['admins'] },
        },
      }),
    );
    const v2 = await triggers.preTokenGenerationForClient(
      poolWith({ PreTokenGenerationConfig: { LambdaVersion: 'V2_0', LambdaArn: arn('m2m') } }),
      'machine',
      ['api/read'],
    );
    expect(v2).toBeUndefined();
    expect(received).toHaveLength(0);
    const overrides = await triggers.preTokenGenerationForClient(
      poolWith({ PreTokenGenerationConfig: { LambdaVersion: 'V3_0', LambdaArn: arn('m2m') } }),
      'machine',
      ['api/read'],
      { job: 'nightly' },
    );
    expect(JSON.parse(received[0].body)).toMatchObject({
      version: '3',
      triggerSource: 'TokenGeneration_ClientCredentials',
      userName: 'ClientCredentials',
      callerContext: { clientId: 'machine' },
      request: {
        userAttributes: {},
        scopes: ['api/read'],
        groupConfiguration: null,
        clientMetadata: { job: 'nightly' },
      },
      response: { claimsAndScopeOverrideDetails: null },
    });
    expect(overrides).toEqual({
      id: { add: {}, suppress: [] },
      access: { add: { tier: 'gold' }, suppress: [] },
      scopesToAdd: ['x/y'],
      scopesToSuppress: [],
    });
  });

  describe('failures, with the errors Cognito answers', () => {
    const signUp = (name: string) =>
      triggers.preSignUp(poolWith({ PreSignUp: arn(name) }), 'PreSignUp_SignUp', 'c', 'ann', {}, null);

    it('a function error (4xx/5xx with errorMessage) is UserLambdaValidationException with its message', async () => {
      answers.set('refuse', () => ({
        status: 500,
        body: JSON.stringify({ errorType: 'Error', errorMessage: 'Invite only' }),
      }));
      await expect(signUp('refuse')).rejects.toMatchObject({
        errorName: 'UserLambdaValidationException',
        message: 'PreSignUp failed with error Invite only.',
      });
    });

    it('no answer in time is UnexpectedLambdaException', async () => {
      answers.set('slow', () => 'hang');
      await expect(signUp('slow')).rejects.toMatchObject({
        errorName: 'UnexpectedLambdaException',
        message: 'PreSignUp invocation failed due to error Socket timeout while invoking Lambda function.',
      });
    });

    it('a redirect is not followed, and another status without Lambda error shape is UnexpectedLambdaException', async () => {
      answers.set('redirect', () => ({ status: 302, body: '', headers: { location: `${base}/ok` } }));
      answers.set('crash', () => ({ status: 502, body: '<html>bad gateway</html>' }));
      answers.set('ok', lambdaAnswer({ autoConfirmUser: true }));
      await expect(signUp('redirect')).rejects.toMatchObject({ errorName: 'UnexpectedLambdaException' });
      await expect(signUp('crash')).rejects.toMatchObject({ errorName: 'UnexpectedLambdaException' });
      expect(received.map((r) => r.path)).toEqual(['/redirect', '/crash']);
    });

    it('a function the operator does not configure is never called', async () => {
      await expect(signUp('elsewhere')).rejects.toMatchObject({
        errorName: 'UnexpectedLambdaException',
        message: 'PreSignUp invocation failed due to error ResourceNotFoundException.',
      });
      expect(received).toHaveLength(0);
    });

    it.each([
      ['not JSON', 'garbage', () => ({ status: 200, body: 'hello' })],
      ['a JSON array', 'array', () => ({ status: 200, body: '[]' })],
      ['a flag of the wrong type', 'bad-flag', lambdaAnswer({ autoConfirmUser: 'yes' })],
      [
        'an answer over the limit',
        'huge',
        () => ({ status: 200, body: JSON.stringify({ response: {}, pad: 'x'.repeat(5000) }) }),
      ],
    ])('%s is InvalidLambdaResponseException', async (_what, name, answer) => {
      answers.set(name, answer);
      await expect(signUp(name)).rejects.toMatchObject({
        errorName: 'InvalidLambdaResponseException',
        message: 'Unrecognizable lambda output',
      });
    });

    it('a PreTokenGeneration answer of the wrong shape is InvalidLambdaResponseException', async () => {
      answers.set('v1', lambdaAnswer({ claimsOverrideDetails: { claimsToSuppress: 'email' } }));
      await expect(
        triggers.preTokenGeneration(
          poolWith({ PreTokenGeneration: arn('v1') }),
          'TokenGeneration_Authentication',
          'c',
          user,
          [],
          [],
        ),
      ).rejects.toMatchObject({ errorName: 'InvalidLambdaResponseException' });
    });
  });
});
