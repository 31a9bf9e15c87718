import { samlSigningKey, tamperSamlResponse, TestSamlIdp } from '../../../../libs/testing/src/saml-idp';
import { parseSamlMetadata } from '../providers/provider-documents';
import { authnRequest, SamlRefusal, spEntityId, verifyResponse } from './saml-protocol';

const POOL = 'us-east-1_Saml1Test';
const ACS = 'http://localhost:9/us-east-1_Saml1Test/saml2/idpresponse';
const SP = spEntityId(POOL);

describe('SAML service provider (samlify against a samlify IdP)', () => {
  const idp = new TestSamlIdp('https://idp.test/saml', 'https://idp.test/sso');
  const impostor = new TestSamlIdp('https://idp.test/saml', 'https://idp.test/sso', samlSigningKey('other'));
  const meta = parseSamlMetadata(idp.metadata());
  const base = { spEntityId: SP, acsUrl: ACS, nameId: 'alice', inResponseTo: '_req1' };

  async function refused(samlResponse: string, reason: RegExp): Promise<void> {
    const err = await verifyResponse(POOL, ACS, meta, samlResponse).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SamlRefusal);
    expect((err as Error).message).toMatch(reason);
  }

  it('sends an AuthnRequest on the Redirect binding with our RelayState, which the IdP reads', async () => {
    const out = authnRequest(POOL, ACS, meta, 'relay-1');
    expect(out.binding).toBe('redirect');
    const url = new URL(out.location);
    expect(`${url.origin}${url.pathname}`).toBe('https://idp.test/sso');
    expect(url.searchParams.get('RelayState')).toBe('relay-1');
    expect(await idp.requestIdOf(out.location, SP, ACS)).toBe(out.requestId);
  });

  it('uses the POST binding when the metadata offers only that', () => {
    const postOnly = new TestSamlIdp('https://idp2.test', 'https://idp2.test/sso', undefined, 'post');
    const out = authnRequest(POOL, ACS, parseSamlMetadata(postOnly.metadata()), 'relay-2');
    expect(out).toMatchObject({ binding: 'post', location: 'https://idp2.test/sso' });
    expect(out.fields?.RelayState).toBe('relay-2');
    expect(Buffer.from(out.fields!.SAMLRequest, 'base64').toString()).toContain(`ID="${out.requestId}"`);
  });

  it('accepts a signed assertion and reads the NameID, attributes and InResponseTo', async () => {
    const response = await idp.response({ ...base, attributes: { email: 'alice@example.com' } });
    const verified = await verifyResponse(POOL, ACS, meta, response);
    expect(verified).toMatchObject({
      nameId: 'alice',
      inResponseTo: '_req1',
      issuer: 'https://idp.test/saml',
      attributes: { email: 'alice@example.com' },
    });
    expect(verified.assertionId).toMatch(/^_a/);
    expect(verified.notOnOrAfter.getTime()).toBeGreaterThan(Date.now());
  });

  it('accepts a response signed over the whole message', async () => {
    const response = await idp.response({ ...base, signAssertion: false, signResponse: true });
    expect((await verifyResponse(POOL, ACS, meta, response)).nameId).toBe('alice');
  });

  it('refuses an unsigned response', async () => {
    await refused(await idp.response({ ...base, unsigned: true }), /SIGNATURE/);
  });

  it('refuses a response signed by another key', async () => {
    await refused(await impostor.response(base), /CERTIFICATE|SIGNATURE/);
  });

  it('refuses an assertion changed after signing', async () => {
    const response = await idp.response({ ...base, attributes: { email: 'alice@example.com' } });
    await refused(tamperSamlResponse(response, 'alice@example.com', 'admin@example.com'), /SIGNATURE/);
  });

  it.each([
    ['another audience', { audience: 'urn:amazon:cognito:sp:other' }, /audience/],
    ['another destination', { destination: 'https://evil.test/acs' }, /destination/],
    ['another recipient', { recipient: 'https://evil.test/acs' }, /recipient/],
    ['another issuer', { issuer: 'https://evil.test' }, /ISSUER/],
    [
      'an expired assertion',
      { notOnOrAfter: new Date(Date.now() - 10 * 60_000) },
      /SUBJECT_UNCONFIRMED|expired/,
    ],
    [
      'an assertion not valid yet',
      { notBefore: new Date(Date.now() + 10 * 60_000), notOnOrAfter: new Date(Date.now() + 11 * 60_000) },
      /SUBJECT_UNCONFIRMED/,
    ],
  ])('refuses %s', async (_what, change, reason) => {
    await refused(await idp.response({ ...base, ...change }), reason);
  });

  it('refuses what is not XML', async () => {
    await refused(Buffer.from('<x/>').toString('base64'), /./);
  });

  it('refuses what is not base64 XML', async () => {
    await refused('not base64 at all', /./);
  });
});
