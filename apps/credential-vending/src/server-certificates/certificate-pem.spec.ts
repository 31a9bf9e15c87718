import { generateKeyPairSync } from 'node:crypto';
import { ServiceError } from '@idfed/messaging';
import { samlSigningKey } from '../../../../libs/testing/src/saml-idp';
import { checkServerCertificate } from './certificate-pem';
import { ServerCertificateKeys } from './server-certificate-keys';

const server = samlSigningKey('www.example.test');
const other = samlSigningKey('other.example.test');
const now = new Date();

const refusal = (work: () => unknown): [string, string] => {
  try {
    work();
  } catch (e) {
    const err = e as ServiceError;
    return [err.errorName, err.message];
  }
  throw new Error('expected a refusal');
};

describe('checkServerCertificate', () => {
  it('accepts a certificate with its own key and a chain, answering its expiry', () => {
    const { expiration } = checkServerCertificate(
      server.certificate,
      server.privateKey,
      other.certificate,
      now,
    );
    expect(expiration.getTime()).toBeGreaterThan(now.getTime());
  });

  it('refuses an unrelated EC key (SEC1 form) as KeyPairMismatch', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const sec1 = ec.privateKey.export({ format: 'pem', type: 'sec1' }).toString();
    expect(refusal(() => checkServerCertificate(server.certificate, sec1, undefined, now))[0]).toBe(
      'KeyPairMismatch',
    );
  });

  it("refuses someone else's key as KeyPairMismatch, without the key in the message", () => {
    const [name, message] = refusal(() =>
      checkServerCertificate(server.certificate, other.privateKey, undefined, now),
    );
    expect(name).toBe('KeyPairMismatch');
    expect(message).not.toContain('PRIVATE KEY');
  });

  it.each([
    ['a body that is not PEM', 'not a certificate', server.privateKey, undefined],
    ['a body of two certificates', `${server.certificate}${other.certificate}`, server.privateKey, undefined],
    [
      'a damaged body',
      // Cut short: half of its base64 lines gone.
      server.certificate
        .split('\n')
        .filter((_line, i, all) => i === 0 || i > all.length / 2)
        .join('\n'),
      server.privateKey,
      undefined,
    ],
    ['a key that is not PEM', server.certificate, 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', undefined],
    [
      'an encrypted key',
      server.certificate,
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw-123456' })
        .toString(),
      undefined,
    ],
    ['a chain that is not PEM', server.certificate, server.privateKey, 'garbage'],
  ])('refuses %s as MalformedCertificate', (_what, body, key, chain) => {
    const [name, message] = refusal(() => checkServerCertificate(body, key, chain, now));
    expect(name).toBe('MalformedCertificate');
    expect(message).not.toContain(server.privateKey.slice(40, 80));
  });

  it('refuses a certificate expired at the time of the upload', () => {
    const later = new Date(now.getTime() + 3 * 24 * 3600 * 1000);
    expect(
      refusal(() => checkServerCertificate(server.certificate, server.privateKey, undefined, later)),
    ).toEqual(['MalformedCertificate', 'The certificate has expired.']);
  });
});

describe('ServerCertificateKeys', () => {
  it('seals a key that opens only under its own certificate id', () => {
    const keys = new ServerCertificateKeys(Buffer.alloc(32, 7));
    const sealed = keys.seal('ASCA1', server.privateKey);
    expect(sealed.toString('latin1')).not.toContain('PRIVATE KEY');
    expect(keys.open('ASCA1', sealed)).toBe(server.privateKey);
    expect(() => keys.open('ASCA2', sealed)).toThrow();
    expect(() => new ServerCertificateKeys(Buffer.alloc(32, 8)).open('ASCA1', sealed)).toThrow();
  });
});
