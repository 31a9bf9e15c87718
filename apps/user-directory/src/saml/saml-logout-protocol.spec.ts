import { samlSigningKey, TestSamlIdp } from '../../../../libs/testing/src/saml-idp';
import { parseSamlMetadata } from '../providers/provider-documents';
import { newSamlKeyPair, SamlKeyPair } from './saml-keys';
import {
  hasSingleLogout,
  logoutRequest,
  SamlRefusal,
  spEntityId,
  verifyLogoutResponse,
  verifyResponse,
} from './saml-protocol';

const POOL = 'us-east-1_Slo1Test';
const SP = spEntityId(POOL);
const ACS = `http://localhost:9/${POOL}/saml2/idpresponse`;
const SLO_BACK = `http://localhost:9/${POOL}/saml2/logout`;

/**
 * SAML single logout (ADR 0069) against a samlify IdP with its own key: the LogoutRequest idfed
 * sends (signed with the pool's key on the Redirect binding, naming the sign-in's NameID and
 * SessionIndex), and the checks of the IdP's LogoutResponse.
 */
describe('SAML single logout (samlify against a samlify IdP)', () => {
  const idp = new TestSamlIdp('https://idp.test/saml', 'https://idp.test/sso').withSingleLogout(
    'https://idp.test/slo',
  );
  const impostor = new TestSamlIdp('https://idp.test/saml', 'https://idp.test/sso', samlSigningKey('other'));
  const meta = parseSamlMetadata(idp.metadata());
  let signing: SamlKeyPair;
  let otherPoolKey: SamlKeyPair;
  beforeAll(async () => {
    signing = await newSamlKeyPair(SP);
    otherPoolKey = await newSamlKeyPair(SP);
  });

  it('reads the SingleLogoutService, NameID Format and SessionIndex it needs', async () => {
    expect(hasSingleLogout(meta)).toBe(true);
    expect(hasSingleLogout(parseSamlMetadata(impostor.metadata()))).toBe(false);
    const verified = await verifyResponse(
      POOL,
      ACS,
      meta,
      await idp.response({
        spEntityId: SP,
        acsUrl: ACS,
        nameId: 'alice',
        nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
        inResponseTo: '_r',
      }),
    );
    expect(verified.nameIdFormat).toBe('urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress');
    expect(verified.sessionIndex).toBe(verified.assertionId);
  });

  it('sends a LogoutRequest signed with the pool key on the Redirect binding, which the IdP verifies', async () => {
    const out = logoutRequest(POOL, meta, { nameId: 'alice & co', sessionIndex: '_s1' }, 'relay-1', signing);
    expect(out.binding).toBe('redirect');
    const url = new URL(out.location);
    expect(`${url.origin}${url.pathname}`).toBe('https://idp.test/slo');
    expect(url.searchParams.get('RelayState')).toBe('relay-1');
    expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(url.searchParams.get('Signature')).toBeTruthy();
    const read = await idp.logoutRequestOf(out.location, SP, signing.certificate);
    expect(read).toEqual({ id: out.requestId, nameId: 'alice & co', sessionIndex: '_s1', issuer: SP });
  });

  it('its signature fails against another key, and when the RelayState is altered', async () => {
    const out = logoutRequest(POOL, meta, { nameId: 'alice', sessionIndex: '_s1' }, 'relay-2', signing);
    await expect(idp.logoutRequestOf(out.location, SP, otherPoolKey.certificate)).rejects.toThrow();
    const altered = out.location.replace('RelayState=relay-2', 'RelayState=relay-3');
    expect(altered).not.toBe(out.location);
    await expect(idp.logoutRequestOf(altered, SP, signing.certificate)).rejects.toThrow();
  });

  it('uses the POST binding with an XML signature when the metadata offers only that', () => {
    const xml = idp
      .metadata()
      .replace(
        /SingleLogoutService Binding="[^"]+"/,
        'SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"',
      );
    const postOnly = parseSamlMetadata(xml);
    expect(postOnly.sloRedirect).toBeUndefined();
    const out = logoutRequest(POOL, postOnly, { nameId: 'alice' }, 'relay-4', signing);
    expect(out).toMatchObject({ binding: 'post', location: 'https://idp.test/slo' });
    const doc = Buffer.from(out.fields!.SAMLRequest, 'base64').toString();
    expect(doc).toContain(`ID="${out.requestId}"`);
    expect(doc).toContain('<ds:Signature');
    expect(doc).not.toContain('SessionIndex');
  });

  describe('the LogoutResponse', () => {
    const rules = { requestId: '_req9', logoutUrl: SLO_BACK };
    const good = { spEntityId: SP, logoutUrl: SLO_BACK, inResponseTo: '_req9' };

    async function refused(samlResponse: string, reason: RegExp): Promise<void> {
      const err = await verifyLogoutResponse(POOL, meta, samlResponse, rules).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SamlRefusal);
      expect((err as Error).message).toMatch(reason);
    }

    it('is accepted when signed by the IdP, answering our request, addressed to us', async () => {
      await expect(
        verifyLogoutResponse(POOL, meta, idp.logoutResponse(good), rules),
      ).resolves.toBeUndefined();
    });

    it('refuses one signed by another key (a forgery)', async () => {
      await refused(impostor.logoutResponse(good), /^signature/);
    });

    it('refuses an unsigned one', async () => {
      await refused(idp.logoutResponse({ ...good, unsigned: true }), /^signature/);
    });

    it('refuses one altered after signing', async () => {
      const xml = Buffer.from(idp.logoutResponse(good), 'base64').toString();
      const altered = Buffer.from(xml.replace('InResponseTo="_req9"', 'InResponseTo="_req8"')).toString(
        'base64',
      );
      await refused(altered, /^signature/);
    });

    it('refuses one answering another request', async () => {
      await refused(idp.logoutResponse({ ...good, inResponseTo: '_other' }), /InResponseTo/);
    });

    it('refuses one from another issuer', async () => {
      await refused(idp.logoutResponse({ ...good, issuer: 'https://evil.test/saml' }), /^issuer/);
    });

    it('refuses one addressed elsewhere (re-targeted)', async () => {
      await refused(
        idp.logoutResponse({ ...good, destination: 'http://localhost:9/us-east-1_Other/saml2/logout' }),
        /destination/,
      );
    });

    it('refuses a failed logout status', async () => {
      await refused(
        idp.logoutResponse({ ...good, status: 'urn:oasis:names:tc:SAML:2.0:status:Requester' }),
        /^signature or status/,
      );
    });

    it('refuses a login Response in its place', async () => {
      const login = await idp.response({
        spEntityId: SP,
        acsUrl: SLO_BACK,
        nameId: 'alice',
        inResponseTo: '_req9',
      });
      await refused(login, /./);
    });
  });
});
