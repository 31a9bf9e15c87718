import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { generators } from 'openid-client';
import { ProviderAnswerRefused, ProviderSignIn } from './federation-strategy';
import { appleClientSecret, appleFormPost, OpenIdConnectStrategy, s256 } from './openid-connect.strategy';

describe('Sign in with Apple client secret', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

  it('is an ES256 JWT naming the team, the client, Apple and the key, signed with the team key', () => {
    const jwt = appleClientSecret(
      {
        teamId: 'TEAM123456',
        keyId: 'KEY1234567',
        clientId: 'com.example.web',
        privateKey: pem,
        audience: 'https://appleid.apple.com',
      },
      1_800_000_000,
    );
    const [header, payload, signature] = jwt.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'ES256',
      kid: 'KEY1234567',
    });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      iss: 'TEAM123456',
      iat: 1_800_000_000,
      exp: 1_800_000_300,
      aud: 'https://appleid.apple.com',
      sub: 'com.example.web',
    });
    const ok = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: createPublicKey(privateKey), dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(ok).toBe(true);
  });

  it('asks for form_post only when the name or email is asked for', () => {
    expect(appleFormPost(['openid', 'email'])).toBe(true);
    expect(appleFormPost(['name'])).toBe(true);
    expect(appleFormPost(['openid'])).toBe(false);
  });
});

describe('PKCE toward providers', () => {
  it('computes the S256 challenge as openid-client does', () => {
    const verifier = generators.codeVerifier();
    expect(s256(verifier)).toBe(generators.codeChallenge(verifier));
  });
});

describe('OpenID Connect providers through openid-client’s passport strategy', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const signIn = (type: 'Google' | 'SignInWithApple', scopes: string): ProviderSignIn => ({
    poolId: 'eu-west-1_abc',
    providerName: type,
    type,
    details: {
      client_id: 'app-1',
      authorize_scopes: scopes,
      oidc_issuer: 'https://provider.example',
      authorize_url: 'https://provider.example/authorize',
      token_url: 'https://provider.example/token',
      jwks_uri: 'https://provider.example/keys',
      team_id: 'TEAM123456',
      key_id: 'KEY1234567',
    },
    attributeMapping: {},
    secrets: {
      client_secret: 'sekret',
      private_key: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    },
    callbackUrl: 'https://idfed.example/eu-west-1_abc/oauth2/idpresponse',
    state: 'S'.repeat(43),
    nonce: 'N'.repeat(43),
    codeVerifier: 'V'.repeat(43),
  });

  it('redirects with idfed’s state, nonce and PKCE challenge, not the strategy’s own', async () => {
    const s = signIn('Google', 'openid email');
    const url = new URL(await new OpenIdConnectStrategy().authorizationUrl(s));
    expect(url.origin + url.pathname).toBe('https://provider.example/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'app-1',
      redirect_uri: s.callbackUrl,
      response_type: 'code',
      scope: 'openid email',
      state: s.state,
      nonce: s.nonce,
      code_challenge: s256(s.codeVerifier),
      code_challenge_method: 'S256',
    });
  });

  it('asks Apple for form_post when the email is asked for', async () => {
    const url = new URL(
      await new OpenIdConnectStrategy().authorizationUrl(signIn('SignInWithApple', 'email')),
    );
    expect(url.searchParams.get('response_mode')).toBe('form_post');
    expect(url.searchParams.get('scope')).toBe('openid email');
  });

  it('refuses an answer without a code before any call to the provider', async () => {
    const s = signIn('Google', 'openid');
    await expect(new OpenIdConnectStrategy().claims(s, { state: s.state }, 'GET')).rejects.toEqual(
      new ProviderAnswerRefused('invalid_request', 'The provider gave no code.'),
    );
  });

  it('refuses an answer whose state is not the sign-in’s (the strategy’s own check)', async () => {
    const s = signIn('Google', 'openid');
    await expect(
      new OpenIdConnectStrategy().claims(s, { code: 'c', state: 'T'.repeat(43) }, 'GET'),
    ).rejects.toEqual(
      new ProviderAnswerRefused('invalid_request', 'The provider’s answer failed verification.'),
    );
  });
});
