import { createHash, createPublicKey, KeyObject } from 'node:crypto';
import { ServiceError } from '@idfed/messaging';

/** IAM's minimum key length for SSH public keys ("The minimum bit-length of the public key is 2048 bits"). */
export const MIN_SSH_KEY_BITS = 2048;

export const SshKeyErrors = {
  unrecognized: (): ServiceError<'UnrecognizedPublicKeyEncoding'> =>
    new ServiceError(
      'UnrecognizedPublicKeyEncoding',
      'The public key must be encoded in ssh-rsa format or PEM format.',
    ),
  invalid: (message: string): ServiceError<'InvalidPublicKey'> =>
    new ServiceError('InvalidPublicKey', message),
};

/** An RSA public key as IAM keeps it: the OpenSSH wire blob, its text forms and its MD5 fingerprint. */
export interface ParsedSshKey {
  /** `ssh-rsa <base64>`, the comment dropped. */
  ssh: string;
  pem: string;
  /** MD5 of the key blob, hex pairs joined by colons (OpenSSH's legacy fingerprint). */
  fingerprint: string;
}

function sshString(buffer: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(buffer.length);
  return Buffer.concat([length, buffer]);
}

/** An unsigned big-endian integer as an SSH mpint (a leading zero when the top bit is set). */
function mpint(magnitude: Buffer): Buffer {
  let i = 0;
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++;
  const trimmed = magnitude.subarray(i);
  return sshString(trimmed[0] & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

function readString(blob: Buffer, offset: number): [Buffer, number] {
  if (offset + 4 > blob.length) throw SshKeyErrors.invalid('The SSH public key is truncated.');
  const length = blob.readUInt32BE(offset);
  if (offset + 4 + length > blob.length) throw SshKeyErrors.invalid('The SSH public key is truncated.');
  return [blob.subarray(offset + 4, offset + 4 + length), offset + 4 + length];
}

function keyFromSsh(text: string): KeyObject {
  const [type, data] = text.trim().split(/\s+/);
  if (type !== 'ssh-rsa' || !data || !/^[A-Za-z0-9+/]+=*$/.test(data)) throw SshKeyErrors.unrecognized();
  const blob = Buffer.from(data, 'base64');
  const [name, afterName] = readString(blob, 0);
  if (name.toString('latin1') !== 'ssh-rsa')
    throw SshKeyErrors.invalid('The SSH public key type does not match.');
  const [e, afterE] = readString(blob, afterName);
  const [n, end] = readString(blob, afterE);
  if (end !== blob.length) throw SshKeyErrors.invalid('The SSH public key has trailing data.');
  try {
    return createPublicKey({
      key: { kty: 'RSA', n: n.toString('base64url'), e: e.toString('base64url') },
      format: 'jwk',
    });
  } catch {
    throw SshKeyErrors.invalid('The SSH public key is not a valid RSA key.');
  }
}

/**
 * UploadSSHPublicKey's check: an RSA public key in ssh-rsa or PEM format (anything else is
 * UnrecognizedPublicKeyEncoding), of 2048 bits or more (InvalidPublicKey).
 */
export function parseSshPublicKey(body: string): ParsedSshKey {
  let key: KeyObject;
  if (body.trim().startsWith('ssh-')) key = keyFromSsh(body);
  else if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(body)) {
    try {
      key = createPublicKey({ key: body, format: 'pem' });
    } catch {
      throw SshKeyErrors.invalid('The PEM public key could not be parsed.');
    }
  } else throw SshKeyErrors.unrecognized();
  if (key.asymmetricKeyType !== 'rsa') throw SshKeyErrors.unrecognized();
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_SSH_KEY_BITS) {
    throw SshKeyErrors.invalid(`The public key must be at least ${MIN_SSH_KEY_BITS} bits long.`);
  }
  const jwk = key.export({ format: 'jwk' });
  const blob = Buffer.concat([
    sshString(Buffer.from('ssh-rsa')),
    mpint(Buffer.from(jwk.e!, 'base64url')),
    mpint(Buffer.from(jwk.n!, 'base64url')),
  ]);
  const md5 = createHash('md5').update(blob).digest('hex');
  return {
    ssh: `ssh-rsa ${blob.toString('base64')}`,
    pem: key.export({ format: 'pem', type: 'spki' }).toString(),
    fingerprint: md5.match(/../g)!.join(':'),
  };
}
