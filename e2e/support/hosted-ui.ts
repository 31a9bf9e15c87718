import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { randomBytes } from 'node:crypto';

/** A browser's cookies, as far as one host's hosted pages go: name -> value. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** A GET or form POST as a browser sends it, without following the redirect. */
export async function browse(
  jar: CookieJar,
  url: string,
  form?: Record<string, string>,
): Promise<{ status: number; location?: string; html: string; res: Response }> {
  const res = await fetch(url, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(jar.cookies.size ? { cookie: jar.header() } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  jar.take(res);
  const html = await res.text();
  const location = res.headers.get('location') ?? undefined;
  return { status: res.status, location: location && new URL(location, url).toString(), html, res };
}

/** The hidden fields and action of the one form on a hosted page. */
export function formOf(html: string, pageUrl: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (!action) throw new Error(`no form on the page:\n${html.slice(0, 500)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g))
    fields[m[1]] = unescape(m[2]);
  return { action: new URL(unescape(action), pageUrl).toString(), fields };
}

function unescape(text: string): string {
  return text.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

/**
 * Signs in on the hosted pages from an authorization URL: follows the redirect to /login, posts the
 * form with its CSRF field, and answers where the browser is sent next (the app's callback).
 */
export async function signInThroughHostedUi(
  jar: CookieJar,
  authorizationUrl: string,
  username: string,
  password: string,
): Promise<string> {
  const first = await browse(jar, authorizationUrl);
  if (first.status !== 302 || !first.location)
    throw new Error(`authorize answered ${first.status}: ${first.html}`);
  if (!first.location.includes('/login?')) return first.location;
  const page = await browse(jar, first.location);
  const form = formOf(page.html, first.location);
  const posted = await browse(jar, form.action, { ...form.fields, username, password });
  if (posted.status !== 302 || !posted.location)
    throw new Error(`sign-in answered ${posted.status}: ${posted.html}`);
  return posted.location;
}

export interface OAuthPool {
  poolId: string;
  domain: string;
  issuer: string;
  /** A public client (no secret): code and implicit, openid email profile. */
  publicClientId: string;
  /** A confidential client (secret): code only, openid email. */
  secretClientId: string;
  secretClientSecret: string;
  redirectUri: string;
  logoutUri: string;
}

/** A pool with a domain and two OAuth clients, as a developer sets one up with the CLI. */
export async function createOAuthPool(
  admin: CognitoIdentityProviderClient,
  endpoint: string,
  redirectUri = 'http://localhost:3999/callback',
): Promise<OAuthPool> {
  const { UserPool } = await admin.send(
    new CreateUserPoolCommand({ PoolName: 'hosted', AutoVerifiedAttributes: ['email'] }),
  );
  const poolId = UserPool!.Id!;
  const domain = `idfed-${randomBytes(4).toString('hex')}`;
  await admin.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: domain }));
  const logoutUri = `${new URL(redirectUri).origin}/signed-out`;
  const common: Omit<CreateUserPoolClientCommandInput, 'ClientName'> = {
    UserPoolId: poolId,
    AllowedOAuthFlowsUserPoolClient: true,
    CallbackURLs: [redirectUri],
    LogoutURLs: [logoutUri],
    SupportedIdentityProviders: ['COGNITO'],
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  };
  const { UserPoolClient: pub } = await admin.send(
    new CreateUserPoolClientCommand({
      ...common,
      ClientName: 'spa',
      AllowedOAuthFlows: ['code', 'implicit'],
      AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
    }),
  );
  const { UserPoolClient: conf } = await admin.send(
    new CreateUserPoolClientCommand({
      ...common,
      ClientName: 'server',
      GenerateSecret: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email'],
    }),
  );
  return {
    poolId,
    domain,
    issuer: `${endpoint}/${poolId}`,
    publicClientId: pub!.ClientId!,
    secretClientId: conf!.ClientId!,
    secretClientSecret: conf!.ClientSecret!,
    redirectUri,
    logoutUri,
  };
}

/** A confirmed user with an email, signed up through the public API. */
export async function createConfirmedUser(
  admin: CognitoIdentityProviderClient,
  app: CognitoIdentityProviderClient,
  pool: OAuthPool,
  username: string,
  password: string,
): Promise<void> {
  await app.send(
    new SignUpCommand({
      ClientId: pool.publicClientId,
      Username: username,
      Password: password,
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  );
  await admin.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.poolId, Username: username }));
}
