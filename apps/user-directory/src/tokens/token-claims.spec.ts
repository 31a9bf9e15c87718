import { accessTokenClaims, idTokenClaims, TokenSession } from './token-claims';

const session: TokenSession = {
  issuer: 'http://localhost:8080/us-east-1_AbC123xyz',
  clientId: 'client123',
  originJti: '8d2f3f5c-0000-4000-8000-000000000001',
  eventId: '8d2f3f5c-0000-4000-8000-000000000002',
  authTime: 1_700_000_000,
  nowSeconds: 1_700_000_100,
  idTokenTtl: 3600,
  accessTokenTtl: 1800,
};
const subject = {
  sub: '5b3c2a10-0000-4000-8000-00000000abcd',
  username: 'alice',
  attributes: {
    email: 'alice@example.com',
    email_verified: 'true',
    updated_at: '1700000000',
    sub: 'ignored',
  },
};

describe('Cognito token claims', () => {
  it('ID token carries the user attributes, typed as Cognito types them', () => {
    const claims = idTokenClaims(subject, session);
    expect(claims).toMatchObject({
      sub: subject.sub,
      email: 'alice@example.com',
      email_verified: true,
      updated_at: 1_700_000_000,
      iss: session.issuer,
      'cognito:username': 'alice',
      aud: 'client123',
      token_use: 'id',
      auth_time: session.authTime,
      iat: session.nowSeconds,
      exp: session.nowSeconds + 3600,
      origin_jti: session.originJti,
      event_id: session.eventId,
    });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('access token has client_id, scope and username but no aud', () => {
    const claims = accessTokenClaims(subject, session);
    expect(claims).toMatchObject({
      sub: subject.sub,
      client_id: 'client123',
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      username: 'alice',
      exp: session.nowSeconds + 1800,
    });
    expect(claims).not.toHaveProperty('aud');
    expect(claims).not.toHaveProperty('email');
  });

  it('gives each token its own jti', () => {
    expect(idTokenClaims(subject, session).jti).not.toBe(idTokenClaims(subject, session).jti);
  });
});
