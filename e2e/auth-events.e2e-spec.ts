import {
  AdminCreateUserCommand,
  AdminListUserAuthEventsCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateAuthEventFeedbackCommand,
  AuthEventType,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  InitiateAuthCommand,
  SignUpCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { expectAwsError } from '../libs/testing/src/aws-errors';
import { eventually } from '../libs/testing/src/eventually';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';

/**
 * Threat protection's user event history (ADR 0083) through the AWS SDK: sign-ups and password
 * sign-ins of real users recorded while the pool's AdvancedSecurityMode is AUDIT or ENFORCED (after
 * the answer, so the tests wait for them), listed newest first by AdminListUserAuthEvents with the
 * caller's address, and marked by AdminUpdateAuthEventFeedback. Unknown names leave nothing; another
 * pool's or another user's event cannot be marked; anonymous calls are refused.
 */
describe('auth events', () => {
  const system = e2eSystem();
  const password = 'Ev3nts-Recorded!';
  const stamp = Date.now();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;

  beforeAll(() => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  interface Pool {
    poolId: string;
    clientId: string;
  }

  async function pool(name: string, mode?: 'AUDIT' | 'ENFORCED'): Promise<Pool> {
    const { UserPool } = await admin.send(
      new CreateUserPoolCommand({
        PoolName: `${name}-${stamp}`,
        AutoVerifiedAttributes: [],
        ...(mode ? { UserPoolAddOns: { AdvancedSecurityMode: mode } } : {}),
      }),
    );
    const { UserPoolClient } = await admin.send(
      new CreateUserPoolClientCommand({
        UserPoolId: UserPool!.Id!,
        ClientName: 'app',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId: UserPool!.Id!, clientId: UserPoolClient!.ClientId! };
  }

  async function adminUser(p: Pool, username: string): Promise<void> {
    await admin.send(
      new AdminCreateUserCommand({ UserPoolId: p.poolId, Username: username, MessageAction: 'SUPPRESS' }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: p.poolId,
        Username: username,
        Password: password,
        Permanent: true,
      }),
    );
  }

  const signIn = (p: Pool, username: string, pw = password) =>
    app.send(
      new InitiateAuthCommand({
        ClientId: p.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: username, PASSWORD: pw },
      }),
    );

  const list = async (p: Pool, username: string, MaxResults?: number, NextToken?: string) =>
    admin.send(
      new AdminListUserAuthEventsCommand({ UserPoolId: p.poolId, Username: username, MaxResults, NextToken }),
    );

  /** The user's events once `count` are written (they are written after the answer). */
  const eventsOf = (p: Pool, username: string, count: number): Promise<AuthEventType[]> =>
    eventually(async () => {
      const { AuthEvents } = await list(p, username);
      expect(AuthEvents).toHaveLength(count);
      return AuthEvents!;
    });

  it('records sign-ups and password sign-ins, newest first, with the caller address', async () => {
    const p = await pool('events-record', 'AUDIT');
    await app.send(
      new SignUpCommand({
        ClientId: p.clientId,
        Username: 'sue',
        Password: password,
        UserAttributes: [{ Name: 'email', Value: 'sue@example.com' }],
      }),
    );
    await eventsOf(p, 'sue', 1);
    await adminUser(p, 'sam');
    await expectAwsError(signIn(p, 'sam', 'Wr0ng-Password!'), 'NotAuthorizedException');
    await eventsOf(p, 'sam', 1);
    expect((await signIn(p, 'sam')).AuthenticationResult).toBeDefined();
    const events = await eventsOf(p, 'sam', 2);
    expect(events.map((e) => [e.EventType, e.EventResponse])).toEqual([
      ['SignIn', 'Pass'],
      ['SignIn', 'Fail'],
    ]);
    expect(events[0].ChallengeResponses).toEqual([
      { ChallengeName: 'Password', ChallengeResponse: 'Success' },
    ]);
    expect(events[1].ChallengeResponses).toEqual([
      { ChallengeName: 'Password', ChallengeResponse: 'Failure' },
    ]);
    for (const e of events) {
      expect(e.EventId).toMatch(/^[\w+-]{1,50}$/);
      expect(e.EventContextData!.IpAddress).toMatch(/127\.0\.0\.1|::1/);
      expect(e.EventContextData!.DeviceName).toContain('aws-sdk-js');
      expect(e.EventRisk).toBeUndefined();
      expect(e.EventFeedback).toBeUndefined();
    }
    expect(events[0].CreationDate!.getTime()).toBeGreaterThanOrEqual(events[1].CreationDate!.getTime());
    const [signUp] = await eventsOf(p, 'sue', 1);
    expect([signUp.EventType, signUp.EventResponse]).toEqual(['SignUp', 'Pass']);

    // Paging, one at a time, then a token the service never issued.
    const first = await list(p, 'sam', 1);
    expect(first.AuthEvents!.map((e) => e.EventId)).toEqual([events[0].EventId]);
    const second = await list(p, 'sam', 1, first.NextToken);
    expect(second.AuthEvents!.map((e) => e.EventId)).toEqual([events[1].EventId]);
    expect(second.NextToken).toBeUndefined();
    await expectAwsError(list(p, 'sam', 1, 'bm90LWEtdG9rZW4'), 'InvalidParameterException', { status: 400 });
    await expectAwsError(list(p, 'nobody'), 'UserNotFoundException', { status: 400 });
  });

  it('records nothing while threat protection is off, and refuses to list then', async () => {
    const p = await pool('events-off');
    await adminUser(p, 'otto');
    expect((await signIn(p, 'otto')).AuthenticationResult).toBeDefined();
    await expectAwsError(list(p, 'otto'), 'UserPoolAddOnNotEnabledException', { status: 400 });
    await admin.send(
      new UpdateUserPoolCommand({
        UserPoolId: p.poolId,
        UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      }),
    );
    expect((await list(p, 'otto')).AuthEvents).toEqual([]);
    expect((await signIn(p, 'otto')).AuthenticationResult).toBeDefined();
    await eventsOf(p, 'otto', 1);
  });

  it('takes feedback on the user own events only', async () => {
    const p = await pool('events-feedback', 'ENFORCED');
    const other = await pool('events-feedback-other', 'ENFORCED');
    await adminUser(p, 'fay');
    await adminUser(p, 'gus');
    await adminUser(other, 'fay');
    expect((await signIn(p, 'fay')).AuthenticationResult).toBeDefined();
    expect((await signIn(p, 'gus')).AuthenticationResult).toBeDefined();
    const [fays] = await eventsOf(p, 'fay', 1);
    const [guss] = await eventsOf(p, 'gus', 1);
    const feedback = (
      poolId: string,
      Username: string,
      EventId: string,
      FeedbackValue: 'Valid' | 'Invalid',
    ) =>
      admin.send(
        new AdminUpdateAuthEventFeedbackCommand({ UserPoolId: poolId, Username, EventId, FeedbackValue }),
      );

    const before = Date.now();
    await feedback(p.poolId, 'fay', fays.EventId!, 'Invalid');
    const [marked] = await list(p, 'fay').then((r) => r.AuthEvents!);
    expect(marked.EventFeedback).toMatchObject({ FeedbackValue: 'Invalid', Provider: 'Admin' });
    expect(marked.EventFeedback!.FeedbackDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // Another user's event, the same name in another pool, an unknown event: nothing changes.
    await expectAwsError(feedback(p.poolId, 'fay', guss.EventId!, 'Valid'), 'ResourceNotFoundException', {
      status: 400,
      message: 'Auth event not found.',
    });
    await expectAwsError(feedback(other.poolId, 'fay', fays.EventId!, 'Valid'), 'ResourceNotFoundException');
    await expectAwsError(feedback(p.poolId, 'fay', 'no-such-event', 'Valid'), 'ResourceNotFoundException');
    await expectAwsError(feedback(p.poolId, 'nobody', fays.EventId!, 'Valid'), 'UserNotFoundException');
    await expectAwsError(
      app.send(
        new AdminUpdateAuthEventFeedbackCommand({
          UserPoolId: p.poolId,
          Username: 'fay',
          EventId: fays.EventId!,
          FeedbackValue: 'Valid',
        }),
      ),
      'UnrecognizedClientException',
    );
    await expectAwsError(
      app.send(new AdminListUserAuthEventsCommand({ UserPoolId: p.poolId, Username: 'fay' })),
      'UnrecognizedClientException',
    );
    expect((await list(p, 'fay')).AuthEvents![0].EventFeedback!.FeedbackValue).toBe('Invalid');
    expect((await list(p, 'gus')).AuthEvents![0].EventFeedback).toBeUndefined();
  });

  it('records nothing for an unknown name, whatever its answer', async () => {
    const p = await pool('events-unknown', 'AUDIT');
    await adminUser(p, 'una');
    await expectAwsError(signIn(p, 'ghost'), 'UserNotFoundException');
    await expectAwsError(signIn(p, 'una', 'Wr0ng-Password!'), 'NotAuthorizedException');
    // The real user's failure is written; the unknown name has no user to hold an event.
    await eventsOf(p, 'una', 1);
    await expectAwsError(list(p, 'ghost'), 'UserNotFoundException');
  });

  it('records SRP sign-ins of amazon-cognito-identity-js, passed and failed', async () => {
    const p = await pool('events-srp', 'ENFORCED');
    await adminUser(p, 'sia');
    const srpSignIn = (pw: string): Promise<CognitoUserSession> => {
      const userPool = new CognitoUserPool({
        UserPoolId: p.poolId,
        ClientId: p.clientId,
        endpoint: system.endpoint,
      });
      const user = new CognitoUser({ Username: 'sia', Pool: userPool });
      return new Promise((resolve, reject) =>
        user.authenticateUser(new AuthenticationDetails({ Username: 'sia', Password: pw }), {
          onSuccess: resolve,
          onFailure: reject,
        }),
      );
    };
    await expectAwsError(srpSignIn('Wr0ng-Password!'), 'NotAuthorizedException');
    await eventsOf(p, 'sia', 1);
    expect((await srpSignIn(password)).isValid()).toBe(true);
    const events = await eventsOf(p, 'sia', 2);
    expect(
      events.map((e) => [e.EventType, e.EventResponse, e.ChallengeResponses![0].ChallengeResponse]),
    ).toEqual([
      ['SignIn', 'Pass', 'Success'],
      ['SignIn', 'Fail', 'Failure'],
    ]);
    expect(events[0].EventContextData!.IpAddress).toMatch(/127\.0\.0\.1|::1/);
  });

  it('records a real user ForgotPassword, and nothing for an unknown name', async () => {
    const p = await pool('events-forgot', 'AUDIT');
    await admin.send(
      new AdminCreateUserCommand({
        UserPoolId: p.poolId,
        Username: 'fred',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'fred@example.com' },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await admin.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: p.poolId,
        Username: 'fred',
        Password: password,
        Permanent: true,
      }),
    );
    await app.send(new ForgotPasswordCommand({ ClientId: p.clientId, Username: 'fred' }));
    const [event] = await eventsOf(p, 'fred', 1);
    expect([event.EventType, event.EventResponse, event.ChallengeResponses]).toEqual([
      'ForgotPassword',
      'Pass',
      [],
    ]);
    expect(event.EventContextData!.IpAddress).toMatch(/127\.0\.0\.1|::1/);
    await expectAwsError(
      app.send(new ForgotPasswordCommand({ ClientId: p.clientId, Username: 'ghost' })),
      'UserNotFoundException',
    );
    await expectAwsError(list(p, 'ghost'), 'UserNotFoundException');
  });
});
