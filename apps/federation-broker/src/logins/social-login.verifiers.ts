import { BrokerErrors } from '../common/broker-errors';
import { VerifiedLogin } from './verified-login';

/** Base URLs of the token-inspection endpoints; configuration, so tests can run local stand-ins. */
export interface SocialEndpoints {
  facebookGraphUrl: string;
  amazonApiUrl: string;
}

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(5000), headers: { accept: 'application/json' } });
  } catch {
    throw BrokerErrors.externalService('The login provider could not be reached.');
  }
  let body: Record<string, unknown> = {};
  try {
    body = (await res.json()) as Record<string, unknown>;
  } catch {
    // a non-JSON answer is judged by its status below
  }
  if (res.status >= 500) throw BrokerErrors.externalService('The login provider failed to answer.');
  return { status: res.status, body };
}

/**
 * Facebook access tokens are opaque: Graph API says which app a token is for (`/app`) and who the
 * user is (`/me`). The app must be the one the identity pool names.
 */
export async function verifyFacebookLogin(
  endpoints: SocialEndpoints,
  appId: string,
  token: string,
): Promise<VerifiedLogin> {
  const q = `access_token=${encodeURIComponent(token)}`;
  const app = await getJson(`${endpoints.facebookGraphUrl}/app?${q}`);
  if (app.status !== 200 || String(app.body.id) !== appId) {
    throw BrokerErrors.invalidLogin('The Facebook token is not valid for this app.');
  }
  const me = await getJson(`${endpoints.facebookGraphUrl}/me?fields=id&${q}`);
  if (me.status !== 200 || typeof me.body.id !== 'string' || me.body.id === '') {
    throw BrokerErrors.invalidLogin('Facebook did not confirm the user.');
  }
  const provider = 'graph.facebook.com';
  return {
    provider,
    subject: me.body.id,
    claims: { sub: me.body.id, aud: appId },
    mappingKey: provider,
    amr: [provider, `${provider}:${me.body.id}`],
  };
}

/** Login with Amazon: the token-info endpoint tells the client (`aud`) and the user (`user_id`). */
export async function verifyAmazonLogin(
  endpoints: SocialEndpoints,
  clientId: string,
  token: string,
): Promise<VerifiedLogin> {
  const info = await getJson(
    `${endpoints.amazonApiUrl}/auth/o2/tokeninfo?access_token=${encodeURIComponent(token)}`,
  );
  if (info.status !== 200 || info.body.aud !== clientId || typeof info.body.user_id !== 'string') {
    throw BrokerErrors.invalidLogin('The Login with Amazon token is not valid for this app.');
  }
  const provider = 'www.amazon.com';
  return {
    provider,
    subject: info.body.user_id,
    claims: { sub: info.body.user_id, aud: clientId },
    mappingKey: provider,
    amr: [provider, `${provider}:${info.body.user_id}`],
  };
}
