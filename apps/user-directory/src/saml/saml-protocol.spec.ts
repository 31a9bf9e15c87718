import { samlSigningKey, tamperSamlResponse, TestSamlIdp } from '../../../../libs/testing/src/saml-idp';
import { parseSamlMetadata } from '../providers/provider-documents';
import { SamlMetadataSummary } from '../database/entities';
import { newSamlKeyPair, SamlKeyPair } from './saml-keys';
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

  describe('encrypted responses (EncryptedResponses, ADR 0059)', () => {
    let ours: SamlKeyPair;
    let theirs: SamlKeyPair;
    const pem = (c: string) =>
      `-----BEGIN CERTIFICATE-----\n${c.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;
    beforeAll(async () => {
      ours = await newSamlKeyPair(SP);
      theirs = await newSamlKeyPair(SP);
    });
    const required = () => ({ privateKeys: [ours.privateKey], required: true });

    async function refusedWith(response: string, reason: RegExp, decryption = required()) {
      const err = await verifyResponse(POOL, ACS, meta, response, new Date(), decryption).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SamlRefusal);
      expect((err as Error).message).toMatch(reason);
    }

    it('opens an assertion encrypted to the provider key and reads it', async () => {
      const response = await idp.response({ ...base, encryptTo: pem(ours.certificate) });
      expect(Buffer.from(response, 'base64').toString()).toContain('EncryptedAssertion');
      const verified = await verifyResponse(POOL, ACS, meta, response, new Date(), required());
      expect(verified).toMatchObject({ nameId: 'alice', inResponseTo: '_req1' });
    });

    it('refuses an assertion encrypted to another key', async () => {
      await refusedWith(await idp.response({ ...base, encryptTo: pem(theirs.certificate) }), /^decryption/);
    });

    it('refuses a plain assertion when encryption is required, and takes it when not', async () => {
      const plain = await idp.response(base);
      await refusedWith(plain, /^not-encrypted/);
      const optional = { privateKeys: [ours.privateKey], required: false };
      expect((await verifyResponse(POOL, ACS, meta, plain, new Date(), optional)).nameId).toBe('alice');
    });

    it('refuses an encrypted assertion when the provider has no key', async () => {
      const response = await idp.response({ ...base, encryptTo: pem(ours.certificate) });
      const err = await verifyResponse(POOL, ACS, meta, response).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SamlRefusal);
    });

    it('refuses a tampered ciphertext with a refusal, not an error', async () => {
      const response = await idp.response({ ...base, encryptTo: pem(ours.certificate) });
      const xml = Buffer.from(response, 'base64').toString();
      const values = [...xml.matchAll(/<(?:[\w-]+:)?CipherValue>([^<]+)</g)].map((m) => m[1]);
      const data = values[values.length - 1];
      const flipped = data.slice(0, 40) + (data[40] === 'A' ? 'B' : 'A') + data.slice(41);
      await refusedWith(Buffer.from(xml.replace(data, flipped)).toString('base64'), /./);
    });
  });

  describe('signed AuthnRequests (RequestSigningAlgorithm rsa-sha256, ADR 0059)', () => {
    let poolKey: SamlKeyPair;
    let otherKey: SamlKeyPair;
    let strict: TestSamlIdp;
    let strictMeta: SamlMetadataSummary;
    let strictPost: TestSamlIdp;
    beforeAll(async () => {
      poolKey = await newSamlKeyPair(SP);
      otherKey = await newSamlKeyPair(SP);
      strict = new TestSamlIdp('https://idp3.test', 'https://idp3.test/sso').requireSignedRequests(
        poolKey.certificate,
      );
      strictMeta = parseSamlMetadata(strict.metadata());
      strictPost = new TestSamlIdp('https://idp4.test', 'https://idp4.test/sso', undefined, 'post');
      strictPost.requireSignedRequests(poolKey.certificate);
    });

    it('signs the Redirect binding with SigAlg and Signature, which the IdP verifies', async () => {
      const out = authnRequest(POOL, ACS, strictMeta, 'relay-s', poolKey);
      const url = new URL(out.location);
      expect(url.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
      expect(url.searchParams.get('Signature')).toBeTruthy();
      expect(await strict.requestIdOf(out.location, SP, ACS)).toBe(out.requestId);
    });

    it('is refused by that IdP unsigned, signed by another key, or altered', async () => {
      const unsigned = authnRequest(POOL, ACS, strictMeta, 'relay-s');
      await expect(strict.requestIdOf(unsigned.location, SP, ACS)).rejects.toThrow(/MISSING_SIG/);
      const foreign = authnRequest(POOL, ACS, strictMeta, 'relay-s', otherKey);
      await expect(strict.requestIdOf(foreign.location, SP, ACS)).rejects.toThrow(/SIGNATURE/);
      const signed = authnRequest(POOL, ACS, strictMeta, 'relay-s', poolKey);
      const relayChanged = signed.location.replace('RelayState=relay-s', 'RelayState=relay-x');
      await expect(strict.requestIdOf(relayChanged, SP, ACS)).rejects.toThrow(/SIGNATURE/);
    });

    it('signs the POST binding inside the XML, which the IdP verifies', async () => {
      const out = authnRequest(POOL, ACS, parseSamlMetadata(strictPost.metadata()), 'relay-p', poolKey);
      expect(out.binding).toBe('post');
      const xml = Buffer.from(out.fields!.SAMLRequest, 'base64').toString();
      expect(xml).toContain('SignatureValue');
      expect(await strictPost.requestIdOfPost(out.fields!.SAMLRequest, SP, ACS)).toBe(out.requestId);
    });

    it('is refused on the POST binding altered or signed by another key', async () => {
      const out = authnRequest(POOL, ACS, parseSamlMetadata(strictPost.metadata()), 'relay-p', poolKey);
      const xml = Buffer.from(out.fields!.SAMLRequest, 'base64').toString();
      const altered = Buffer.from(xml.replace(ACS, `${ACS}x`)).toString('base64');
      await expect(strictPost.requestIdOfPost(altered, SP, ACS)).rejects.toThrow();
      const foreign = authnRequest(POOL, ACS, parseSamlMetadata(strictPost.metadata()), 'r', otherKey);
      await expect(strictPost.requestIdOfPost(foreign.fields!.SAMLRequest, SP, ACS)).rejects.toThrow();
    });
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
