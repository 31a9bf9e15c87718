import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { e2eSystem } from './support/e2e-context';
import { expectAwsError } from '../libs/testing/src/aws-errors';

/**
 * Facebook and Login with Amazon logins: opaque access tokens that idfed checks against the
 * providers' token-inspection endpoints (local stand-ins here, configured at start).
 */
describe('identity pool logins from Facebook and Amazon', () => {
  const system = e2eSystem();
  const client = (accessKeyId: string, secretAccessKey: string) =>
    new CognitoIdentityClient({
      endpoint: system.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId, secretAccessKey },
      maxAttempts: 1,
    });
  const admin = client(system.adminAccessKeyId, system.adminSecretAccessKey);
  const app = client('ANONYMOUS', 'anonymous');
  let poolId: string;

  beforeAll(async () => {
    const pool = await admin.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'social',
        AllowUnauthenticatedIdentities: false,
        SupportedLoginProviders: { 'graph.facebook.com': 'fb-app-1', 'www.amazon.com': 'amzn-client-1' },
      }),
    );
    poolId = pool.IdentityPoolId!;
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  it('maps a Facebook user to one identity', async () => {
    const getId = (token: string) =>
      app.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'graph.facebook.com': token } }));
    const first = await getId('fb.fb-app-1.10001');
    const again = await getId('fb.fb-app-1.10001');
    expect(again.IdentityId).toBe(first.IdentityId);
    expect((await getId('fb.fb-app-1.10002')).IdentityId).not.toBe(first.IdentityId);
    const described = await admin.send(new DescribeIdentityCommand({ IdentityId: first.IdentityId! }));
    expect(described.Logins).toEqual(['graph.facebook.com']);
  });

  it('refuses a Facebook token for another app, and an invalid one', async () => {
    for (const token of ['fb.other-app.10001', 'not-a-token']) {
      await expectAwsError(
        app.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'graph.facebook.com': token } })),
        'NotAuthorizedException',
      );
    }
  });

  it('links Facebook and Amazon logins of one person to one identity', async () => {
    const both = await app.send(
      new GetIdCommand({
        IdentityPoolId: poolId,
        Logins: {
          'graph.facebook.com': 'fb.fb-app-1.20001',
          'www.amazon.com': 'amzn.amzn-client-1.amzn1-account-X',
        },
      }),
    );
    const byAmazon = await app.send(
      new GetIdCommand({
        IdentityPoolId: poolId,
        Logins: { 'www.amazon.com': 'amzn.amzn-client-1.amzn1-account-X' },
      }),
    );
    expect(byAmazon.IdentityId).toBe(both.IdentityId);
    const described = await admin.send(new DescribeIdentityCommand({ IdentityId: both.IdentityId! }));
    expect(described.Logins?.sort()).toEqual(['graph.facebook.com', 'www.amazon.com']);
  });

  it('refuses an Amazon token issued to another client', async () => {
    await expectAwsError(
      app.send(
        new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'www.amazon.com': 'amzn.someone-else.u1' } }),
      ),
      'NotAuthorizedException',
    );
  });
});
