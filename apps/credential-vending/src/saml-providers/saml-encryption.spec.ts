import { samlSigningKey, tamperSamlResponse, TestSamlIdp } from '../../../../libs/testing/src/saml-idp';
import { IamArns } from '../common/arns';
import { SAML_ATTRIBUTES } from '../sts/assume-role-with-saml.use-case';
import { verifySamlResponse } from './saml-assertion.verifier';
import { parseSamlMetadata } from './saml-metadata';
import { SamlPrivateKeys } from './saml-private-keys';
import { nextEncryption } from './saml-provider-encryption';

const arns = new IamArns('123456789012');
const PROVIDER = arns.samlProvider('Corp');
const AWS_SAML = 'https://signin.aws.amazon.com/saml';
const idp = new TestSamlIdp(
  'https://idp.corp.test/metadata',
  'https://idp.corp.test/sso',
  samlSigningKey(),
  'post',
);
const impostor = new TestSamlIdp(
  'https://idp.corp.test/metadata',
  'https://idp.corp.test/sso',
  samlSigningKey('impostor'),
  'post',
);
const facts = parseSamlMetadata(idp.metadata().padEnd(1000, ' '), Date.now());
// The SP's (AWS's, here idfed's) decryption keys: two of the provider's, and one of no one's.
const keyA = samlSigningKey('sp-a');
const keyB = samlSigningKey('sp-b');
const stranger = samlSigningKey('stranger');
const sealer = new SamlPrivateKeys(Buffer.alloc(32, 7));

const response = (
  over: Parameters<TestSamlIdp['response']>[0] extends infer T ? Partial<T> : never = {},
  from = idp,
) =>
  from.response({
    spEntityId: AWS_SAML,
    acsUrl: AWS_SAML,
    nameId: 'alice@corp.test',
    attributes: { [SAML_ATTRIBUTES.role]: [`${arns.role('/', 'readers')},${PROVIDER}`] },
    ...over,
  });
const verify = (saml: string, decryption?: { privateKeys: string[]; required: boolean }) =>
  verifySamlResponse({ ...facts, ...(decryption ? { decryption } : {}) }, saml, Date.now());

describe('IAM SAML providers: encrypted assertions (ADR 0055)', () => {
  it('decrypts an assertion signed then encrypted to any of the provider keys', async () => {
    const saml = await response({ encryptTo: keyA.certificate });
    expect(Buffer.from(saml, 'base64').toString()).not.toContain('alice@corp.test');
    const both = { privateKeys: [keyB.privateKey, keyA.privateKey], required: true };
    await expect(verify(saml, both)).resolves.toMatchObject({ nameId: 'alice@corp.test' });
    await expect(verify(saml, { privateKeys: [keyA.privateKey], required: false })).resolves.toMatchObject({
      nameId: 'alice@corp.test',
    });
  });

  it('decrypts an assertion inside a Response signed after encryption', async () => {
    const saml = await response({ encryptTo: keyA.certificate, signResponse: true, signAssertion: false });
    await expect(verify(saml, { privateKeys: [keyA.privateKey], required: true })).resolves.toMatchObject({
      nameId: 'alice@corp.test',
    });
  });

  it('refuses an assertion encrypted to another key, or to a provider with no keys', async () => {
    const saml = await response({ encryptTo: stranger.certificate });
    await expect(
      verify(saml, { privateKeys: [keyA.privateKey, keyB.privateKey], required: false }),
    ).rejects.toThrow('could not be decrypted');
    await expect(verify(await response({ encryptTo: keyA.certificate }))).rejects.toThrow(
      'could not be decrypted',
    );
  });

  it('refuses a plain assertion when encryption is Required, accepts it when Allowed', async () => {
    const plain = await response();
    await expect(verify(plain, { privateKeys: [keyA.privateKey], required: true })).rejects.toThrow(
      'requires encrypted assertions',
    );
    await expect(verify(plain, { privateKeys: [keyA.privateKey], required: false })).resolves.toBeDefined();
  });

  it('refuses an encrypted assertion signed by another IdP, and an altered ciphertext', async () => {
    const forged = await response({ encryptTo: keyA.certificate }, impostor);
    await expect(verify(forged, { privateKeys: [keyA.privateKey], required: true })).rejects.toThrow(
      'Response signature invalid',
    );
    const saml = await response({ encryptTo: keyA.certificate });
    const xml = Buffer.from(saml, 'base64').toString();
    const cipher = /<xenc:CipherValue>([^<]+)<\/xenc:CipherValue>/g;
    const values = [...xml.matchAll(cipher)].map((m) => m[1]);
    const data = values[values.length - 1];
    const flipped = data.slice(0, 40) + (data[40] === 'A' ? 'B' : 'A') + data.slice(41);
    await expect(
      verify(tamperSamlResponse(saml, data, flipped), { privateKeys: [keyA.privateKey], required: true }),
    ).rejects.toBeDefined();
  });

  it('seals a key bound to its provider and id, never holding the PEM in clear', () => {
    const stored = sealer.seal(PROVIDER, keyA.privateKey, new Date());
    expect(stored.keyId).toMatch(/^[A-Z2-7]{26}$/);
    expect(Buffer.from(stored.sealed, 'base64').toString('latin1')).not.toContain('PRIVATE KEY');
    expect(sealer.open(PROVIDER, stored)).toContain('BEGIN PRIVATE KEY');
    expect(() => sealer.open(arns.samlProvider('Other'), stored)).toThrow();
    expect(() => sealer.open(PROVIDER, { ...stored, keyId: 'A'.repeat(26) })).toThrow();
    expect(sealer.seal(PROVIDER, keyA.privateKey, new Date()).keyId).toBe(stored.keyId);
  });

  it('applies AddPrivateKey, RemovePrivateKey and the mode as IAM does', () => {
    const empty = { arn: PROVIDER, assertionEncryptionMode: null, privateKeys: [] };
    const now = new Date();
    expect(() => nextEncryption(sealer, empty, { AssertionEncryptionMode: 'Required' }, now)).toThrow(
      expect.objectContaining({ errorName: 'InvalidInput' }),
    );
    const bad = 'not a key: secret-looking-text';
    let thrown: unknown;
    try {
      nextEncryption(sealer, empty, { AddPrivateKey: bad }, now);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ errorName: 'InvalidInput' });
    expect(String((thrown as Error).message)).not.toContain('secret-looking-text');
    const one = nextEncryption(
      sealer,
      empty,
      { AddPrivateKey: keyA.privateKey, AssertionEncryptionMode: 'Required' },
      now,
    );
    expect(one.assertionEncryptionMode).toBe('Required');
    const dup = () => nextEncryption(sealer, { ...empty, ...one }, { AddPrivateKey: keyA.privateKey }, now);
    expect(dup).toThrow(expect.objectContaining({ errorName: 'InvalidInput' }));
    const two = nextEncryption(sealer, { ...empty, ...one }, { AddPrivateKey: keyB.privateKey }, now);
    expect(two.privateKeys).toHaveLength(2);
    expect(() =>
      nextEncryption(sealer, { ...empty, ...two }, { AddPrivateKey: stranger.privateKey }, now),
    ).toThrow(expect.objectContaining({ errorName: 'LimitExceeded' }));
    // Rotation: the old key out and the new one in, in one call.
    const rotated = nextEncryption(
      sealer,
      { ...empty, ...two },
      { RemovePrivateKey: two.privateKeys[0].keyId, AddPrivateKey: stranger.privateKey },
      now,
    );
    expect(rotated.privateKeys.map((k) => k.keyId)).toEqual([two.privateKeys[1].keyId, expect.any(String)]);
    expect(() =>
      nextEncryption(sealer, { ...empty, ...one }, { RemovePrivateKey: one.privateKeys[0].keyId }, now),
    ).toThrow(expect.objectContaining({ errorName: 'InvalidInput' }));
    expect(() =>
      nextEncryption(sealer, { ...empty, ...one }, { RemovePrivateKey: 'B'.repeat(26) }, now),
    ).toThrow(expect.objectContaining({ errorName: 'InvalidInput' }));
  });
});
