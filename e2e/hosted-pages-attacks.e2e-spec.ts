import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';
import { cognitoAdmin, cognitoPublic, e2eSystem } from './support/e2e-context';
import {
  browse,
  CookieJar,
  createConfirmedUser,
  createOAuthPool,
  formOf,
  OAuthPool,
} from './support/hosted-ui';
import { expectAwsError } from '../libs/testing/src/aws-errors';

const PASSWORD = 'Attack-Pass1!';

/**
 * The sign-up, confirmation, password-reset and MFA pages under attack (ADR 0026): forms posted
 * without the browser's CSRF token or with another one are refused before anything happens, and a
 * visitor cannot tell from the pages whether a name has an account.
 */
describe('hosted sign-up, reset and MFA pages under attack', () => {
  const system = e2eSystem();
  let admin: CognitoIdentityProviderClient;
  let app: CognitoIdentityProviderClient;
  let pool: OAuthPool;
  let existing: string;

  beforeAll(async () => {
    admin = cognitoAdmin(system);
    app = cognitoPublic(system);
    pool = await createOAuthPool(admin, system.endpoint);
    existing = `member-${randomBytes(4).toString('hex')}`;
    await createConfirmedUser(admin, app, pool, existing, PASSWORD);
  });
  afterAll(() => {
    admin.destroy();
    app.destroy();
  });

  const query = () =>
    new URLSearchParams({
      response_type: 'code',
      client_id: pool.publicClientId,
      redirect_uri: pool.redirectUri,
      scope: 'openid',
    }).toString();
  const pageUrl = (path: string) => `${pool.issuer}/${path}?${query()}`;

  /** A page's form as the browser got it, with its cookie jar. */
  async function openForm(path: string) {
    const jar = new CookieJar();
    const url = pageUrl(path);
    const page = await browse(jar, url);
    expect(page.status).toBe(200);
    expect(page.res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.html).not.toContain('<script');
    return { jar, form: formOf(page.html, url) };
  }

  async function userCount(): Promise<number> {
    const { Users } = await admin.send(new ListUsersCommand({ UserPoolId: pool.poolId }));
    return Users!.length;
  }

  const forms: [string, Record<string, string>][] = [
    ['signup', { username: 'csrf-victim', password: PASSWORD, 'requiredAttributes[email]': 'v@example.com' }],
    ['confirmUser', { username: 'csrf-victim', code: '123456' }],
    ['forgotPassword', { username: 'csrf-victim' }],
    ['confirmForgotPassword', { username: 'csrf-victim', code: '123456', password: PASSWORD }],
    ['login/mfa', { username: 'csrf-victim', code: '123456', challenge: 'SOFTWARE_TOKEN_MFA', session: 'x' }],
  ];

  it.each(forms)('refuses a %s form without the CSRF token or with another one', async (path, fields) => {
    const before = await userCount();
    const { jar } = await openForm('signup');
    const url = pageUrl(path);
    const missing = await browse(jar, url, fields);
    expect(missing.status).toBe(403);
    const forged = await browse(jar, url, { ...fields, _csrf: 'A'.repeat(32) });
    expect(forged.status).toBe(403);
    // A token that is not this browser's (another browser's page) is refused too.
    const other = await openForm('signup');
    const stolen = await browse(jar, url, { ...fields, _csrf: other.form.fields._csrf });
    expect(stolen.status).toBe(403);
    for (const answer of [missing, forged, stolen]) {
      expect(answer.res.headers.getSetCookie().some((c) => c.startsWith('cognito='))).toBe(false);
      expect(answer.location).toBeUndefined();
    }
    expect(await userCount()).toBe(before);
  });

  /** The page without what depends on the name typed or is random (the sealed session, the CSRF token). */
  const shape = (html: string, username: string) =>
    html
      .split(username)
      .join('<name>')
      .replace(/name="session" value="[^"]*"/, 'name="session" value=""')
      .replace(/name="_csrf" value="[^"]*"/, 'name="_csrf" value=""');

  it('answers sign-up with a taken name exactly as with a new one, and changes nothing', async () => {
    const fresh = `fresh-${randomBytes(4).toString('hex')}`;
    const answers: string[] = [];
    for (const username of [existing, fresh]) {
      const { jar, form } = await openForm('signup');
      const posted = await browse(jar, form.action, {
        ...form.fields,
        username,
        password: 'Other-Pass9!',
        'requiredAttributes[email]': `${fresh}@example.com`,
      });
      expect(posted.status).toBe(200);
      answers.push(shape(posted.html, username));
    }
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toContain('name="code"');
    // The member's account is untouched: their password still signs in, their email unchanged.
    const member = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: existing }));
    expect(member.UserAttributes!.find((a) => a.Name === 'email')!.Value).toBe(`${existing}@example.com`);
    expect(member.UserStatus).toBe('CONFIRMED');
  });

  it('answers the forgotten-password and confirmation pages alike for members and unknown names', async () => {
    const unknown = `nobody-${randomBytes(4).toString('hex')}`;
    for (const [path, fields] of [
      ['forgotPassword', {}],
      ['confirmForgotPassword', { code: '123456', password: 'Other-Pass9!' }],
      ['confirmUser', { code: '123456' }],
    ] as [string, Record<string, string>][]) {
      const answers: string[] = [];
      for (const username of [existing, unknown]) {
        const { jar, form } = await openForm(path);
        const posted = await browse(jar, form.action, { ...form.fields, ...fields, username });
        expect(posted.status).toBe(200);
        answers.push(shape(posted.html, username));
      }
      expect(answers[0]).toBe(answers[1]);
    }
    await expectAwsError(
      admin.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: unknown })),
      'UserNotFoundException',
    );
  });

  it('sends a forged or replayed MFA session back to the sign-in page, with no session cookie', async () => {
    const { jar, form } = await openForm('login');
    const posted = await browse(jar, pageUrl('login/mfa'), {
      _csrf: form.fields._csrf,
      challenge: 'SOFTWARE_TOKEN_MFA',
      session: Buffer.from(randomBytes(64)).toString('base64'),
      username: existing,
      code: '123456',
    });
    expect(posted.status).toBe(200);
    expect(posted.html).toContain('name="password"');
    expect(posted.res.headers.getSetCookie().some((c) => c.startsWith('cognito='))).toBe(false);
  });
});
