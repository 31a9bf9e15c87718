import { Injectable } from '@nestjs/common';
import { FederationStrategy, ProviderAnswerRefused, ProviderSignIn } from './federation-strategy';
import { PROVIDER_FETCH_TIMEOUT_MS, s256 } from './openid-connect.strategy';

const MAX_ANSWER_BYTES = 64 * 1024;

/** A provider's JSON answer: a deadline, no redirect followed, 64 KiB at most. */
async function providerJson(
  url: string,
  init: RequestInit,
): Promise<{ status: number; body: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      redirect: 'manual',
      signal: AbortSignal.timeout(PROVIDER_FETCH_TIMEOUT_MS),
      headers: { accept: 'application/json', ...(init.headers as Record<string, string>) },
    });
  } catch {
    throw new ProviderAnswerRefused('invalid_request', 'The provider could not be reached.');
  }
  const text = await res.text();
  if (text.length > MAX_ANSWER_BYTES)
    throw new ProviderAnswerRefused('invalid_request', 'The provider’s answer is too large.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ProviderAnswerRefused('invalid_request', 'The provider’s answer is not JSON.');
  }
  return { status: res.status, body: body as Record<string, unknown> };
}

/**
 * OAuth 2.0 providers without OpenID Connect: Facebook and Login with Amazon, at their real
 * endpoints (from ProviderDetails, computed from IDFED_FACEBOOK_* and IDFED_AMAZON_*): the code is
 * exchanged at the token endpoint (Facebook's Graph `/vX/oauth/access_token` by GET, Amazon's
 * `/auth/o2/token` by POST, as `token_request_method` says), with the PKCE verifier, and the user
 * read from the user endpoint (Graph `/me?fields=`, Amazon's `/user/profile`) with the access
 * token. The token never leaves this class.
 */
@Injectable()
export class OAuth2Strategy implements FederationStrategy {
  readonly types = ['Facebook', 'LoginWithAmazon'] as const;

  authorizationUrl(signIn: ProviderSignIn): Promise<string> {
    const d = signIn.details;
    const url = new URL(d.authorize_url);
    const scopes = (d.authorize_scopes ?? '').split(/[\s,]+/).filter(Boolean);
    url.searchParams.set('client_id', d.client_id);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', signIn.callbackUrl);
    url.searchParams.set('state', signIn.state);
    url.searchParams.set('scope', scopes.join(signIn.type === 'Facebook' ? ',' : ' '));
    url.searchParams.set('code_challenge', s256(signIn.codeVerifier));
    url.searchParams.set('code_challenge_method', 'S256');
    return Promise.resolve(url.toString());
  }

  async claims(signIn: ProviderSignIn, params: Record<string, string>): Promise<Record<string, unknown>> {
    const d = signIn.details;
    if (typeof params.code !== 'string' || params.code.length === 0 || params.code.length > 2048) {
      throw new ProviderAnswerRefused('invalid_request', 'The provider gave no code.');
    }
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.code,
      redirect_uri: signIn.callbackUrl,
      client_id: d.client_id,
      client_secret: signIn.secrets.client_secret ?? '',
      code_verifier: signIn.codeVerifier,
    });
    const token =
      d.token_request_method === 'GET'
        ? await providerJson(`${d.token_url}?${form.toString()}`, { method: 'GET' })
        : await providerJson(d.token_url, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.toString(),
          });
    const accessToken = token.body.access_token;
    if (token.status !== 200 || typeof accessToken !== 'string') {
      throw new ProviderAnswerRefused('invalid_request', 'The provider refused the code.');
    }
    let attributesUrl = d.attributes_url;
    if (d.attributes_url_add_attributes === 'true') {
      attributesUrl += ['id', 'name', 'email'].join(',');
    }
    const user = await providerJson(attributesUrl, {
      method: 'GET',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (user.status !== 200)
      throw new ProviderAnswerRefused('invalid_request', 'The provider refused the access token.');
    return user.body;
  }
}
