import { ServiceError } from '@idfed/messaging';
import { signJwt, testKey, TestKey } from '../../test/test-idp';
import { OidcProviderLookup } from '../oidc-providers/oidc-provider.lookup';
import { OidcProviderEntity } from '../database/entities';
import { JwksClient } from './jwks.client';
import { VerifyWebIdentityTokenUseCase } from './verify-web-identity-token.use-case';
import { WebIdentityProviders } from './web-identity-providers';
import { WebIdentityTokenVerifier } from './web-identity-token.verifier';

const ISSUER = 'https://idp.example.test/tenant';
const ARN = 'arn:aws:iam::000000000000:oidc-provider/idp.example.test/tenant';
const NOW = 1_900_000_000;

function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string }> {
  return promise.then(
    () => {
      throw new Error('expected the token to be refused');
    },
    (err: unknown) => (err as ServiceError).getError() as { name: string; message: string },
  );
}

describe('WebIdentityTokenVerifier', () => {
  const rsa = testKey('RS256', 'rsa-1');
  const ec = testKey('ES384', 'ec-1');
  let published: TestKey[];
  let fetches: string[];
  let idpDown: boolean;
  let nowMs: number;

  const provider: OidcProviderEntity = {
    arn: ARN,
    urlKey: 'idp.example.test/tenant',
    issuer: ISSUER,
    clientIds: ['client-a', 'client-b'],
    thumbprints: [],
    tags: [],
    createdAt: new Date(),
  };
  const oidc = {
    findByIssuer: (iss: string) => Promise.resolve(iss === ISSUER ? provider : undefined),
    findByArn: (arn: string) => Promise.resolve(arn === ARN ? provider : undefined),
  } as unknown as OidcProviderLookup;

  const fakeFetch = ((url: string) => {
    fetches.push(url);
    if (idpDown) return Promise.reject(new Error('connect ECONNREFUSED'));
    const body =
      url === `${ISSUER}/.well-known/openid-configuration`
        ? { issuer: ISSUER, jwks_uri: `${ISSUER}/jwks` }
        : url === `${ISSUER}/jwks`
          ? { keys: published.map((k) => k.jwk) }
          : undefined;
    return Promise.resolve(new Response(JSON.stringify(body ?? {}), { status: body ? 200 : 404 }));
  }) as typeof fetch;

  let verifier: WebIdentityTokenVerifier;
  beforeEach(() => {
    published = [rsa, ec];
    fetches = [];
    idpDown = false;
    nowMs = NOW * 1000;
    const jwks = new JwksClient({ fetch: fakeFetch, now: () => nowMs, minRefreshIntervalMs: 10_000 });
    verifier = new WebIdentityTokenVerifier(new WebIdentityProviders(oidc), jwks, () => nowMs);
  });

  const claims = (over: Record<string, unknown> = {}) => ({
    iss: ISSUER,
    sub: 'user-1',
    aud: 'client-a',
    iat: NOW - 10,
    exp: NOW + 600,
    ...over,
  });

  it('accepts a valid RS256 token and names the provider, audience and condition-key claims', async () => {
    const out = await verifier.verify(signJwt(rsa, claims({ amr: ['pwd', 'mfa'] })));
    expect(out.payload).toMatchObject({ iss: ISSUER, sub: 'user-1', amr: ['pwd', 'mfa'] });
    expect({ ...out, payload: undefined }).toEqual({
      payload: undefined,
      provider: ARN,
      keyPrefix: 'idp.example.test/tenant',
      issuer: ISSUER,
      subject: 'user-1',
      audience: 'client-a',
      claims: { aud: 'client-a', sub: 'user-1', amr: ['pwd', 'mfa'] },
    });
  });

  it('accepts ES384 and caches the key set (discovery and JWKS fetched once)', async () => {
    await verifier.verify(signJwt(ec, claims()));
    await verifier.verify(signJwt(ec, claims()));
    await verifier.verify(signJwt(rsa, claims()));
    expect(fetches).toEqual([`${ISSUER}/.well-known/openid-configuration`, `${ISSUER}/jwks`]);
  });

  it('uses azp as the audience when present, keeping aud as oaud (as STS does for Google)', async () => {
    const out = await verifier.verify(signJwt(rsa, claims({ aud: 'other-service', azp: 'client-b' })));
    expect(out.audience).toBe('client-b');
    expect(out.claims).toMatchObject({ aud: 'client-b', azp: 'client-b', oaud: 'other-service' });
  });

  it('refetches the key set for an unknown kid (rotation), at most once per interval', async () => {
    await verifier.verify(signJwt(rsa, claims()));
    const rotated = testKey('RS256', 'rsa-2');
    published = [rotated];
    expect((await errorOf(verifier.verify(signJwt(rotated, claims())))).name).toBe('InvalidIdentityToken');
    nowMs += 11_000;
    await expect(verifier.verify(signJwt(rotated, claims({ exp: NOW + 900 })))).resolves.toBeDefined();
    expect(fetches.filter((u) => u.endsWith('/jwks'))).toHaveLength(2);
  });

  it('refuses a kid that is not a string (RFC 7515), even one that reads as a published kid', async () => {
    const seven = testKey('RS256', '7');
    published = [seven];
    const err = await errorOf(verifier.verify(signJwt(seven, claims(), { kid: 7 })));
    expect(err.name).toBe('InvalidIdentityToken');
    expect(err.message).toMatch(/verification key/);
  });

  it.each<[string, () => string, string, RegExp]>([
    ['not a JWT', () => 'abc.def', 'InvalidIdentityToken', /not a valid JWT/],
    [
      'alg none',
      () => signJwt(rsa, claims(), { alg: 'none' }),
      'InvalidIdentityToken',
      /Unsupported token signing algorithm/,
    ],
    ['HS256', () => signJwt(rsa, claims(), { alg: 'HS256' }), 'InvalidIdentityToken', /Unsupported/],
    [
      'an unknown issuer',
      () => signJwt(rsa, claims({ iss: 'https://evil.example' })),
      'InvalidIdentityToken',
      /No OpenIDConnect provider found/,
    ],
    [
      'an issuer with another scheme',
      () => signJwt(rsa, claims({ iss: 'http://idp.example.test/tenant' })),
      'InvalidIdentityToken',
      /No OpenIDConnect provider/,
    ],
    [
      'a key the IdP does not publish',
      () => signJwt(testKey('RS256', 'rsa-1'), claims()),
      'InvalidIdentityToken',
      /signature could not be verified/,
    ],
    [
      'a kid the IdP does not publish',
      () => signJwt(testKey('RS256', 'nope'), claims()),
      'InvalidIdentityToken',
      /verification key/,
    ],
    [
      'an expired token',
      () => signJwt(rsa, claims({ exp: NOW - 61 })),
      'ExpiredTokenException',
      /Token expired/,
    ],
    ['no exp', () => signJwt(rsa, claims({ exp: undefined })), 'InvalidIdentityToken', /expiration/],
    [
      'a token not yet valid',
      () => signJwt(rsa, claims({ nbf: NOW + 3600 })),
      'InvalidIdentityToken',
      /not valid before/,
    ],
    [
      'a token from the future',
      () => signJwt(rsa, claims({ iat: NOW + 3600 })),
      'InvalidIdentityToken',
      /future/,
    ],
    [
      'a wrong audience',
      () => signJwt(rsa, claims({ aud: 'someone-else' })),
      'InvalidIdentityToken',
      /Incorrect token audience/,
    ],
    ['no audience', () => signJwt(rsa, claims({ aud: undefined })), 'IDPRejectedClaim', /audience/],
    ['no subject', () => signJwt(rsa, claims({ sub: undefined })), 'IDPRejectedClaim', /subject/],
    [
      'a critical header',
      () => signJwt(rsa, claims(), { crit: ['exp'] }),
      'InvalidIdentityToken',
      /critical/,
    ],
  ])('refuses %s', async (_what, token, name, message) => {
    const err = await errorOf(verifier.verify(token()));
    expect(err.name).toBe(name);
    expect(err.message).toMatch(message);
  });

  it('tolerates a minute of clock skew on exp', async () => {
    await expect(verifier.verify(signJwt(rsa, claims({ exp: NOW - 30 })))).resolves.toBeDefined();
  });

  it('answers IDPCommunicationError when the provider cannot be reached', async () => {
    idpDown = true;
    expect((await errorOf(verifier.verify(signJwt(rsa, claims())))).name).toBe('IDPCommunicationError');
  });

  it('resolves a configured trusted issuer under its well-known principal, any audience', async () => {
    const trusted = new WebIdentityProviders(oidc, [
      {
        issuer: 'https://id.idfed.test/identity-pools',
        principal: 'cognito-identity.amazonaws.com',
        audiences: 'any',
        keys: () => Promise.resolve([rsa.jwk]),
      },
    ]);
    const v = new WebIdentityTokenVerifier(trusted, new JwksClient({ now: () => nowMs }), () => nowMs);
    const out = await v.verify(
      signJwt(
        rsa,
        claims({
          iss: 'https://id.idfed.test/identity-pools',
          aud: 'us-east-1:pool',
          amr: ['authenticated'],
        }),
      ),
    );
    expect(out).toMatchObject({
      provider: 'cognito-identity.amazonaws.com',
      keyPrefix: 'cognito-identity.amazonaws.com',
      audience: 'us-east-1:pool',
    });
  });

  describe('VerifyWebIdentityToken (identity pool logins)', () => {
    const GOOGLE = 'https://google.example.test';
    const googleKey = testKey('RS256', 'g-1');
    const both = ((url: string) =>
      url.startsWith(GOOGLE)
        ? Promise.resolve(
            new Response(
              JSON.stringify(
                url.endsWith('openid-configuration')
                  ? { issuer: GOOGLE, jwks_uri: `${GOOGLE}/certs` }
                  : { keys: [googleKey.jwk] },
              ),
            ),
          )
        : fakeFetch(url)) as typeof fetch;
    let useCase: VerifyWebIdentityTokenUseCase;
    beforeEach(() => {
      const providers = new WebIdentityProviders(oidc, [], GOOGLE);
      const v = new WebIdentityTokenVerifier(
        providers,
        new JwksClient({ fetch: both, now: () => nowMs }),
        () => nowMs,
      );
      useCase = new VerifyWebIdentityTokenUseCase(providers, v);
    });

    it('checks a token against the IAM provider the login names, returning every claim', async () => {
      const out = await useCase.execute({
        Token: signJwt(rsa, claims({ email: 'a@example.test' })),
        ProviderArn: ARN,
      });
      expect(out).toMatchObject({
        providerName: 'idp.example.test/tenant',
        issuer: ISSUER,
        subject: 'user-1',
        audience: 'client-a',
        claims: { email: 'a@example.test' },
      });
      const other = await errorOf(useCase.execute({ Token: signJwt(rsa, claims()), ProviderArn: `${ARN}x` }));
      expect(other.name).toBe('InvalidIdentityToken');
    });

    it("checks a Google token against the pool's client id, accepting both issuer spellings", async () => {
      const google = (over: Record<string, unknown>) =>
        signJwt(googleKey, { sub: 'g-user', aud: 'pool-app', iat: NOW, exp: NOW + 600, ...over });
      for (const iss of [GOOGLE, 'google.example.test']) {
        const out = await useCase.execute({
          Token: google({ iss }),
          WellKnownProvider: 'accounts.google.com',
          Audience: 'pool-app',
        });
        expect(out).toMatchObject({ providerName: 'accounts.google.com', subject: 'g-user' });
      }
      const wrongAud = await errorOf(
        useCase.execute({
          Token: google({ iss: GOOGLE }),
          WellKnownProvider: 'accounts.google.com',
          Audience: 'x',
        }),
      );
      expect(wrongAud.message).toBe('Incorrect token audience');
      const unknown = await errorOf(
        useCase.execute({ Token: google({ iss: GOOGLE }), WellKnownProvider: 'example.com', Audience: 'x' }),
      );
      expect(unknown.name).toBe('InvalidIdentityToken');
    });
  });
});
