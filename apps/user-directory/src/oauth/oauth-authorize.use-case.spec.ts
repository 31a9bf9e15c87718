import { ClientForAuth } from '../clients/clients.service';
import { FederatedSignIn } from '../relying-party/federated-sign-in';
import { BlockedAddresses } from '../risk/threat-protection';
import { UserSessions } from '../sessions/user-sessions';
import { AuthorizeRequest, AuthorizeRequests } from './authorize-request';
import { OAuthAuthorizeUseCase } from './oauth-authorize.use-case';
import { OAuthGrants } from './oauth-grants';

const POOL = 'us-east-1_AbCdEf123';
const request: AuthorizeRequest = { responseType: 'code', redirectUri: 'https://app/cb', scopes: ['openid'] };
const auth = {
  client: { id: 'client-1', name: 'app', poolId: POOL, config: {} },
  pool: { id: POOL, name: 'pool', config: { userPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } } },
} as unknown as ClientForAuth;
const meta = { requestId: 'r', caller: { kind: 'anonymous' as const }, sourceIp: '192.0.2.5' };

function authorize(blocked: boolean) {
  const requests = {
    check: jest.fn(async () => Promise.resolve({ ok: true as const, auth, request })),
  } as unknown as AuthorizeRequests;
  const grants = {
    sessionUser: jest.fn(async () =>
      Promise.resolve({ user: { sub: 's' }, authTime: new Date(), sessionId: 'sso' }),
    ),
    answer: jest.fn(async () => Promise.resolve('https://app/cb?code=c')),
  };
  const isBlocked = jest.fn(async () => Promise.resolve(blocked));
  const useCase = new OAuthAuthorizeUseCase(
    requests,
    grants as unknown as OAuthGrants,
    {
      asksForProvider: () => false,
      chooserOf: async () => Promise.resolve({}),
    } as unknown as FederatedSignIn,
    { ssoSessionReusable: async () => Promise.resolve(true) } as unknown as UserSessions,
    { isBlocked } as unknown as BlockedAddresses,
  );
  return { useCase, grants, isBlocked };
}

describe('GET /oauth2/authorize and threat protection (ADR 0089)', () => {
  const req = { UserPoolId: POOL, Params: {}, SessionToken: 'session' };

  it('answers a browser with a live hosted session at once when its address is not blocked', async () => {
    const a = authorize(false);
    expect(await a.useCase.execute(req, meta)).toEqual({
      kind: 'redirect',
      location: 'https://app/cb?code=c',
    });
    expect(a.isBlocked).toHaveBeenCalledWith(auth.pool, 'client-1', '192.0.2.5');
  });

  it('shows a blocked address the sign-in page, without reading its session or issuing a code', async () => {
    const a = authorize(true);
    expect(await a.useCase.execute(req, meta)).toMatchObject({ kind: 'login', clientName: 'app' });
    expect(a.grants.sessionUser).not.toHaveBeenCalled();
    expect(a.grants.answer).not.toHaveBeenCalled();
  });
});
