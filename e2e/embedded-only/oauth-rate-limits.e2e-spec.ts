import { randomBytes } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { startSystemUnderTest, SystemUnderTest } from '../support/system-under-test';
import { createOAuthPool, OAuthPool } from '../support/hosted-ui';
import { expectAwsError } from '../../libs/testing/src/aws-errors';

/**
 * The OAuth endpoints and hosted pages spend the same request-rate budgets as the API operations
 * they stand for (ADR 0007's token buckets, categories from Cognito's quotas), on a system of its
 * own started with one UserAuthentication request per 1,000 s, so nothing depends on how fast the
 * test runs. Over the budget the token endpoint answers JSON `{"error": ...}` and the sign-in page
 * an error page, both 429 with Retry-After, never a 500. Embedded only, like rate-limits.e2e-spec.ts:
 * a second distributed system would share the suite's Kafka topics and consumer groups.
 */
describe('request rate limits at the OAuth endpoints and hosted pages', () => {
  let system: SystemUnderTest;
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let other: OAuthPool;

  beforeAll(async () => {
    system = await startSystemUnderTest('embedded', {
      IDFED_RATE_LIMITS: '*=10000,UserAuthentication=0.001',
    });
    const client = { endpoint: system.endpoint, region: 'us-east-1', maxAttempts: 1 };
    admin = new CognitoIdentityProviderClient({
      ...client,
      credentials: { accessKeyId: system.adminAccessKeyId, secretAccessKey: system.adminSecretAccessKey },
    });
    app = new CognitoIdentityProviderClient({
      ...client,
      credentials: { accessKeyId: 'ANONYMOUS', secretAccessKey: 'anonymous' },
    });
    // Pool and client administration is in other categories: this spends no UserAuthentication.
    pool = await createOAuthPool(admin, system.endpoint);
    other = await createOAuthPool(admin, system.endpoint);
  });
  afterAll(async () => {
    admin?.destroy();
    app?.destroy();
    await system?.stop();
  });

  const redeem = (p: OAuthPool) =>
    fetch(`${p.issuer}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: p.publicClientId,
        code: randomBytes(16).toString('hex'),
        redirect_uri: p.redirectUri,
      }).toString(),
    });

  const signIn = (p: OAuthPool) => {
    // The CSRF double submit the page's form carries (cookie and field alike): it passes, so what
    // refuses the request is its rate.
    const csrf = randomBytes(24).toString('base64url');
    const query = new URLSearchParams({
      client_id: p.publicClientId,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: p.redirectUri,
    });
    return fetch(`${p.issuer}/login?${query.toString()}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `XSRF-TOKEN=${csrf}` },
      body: new URLSearchParams({ _csrf: csrf, username: 'someone', password: 'Whatever-1!' }).toString(),
    });
  };

  it('answers the token endpoint within the budget, then 429 JSON; POST /login then gets a 429 page', async () => {
    const first = await redeem(pool);
    expect(first.status).toBe(400);
    expect(await first.json()).toEqual({ error: 'invalid_grant' });

    const refused = await redeem(pool);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.json()).toEqual({ error: 'too_many_requests', error_description: 'Rate exceeded' });

    const page = await signIn(pool);
    expect(page.status).toBe(429);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('retry-after')).toBe('1');
    expect(page.headers.get('set-cookie') ?? '').not.toMatch(/cognito=/);
    expect(await page.text()).toContain('too_many_requests');
  });

  it('shares the budget with the API and across pools, as Cognito counts per account; other categories keep theirs', async () => {
    // The same bucket as InitiateAuth: the API is refused as the OAuth endpoints were.
    await expectAwsError(
      app.send(
        new InitiateAuthCommand({
          ClientId: pool.publicClientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'someone', PASSWORD: 'Whatever-1!' },
        }),
      ),
      'TooManyRequestsException',
      'Rate exceeded',
    );
    // Budgets are per deployment (ADR 0007), not per pool: the other pool is refused as well.
    expect((await redeem(other)).status).toBe(429);
    expect((await signIn(other)).status).toBe(429);
    // userInfo counts as UserRead, a budget of its own: answered (401 without a token), not refused.
    const userInfo = await fetch(`${pool.issuer}/oauth2/userInfo`);
    expect(userInfo.status).toBe(401);
  });
});
