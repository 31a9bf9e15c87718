import { TestSamlIdp } from '../../../../libs/testing/src/saml-idp';
import { HostedSession, HostedSessionsRepository } from '../oauth/hosted-sessions.repository';
import { digestOf } from '../oauth/oauth-grants';
import { parseSamlMetadata } from '../providers/provider-documents';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { SamlKeyStore } from './saml-key-store';
import { newSamlKeyPair, SamlKeyPair } from './saml-keys';
import { SamlLogoutUseCase, SamlSingleLogout } from './saml-logout.use-case';
import { spEntityId } from './saml-protocol';
import { SamlLogoutRequestRow, SamlRepository } from './saml.repository';

const POOL = 'us-east-1_SloCase';
const SP = spEntityId(POOL);
const LOGOUT_URL = `http://localhost:9/${POOL}/saml2/logout`;

/**
 * When `/logout` goes through the IdP (ADR 0069), and what `/saml2/logout` does with the stored
 * request: the repositories are in-memory stand-ins, the SAML (samlify IdP, the pool's key) is real.
 */
describe('SAML single logout use cases (ADR 0069)', () => {
  const idp = new TestSamlIdp('https://idp.test/saml', 'https://idp.test/sso').withSingleLogout(
    'https://idp.test/slo',
  );
  const withSlo = parseSamlMetadata(idp.metadata());
  const withoutSlo = parseSamlMetadata(
    new TestSamlIdp('https://idp.test/saml', 'https://idp.test/sso').metadata(),
  );
  let key: SamlKeyPair;
  beforeAll(async () => {
    key = await newSamlKeyPair(SP);
  });

  const saml = { providerName: 'Corp', nameId: 'alice', sessionIndex: '_s1' };
  const liveSession = (over: Partial<HostedSession> = {}): HostedSession => ({
    poolId: POOL,
    userSub: 'sub',
    authTime: new Date(),
    expiresAt: new Date(Date.now() + 60_000),
    createdAt: new Date(),
    saml,
    ...over,
  });
  const provider = (details: Record<string, string>, meta = withSlo) => ({
    provider: { poolId: POOL, name: 'Corp', type: 'SAML', details, samlMetadata: meta },
  });

  function begin(session: HostedSession | undefined, found: unknown) {
    const stored: { relayHash: Buffer; row: SamlLogoutRequestRow }[] = [];
    const logout = new SamlSingleLogout(
      { find: jest.fn(async () => session) } as unknown as HostedSessionsRepository,
      { find: jest.fn(async () => found) } as unknown as IdentityProvidersRepository,
      {
        insertLogoutRequest: jest.fn(async (relayHash: Buffer, row: SamlLogoutRequestRow) => {
          stored.push({ relayHash, row });
        }),
      } as unknown as SamlRepository,
      { signingKey: jest.fn(async () => key) } as unknown as SamlKeyStore,
    );
    return { logout, stored };
  }
  const next = { kind: 'redirect' as const, location: 'https://app.test/bye' };

  it('sends a SAML session of a provider with IDPSignout to the IdP, storing the request by its RelayState', async () => {
    const { logout, stored } = begin(liveSession(), provider({ IDPSignout: 'true' }));
    const out = await logout.begin(POOL, 'cookie', next);
    expect(out).toMatchObject({ kind: 'saml-logout', binding: 'redirect' });
    const url = (out as { location: string }).location;
    const relay = new URL(url).searchParams.get('RelayState')!;
    const sent = await idp.logoutRequestOf(url, SP, key.certificate);
    expect(sent).toMatchObject({ nameId: 'alice', sessionIndex: '_s1' });
    expect(stored).toHaveLength(1);
    expect(stored[0].relayHash.equals(digestOf(relay))).toBe(true);
    expect(stored[0].row).toMatchObject({ poolId: POOL, providerName: 'Corp', requestId: sent.id, next });
    expect(stored[0].row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
  });

  it.each([
    ['no cookie', undefined, liveSession(), provider({ IDPSignout: 'true' })],
    ['no session', 'cookie', undefined, provider({ IDPSignout: 'true' })],
    [
      'a session of another pool',
      'cookie',
      liveSession({ poolId: 'us-east-1_Other' }),
      provider({ IDPSignout: 'true' }),
    ],
    [
      'an expired session',
      'cookie',
      liveSession({ expiresAt: new Date(Date.now() - 1000) }),
      provider({ IDPSignout: 'true' }),
    ],
    ['a session not from SAML', 'cookie', liveSession({ saml: undefined }), provider({ IDPSignout: 'true' })],
    ['IDPSignout false', 'cookie', liveSession(), provider({ IDPSignout: 'false' })],
    ['IDPSignout absent', 'cookie', liveSession(), provider({})],
    ['no SingleLogoutService', 'cookie', liveSession(), provider({ IDPSignout: 'true' }, withoutSlo)],
    ['the provider deleted', 'cookie', liveSession(), undefined],
  ])('signs out of idfed only with %s', async (_name, cookie, session, found) => {
    const { logout, stored } = begin(session, found);
    expect(await logout.begin(POOL, cookie, next)).toBeUndefined();
    expect(stored).toHaveLength(0);
  });

  describe('/saml2/logout', () => {
    const pending = (over: Partial<SamlLogoutRequestRow> = {}): SamlLogoutRequestRow => ({
      poolId: POOL,
      providerName: 'Corp',
      requestId: '_req1',
      next,
      expiresAt: new Date(Date.now() + 60_000),
      ...over,
    });
    const useCase = (row: SamlLogoutRequestRow | undefined) => {
      const take = jest.fn(async () => row);
      return {
        take,
        run: new SamlLogoutUseCase(
          { takeLogoutRequest: take } as unknown as SamlRepository,
          {
            find: jest.fn(async () => provider({ IDPSignout: 'true' })),
          } as unknown as IdentityProvidersRepository,
        ),
      };
    };
    const answer = (inResponseTo = '_req1') =>
      idp.logoutResponse({ spEntityId: SP, logoutUrl: LOGOUT_URL, inResponseTo });
    const request = (SAMLResponse: string, RelayState = 'relay') => ({
      UserPoolId: POOL,
      SAMLResponse,
      RelayState,
      LogoutUrl: LOGOUT_URL,
    });
    const INVALID = {
      kind: 'error',
      error: 'invalid_request',
      description: expect.stringMatching(/^Invalid samlResponse/),
    };

    it('sends the browser where /logout would have, taking the request by its RelayState digest', async () => {
      const { run, take } = useCase(pending());
      expect(await run.execute(request(answer()))).toEqual(next);
      expect(take).toHaveBeenCalledWith(digestOf('relay'));
    });

    it('refuses a RelayState whose request is gone (a replay), of another pool, or expired', async () => {
      for (const row of [
        undefined,
        pending({ poolId: 'us-east-1_Other' }),
        pending({ expiresAt: new Date(Date.now() - 1) }),
      ])
        expect(await useCase(row).run.execute(request(answer()))).toEqual(INVALID);
    });

    it('refuses a response to another request, and empty or oversized fields, before anything is taken', async () => {
      expect(await useCase(pending()).run.execute(request(answer('_other')))).toEqual(INVALID);
      for (const bad of [
        request(''),
        request(answer(), ''),
        request('x'.repeat(100_001)),
        request(answer(), 'r'.repeat(4097)),
      ]) {
        const { run, take } = useCase(pending());
        expect(await run.execute(bad)).toEqual(INVALID);
        expect(take).not.toHaveBeenCalled();
      }
    });

    it('refuses an IdP-initiated LogoutRequest', async () => {
      const { run, take } = useCase(pending());
      expect(
        await run.execute({
          UserPoolId: POOL,
          SAMLRequest: 'PHg+',
          RelayState: 'relay',
          LogoutUrl: LOGOUT_URL,
        }),
      ).toEqual(INVALID);
      expect(take).not.toHaveBeenCalled();
    });
  });
});
