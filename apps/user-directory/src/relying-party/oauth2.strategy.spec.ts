import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ProviderAnswerRefused, ProviderSignIn } from './federation-strategy';
import { facebookProfileFields, OAuth2ProvidersStrategy } from './oauth2.strategy';
import { s256 } from './openid-connect.strategy';

/** What the provider saw of one call. */
interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  authorization?: string;
}

type Handler = (seen: Seen, res: ServerResponse) => void;

/** A provider on loopback whose token and user endpoints answer as `handler` says. */
async function provider(handler: Handler): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const one: Seen = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        form: new URLSearchParams(raw),
        authorization: req.headers.authorization,
      };
      seen.push(one);
      handler(one, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** The provider's usual answers: a token for code `good`, and the user for that token. */
const honest: Handler = (seen, res) => {
  if (seen.path.endsWith('/token')) {
    const code = seen.method === 'GET' ? seen.query.get('code') : seen.form.get('code');
    return code === 'good'
      ? json(res, 200, { access_token: 'at-1', token_type: 'bearer' })
      : json(res, 400, {});
  }
  if (seen.authorization !== 'Bearer at-1') return json(res, 401, { error: 'invalid_token' });
  return json(res, 200, { id: 'u1', user_id: 'u1', name: 'Ann', email: 'ann@example.com' });
};

function signInOf(base: string, type: 'Facebook' | 'LoginWithAmazon'): ProviderSignIn {
  const facebook = type === 'Facebook';
  return {
    poolId: 'eu-west-1_abc',
    providerName: type,
    type,
    details: {
      client_id: 'app-1',
      authorize_scopes: facebook ? 'public_profile,email' : 'profile postal_code',
      authorize_url: `${base}/authorize`,
      token_url: `${base}/token`,
      token_request_method: facebook ? 'GET' : 'POST',
      attributes_url: facebook ? `${base}/me?fields=` : `${base}/user/profile`,
      ...(facebook ? { attributes_url_add_attributes: 'true' } : {}),
    },
    attributeMapping: { username: 'id', email: 'email', name: 'name' },
    secrets: { client_secret: 'sekret' },
    callbackUrl: 'https://idfed.example/eu-west-1_abc/oauth2/idpresponse',
    state: 'S'.repeat(43),
    nonce: 'N'.repeat(43),
    codeVerifier: 'V'.repeat(43),
  };
}

describe('Facebook fields', () => {
  it('asks for id and the fields AttributeMapping reads, in passport-facebook’s names', () => {
    expect(
      facebookProfileFields({
        email: 'email',
        given_name: 'first_name',
        name: 'name',
        username: 'id',
        picture: 'picture{url}',
        'custom:x': 'Bad',
      }),
    ).toEqual(['id', 'email', 'first_name', 'displayName']);
    expect(facebookProfileFields({})).toEqual(['id']);
  });
});

describe('OAuth 2.0 providers through passport strategies', () => {
  const strategy = new OAuth2ProvidersStrategy();
  let servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    servers = [];
  });
  const start = async (handler: Handler) => {
    const p = await provider(handler);
    servers.push(p.server);
    return p;
  };

  it.each(['Facebook', 'LoginWithAmazon'] as const)(
    '%s: the redirect carries idfed’s state, PKCE challenge, callback and scopes',
    async (type) => {
      const signIn = signInOf('https://provider.example', type);
      const url = new URL(await strategy.authorizationUrl(signIn));
      expect(url.origin + url.pathname).toBe('https://provider.example/authorize');
      expect(Object.fromEntries(url.searchParams)).toEqual({
        client_id: 'app-1',
        response_type: 'code',
        redirect_uri: signIn.callbackUrl,
        state: signIn.state,
        scope: type === 'Facebook' ? 'public_profile,email' : 'profile postal_code',
        code_challenge: s256(signIn.codeVerifier),
        code_challenge_method: 'S256',
      });
    },
  );

  it('Facebook: the code is exchanged by GET with the verifier, the user read by Bearer with fields', async () => {
    const p = await start(honest);
    const signIn = signInOf(p.url, 'Facebook');
    const answer = await strategy.claims(signIn, { code: 'good', state: signIn.state }, 'GET');
    expect(answer.claims).toEqual({ id: 'u1', user_id: 'u1', name: 'Ann', email: 'ann@example.com' });
    // The token endpoint's answer, for InboundFederation's tokenResponse (ADR 0061).
    expect(answer.tokenResponse).toEqual({ access_token: 'at-1', token_type: 'bearer' });
    const [token, me] = p.seen;
    expect(token.method).toBe('GET');
    expect(Object.fromEntries(token.query)).toMatchObject({
      grant_type: 'authorization_code',
      code: 'good',
      redirect_uri: signIn.callbackUrl,
      client_id: 'app-1',
      client_secret: 'sekret',
      code_verifier: signIn.codeVerifier,
    });
    expect(me.path).toBe('/me');
    expect(me.query.getAll('fields')).toEqual(['id,email,name']);
    expect(me.query.has('access_token')).toBe(false);
  });

  it('Login with Amazon: the code is exchanged by POST with the verifier, the profile read by Bearer', async () => {
    const p = await start(honest);
    const signIn = signInOf(p.url, 'LoginWithAmazon');
    const { claims } = await strategy.claims(signIn, { code: 'good', state: signIn.state }, 'GET');
    expect(claims.user_id).toBe('u1');
    const [token, profile] = p.seen;
    expect(token.method).toBe('POST');
    expect(token.form.get('code_verifier')).toBe(signIn.codeVerifier);
    expect(profile.path).toBe('/user/profile');
    expect(profile.authorization).toBe('Bearer at-1');
  });

  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (err: unknown) =>
        err instanceof ProviderAnswerRefused ? err.description : `not a refusal: ${String(err)}`,
    );

  it('refuses a code the provider refuses, and reads no user', async () => {
    const p = await start(honest);
    const signIn = signInOf(p.url, 'LoginWithAmazon');
    expect(await refusal(strategy.claims(signIn, { code: 'bad', state: signIn.state }, 'GET'))).toBe(
      'The provider refused the code.',
    );
    expect(p.seen).toHaveLength(1);
  });

  it('refuses an answer under another state before any call to the provider', async () => {
    const p = await start(honest);
    const signIn = signInOf(p.url, 'Facebook');
    expect(await refusal(strategy.claims(signIn, { code: 'good', state: 'T'.repeat(43) }, 'GET'))).toBe(
      'The provider’s answer failed verification.',
    );
    expect(p.seen).toHaveLength(0);
  });

  it('follows no redirect from the token endpoint', async () => {
    const p = await start((seen, res) => {
      if (seen.path === '/token') {
        res.writeHead(302, { location: `/elsewhere` });
        return res.end('{}');
      }
      return json(res, 200, { access_token: 'at-1' });
    });
    const signIn = signInOf(p.url, 'LoginWithAmazon');
    expect(await refusal(strategy.claims(signIn, { code: 'good', state: signIn.state }, 'GET'))).toBe(
      'The provider refused the code.',
    );
    expect(p.seen.map((s) => s.path)).toEqual(['/token']);
  });

  it('refuses an oversized or non-JSON answer, and an access token the user endpoint refuses', async () => {
    const big = await start((_seen, res) => json(res, 200, { access_token: 'x'.repeat(70 * 1024) }));
    const signIn = signInOf(big.url, 'LoginWithAmazon');
    expect(await refusal(strategy.claims(signIn, { code: 'good', state: signIn.state }, 'GET'))).toBe(
      'The provider’s answer is too large.',
    );
    const text = await start((_seen, res) => res.end('access_token=at-1'));
    const s2 = signInOf(text.url, 'Facebook');
    expect(await refusal(strategy.claims(s2, { code: 'good', state: s2.state }, 'GET'))).toBe(
      'The provider’s answer is not JSON.',
    );
    const noUser = await start((seen, res) =>
      seen.path === '/token' ? json(res, 200, { access_token: 'other' }) : honest(seen, res),
    );
    const s3 = signInOf(noUser.url, 'Facebook');
    expect(await refusal(strategy.claims(s3, { code: 'good', state: s3.state }, 'GET'))).toBe(
      'The provider refused the access token.',
    );
  });

  it('refuses a provider out of reach, and an answer without a code', async () => {
    const gone = await start(honest);
    await new Promise((r) => gone.server.close(r));
    servers = [];
    const signIn = signInOf(gone.url, 'LoginWithAmazon');
    expect(await refusal(strategy.claims(signIn, { code: 'good', state: signIn.state }, 'GET'))).toBe(
      'The provider could not be reached.',
    );
    expect(await refusal(strategy.claims(signIn, { state: signIn.state }, 'GET'))).toBe(
      'The provider gave no code.',
    );
  });
});
