import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceError } from '@idfed/messaging';
import { parseSshPublicKey } from './ssh-key-encoding';

/** An RSA key's PEM, and OpenSSH's own ssh-rsa line and MD5 fingerprint of it (ssh-keygen). */
function rsaKey(bits: number) {
  const pem = generateKeyPairSync('rsa', { modulusLength: bits })
    .publicKey.export({ format: 'pem', type: 'spki' })
    .toString();
  const dir = mkdtempSync(join(tmpdir(), 'idfed-ssh-'));
  try {
    writeFileSync(join(dir, 'key.pem'), pem);
    const ssh = execFileSync('ssh-keygen', ['-i', '-m', 'PKCS8', '-f', join(dir, 'key.pem')])
      .toString()
      .trim();
    writeFileSync(join(dir, 'key.pub'), `${ssh} someone@example\n`);
    const listed = execFileSync('ssh-keygen', ['-l', '-E', 'md5', '-f', join(dir, 'key.pub')]).toString();
    return { pem, ssh, md5: /MD5:([0-9a-f:]+)/.exec(listed)![1] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const refusal = (work: () => unknown): string => {
  try {
    work();
  } catch (e) {
    return (e as ServiceError).errorName;
  }
  throw new Error('expected a refusal');
};

describe('parseSshPublicKey', () => {
  const key = rsaKey(2048);

  it('reads ssh-rsa (comment dropped) and PEM alike, with the fingerprint ssh-keygen gives', () => {
    const fromSsh = parseSshPublicKey(`${key.ssh} someone@example`);
    const fromPem = parseSshPublicKey(key.pem);
    expect(fromSsh).toEqual(fromPem);
    expect(fromSsh.ssh).toBe(key.ssh);
    expect(fromSsh.fingerprint).toBe(key.md5);
    expect(fromSsh.pem).toBe(key.pem);
  });

  it('refuses keys under 2048 bits as InvalidPublicKey', () => {
    expect(refusal(() => parseSshPublicKey(rsaKey(1024).ssh))).toBe('InvalidPublicKey');
  });

  it.each([
    ['an ed25519 key', 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl'],
    ['text that is no key', 'hello'],
    [
      'an EC key in PEM',
      generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .publicKey.export({ format: 'pem', type: 'spki' })
        .toString(),
    ],
  ])('refuses %s as UnrecognizedPublicKeyEncoding', (_what, body) => {
    expect(refusal(() => parseSshPublicKey(body))).toBe('UnrecognizedPublicKeyEncoding');
  });

  it('refuses a truncated ssh-rsa blob as InvalidPublicKey', () => {
    const [type, data] = key.ssh.split(' ');
    const cut = Buffer.from(data, 'base64').subarray(0, 100).toString('base64');
    expect(refusal(() => parseSshPublicKey(`${type} ${cut}`))).toBe('InvalidPublicKey');
  });
});
