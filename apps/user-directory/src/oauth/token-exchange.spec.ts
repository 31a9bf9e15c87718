import { ClientForAuth } from '../clients/clients.service';
import { derivedTokenClaims } from '../tokens/token-claims';
import { derivedLifetime, grantedScopes, TokenExchange, TokenExchangeRequest } from './token-exchange';

describe('grantedScopes', () => {
  it('is the subject token’s scopes when none are asked', () => {
    expect(grantedScopes(undefined, ['a', 'b'], [])).toEqual(['a', 'b']);
    expect(grantedScopes([], ['a'], ['x'])).toEqual(['a']);
  });
  it('is the intersection of the asked, the subject’s and the client’s', () => {
    expect(grantedScopes(['a', 'b', 'c', 'a'], ['a', 'b'], ['b', 'c'])).toEqual(['b']);
    // A scope the subject token lacks is never added, whatever the client may have.
    expect(grantedScopes(['admin'], ['read'], ['admin', 'read'])).toEqual([]);
  });
});

describe('derivedLifetime', () => {
  it('is the client’s lifetime, never beyond the subject token’s expiry', () => {
    expect(derivedLifetime(3600, 10_000 + 7200, 10_000)).toBe(3600);
    expect(derivedLifetime(3600, 10_000 + 60, 10_000)).toBe(60);
    expect(derivedLifetime(3600, 10_000, 10_000)).toBe(1);
  });
});

describe('derivedTokenClaims', () => {
  const subject = { sub: 'u-1', username: 'alice', attributes: { email: 'a@example.com' } };
  const session = {
    issuer: 'https://idfed/p',
    clientId: 'c1',
    originJti: 'o1',
    eventId: 'e1',
    authTime: 100,
    nowSeconds: 200,
    idTokenTtl: 60,
    accessTokenTtl: 60,
    scopes: ['s1'],
  };
  it('keeps the session and binds the audience and actor', () => {
    const access = derivedTokenClaims(subject, session, {
      use: 'access',
      audience: 'https://api',
      actor: 'c1',
    });
    expect(access).toMatchObject({
      sub: 'u-1',
      client_id: 'c1',
      origin_jti: 'o1',
      token_use: 'access',
      scope: 's1',
      aud: 'https://api',
      act: { sub: 'c1' },
      exp: 260,
    });
    const id = derivedTokenClaims(subject, session, { use: 'id' });
    expect(id).toMatchObject({ sub: 'u-1', aud: 'c1', token_use: 'id', email: 'a@example.com' });
    expect(id).not.toHaveProperty('act');
  });
});

describe('TokenExchange', () => {
  const verifier = { verifyOfUse: jest.fn(), signedClaims: jest.fn() };
  const groups = { claimsOf: jest.fn().mockResolvedValue([]) };
  const servers = { find: jest.fn() };
  const issuer = { issueDerived: jest.fn().mockResolvedValue('issued') };
  const exchange = new TokenExchange(verifier as never, groups as never, servers as never, issuer as never);
  const auth = (flows: string[]): ClientForAuth =>
    ({
      client: {
        id: 'c1',
        poolId: 'p1',
        config: {
          explicitAuthFlows: flows,
          allowedOAuthScopes: ['read'],
          accessTokenValidity: 60,
          idTokenValidity: 60,
          refreshTokenValidity: 30,
          units: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
        },
      },
    }) as never;
  const base: TokenExchangeRequest = { subjectToken: 'x', subjectTokenType: 'ACCESS_TOKEN' };
  const name = async (p: Promise<unknown>) =>
    p.then(
      () => 'ok',
      (e: { errorName: string; message: string; api?: { errorName: string; message: string } }) =>
        `${(e.api ?? e).errorName}: ${(e.api ?? e).message}`,
    );
  const user = { sub: 'u1', username: 'alice', attributes: {} };
  beforeEach(() => jest.clearAllMocks());

  it('refuses a client without the flow the request needs, before reading any token', async () => {
    expect(await name(exchange.exchange(auth(['ALLOW_TOKEN_EXCHANGE_DELEGATION']), base))).toMatch(
      /^InvalidParameterException: Token exchange impersonation/,
    );
    expect(
      await name(
        exchange.exchange(auth(['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']), {
          ...base,
          actorToken: 'a',
          actorTokenType: 'ACCESS_TOKEN',
        }),
      ),
    ).toMatch(/^InvalidParameterException: Token exchange delegation/);
    expect(verifier.verifyOfUse).not.toHaveBeenCalled();
  });

  it('refuses another client’s or pool’s subject token as a forged one', async () => {
    const a = auth(['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    verifier.verifyOfUse.mockResolvedValueOnce({ user, poolId: 'p1', claims: { client_id: 'c2', exp: 9e9 } });
    expect(await name(exchange.exchange(a, base))).toBe('NotAuthorizedException: Invalid Access Token');
    verifier.verifyOfUse.mockResolvedValueOnce({ user, poolId: 'p2', claims: { client_id: 'c1', exp: 9e9 } });
    expect(await name(exchange.exchange(a, base))).toBe('NotAuthorizedException: Invalid Access Token');
    expect(issuer.issueDerived).not.toHaveBeenCalled();
  });

  it('takes only the client’s own machine token as the actor', async () => {
    const a = auth(['ALLOW_TOKEN_EXCHANGE_DELEGATION']);
    const req = { ...base, actorToken: 'a', actorTokenType: 'ACCESS_TOKEN' as const };
    verifier.verifyOfUse.mockResolvedValue({
      user,
      poolId: 'p1',
      claims: { client_id: 'c1', exp: 9e9, scope: 'read' },
    });
    verifier.signedClaims.mockResolvedValueOnce({ poolId: 'p1', claims: { client_id: 'c1', sub: 'u2' } });
    expect(await name(exchange.exchange(a, req))).toBe('NotAuthorizedException: Invalid actor token');
    verifier.signedClaims.mockResolvedValueOnce({ poolId: 'p1', claims: { client_id: 'c2', sub: 'c2' } });
    expect(await name(exchange.exchange(a, req))).toBe('NotAuthorizedException: Invalid actor token');
    verifier.signedClaims.mockResolvedValueOnce({ poolId: 'p1', claims: { client_id: 'c1', sub: 'c1' } });
    expect(await exchange.exchange(a, req)).toEqual({
      token: 'issued',
      type: 'ACCESS_TOKEN',
      expiresIn: 3600,
      scopes: ['read'],
    });
    expect(issuer.issueDerived.mock.calls[0][4]).toEqual({ use: 'access', actor: 'c1' });
  });

  it('refuses audiences, both audiences and resources, and an unknown resource', async () => {
    const a = auth(['ALLOW_TOKEN_EXCHANGE_IMPERSONATION']);
    expect(await name(exchange.exchange(a, { ...base, audiences: ['x'] }))).toMatch(
      /^InvalidParameterException/,
    );
    expect(await name(exchange.exchange(a, { ...base, audiences: ['x'], resources: ['y'] }))).toMatch(
      /cannot both/,
    );
    servers.find.mockResolvedValueOnce(undefined);
    expect(await name(exchange.exchange(a, { ...base, resources: ['y'] }))).toMatch(/not a resource server/);
    expect(verifier.verifyOfUse).not.toHaveBeenCalled();
  });
});
