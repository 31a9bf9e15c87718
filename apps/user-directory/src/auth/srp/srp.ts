import { createDiffieHellman, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Cognito's variant of SRP-6a (RFC 5054), as amazon-cognito-identity-js, Amplify and the other
 * Cognito clients compute it: SHA-256 throughout, the RFC 3526 3072-bit group with g = 2, numbers
 * hashed as "padded hex" (even-length, with a 00 byte before a high first nibble), and the session
 * key stretched with HKDF ("Caldera Derived Key") to 16 bytes.
 */
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200CBBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const SRP_N = BigInt(`0x${N_HEX}`);
export const SRP_G = 2n;
/** HKDF info; with a 16-byte output HKDF-Expand is one HMAC over info | 0x01, as the clients compute it. */
const INFO_TEXT = 'Caldera Derived Key';

/** Hex of a non-negative integer, even-length, with a leading 00 byte when the first nibble is >= 8. */
export function padHex(n: bigint): string {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  else if ('89abcdef'.includes(hex[0])) hex = `00${hex}`;
  return hex;
}

function sha256(data: Buffer | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** SHA-256 of the bytes a hex string spells, as a number. */
function hashHexToBigInt(hex: string): bigint {
  return BigInt(`0x${sha256(Buffer.from(hex, 'hex')).toString('hex')}`);
}

const N_BUFFER = Buffer.from(N_HEX, 'hex');
const G_BUFFER = Buffer.from([2]);

function toBuffer(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return Buffer.from(hex, 'hex');
}

/**
 * base^exponent mod modulus. For the 3072-bit group this runs in OpenSSL (a Diffie-Hellman
 * object's computeSecret is exactly base^private mod prime), about ten times faster than BigInt
 * arithmetic, which matters because it runs on the event loop: three of these per SRP sign-in.
 * Bases OpenSSL refuses as public keys (0, 1, and N-1) and other moduli take the BigInt path.
 */
export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const b = ((base % modulus) + modulus) % modulus;
  if (modulus === SRP_N && exponent > 0n && b > 1n && b < modulus - 1n) {
    const dh = createDiffieHellman(N_BUFFER, G_BUFFER);
    dh.setPrivateKey(toBuffer(exponent));
    return BigInt(`0x${dh.computeSecret(toBuffer(b)).toString('hex')}`);
  }
  return modPowBigInt(b, exponent, modulus);
}

/** Square-and-multiply in BigInt: the reference the native path is tested against. */
export function modPowBigInt(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let square = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * square) % modulus;
    e >>= 1n;
    square = (square * square) % modulus;
  }
  return result;
}

/** k = H(pad(N) | pad(g)). */
export const SRP_K = hashHexToBigInt(padHex(SRP_N) + padHex(SRP_G));

/** The pool id's part after the underscore: Cognito's "pool name" in every SRP hash. */
export function srpPoolName(userPoolId: string): string {
  return userPoolId.slice(userPoolId.indexOf('_') + 1);
}

/** x = H(pad(salt) | H(poolName | userId | ':' | password)). */
export function privateKeyX(
  poolName: string,
  userIdForSrp: string,
  password: string,
  saltHex: string,
): bigint {
  const inner = sha256(`${poolName}${userIdForSrp}:${password}`).toString('hex');
  return hashHexToBigInt(padHex(parseHex(saltHex)) + inner);
}

export interface SrpVerifier {
  /** Canonical padded hex, exactly as sent in SALT. */
  salt: string;
  /** v = g^x mod N, padded hex. */
  verifier: string;
}

/** A fresh 128-bit salt and the verifier for a password: what the directory keeps instead of SRP secrets. */
export function createVerifier(
  poolName: string,
  userIdForSrp: string,
  password: string,
  salt: Buffer = randomBytes(16),
): SrpVerifier {
  const saltHex = padHex(BigInt(`0x${salt.toString('hex')}`));
  return { salt: saltHex, verifier: verifierFor(poolName, userIdForSrp, password, saltHex) };
}

/** v = g^x mod N (padded hex) for a stored salt: what a password is checked against. */
export function verifierFor(
  poolName: string,
  userIdForSrp: string,
  password: string,
  saltHex: string,
): string {
  return padHex(modPow(SRP_G, privateKeyX(poolName, userIdForSrp, password, saltHex), SRP_N));
}

/** Parses an unsigned hex string; undefined when it is not one. */
export function parseHexOrUndefined(hex: unknown): bigint | undefined {
  if (typeof hex !== 'string' || !/^[0-9a-fA-F]{1,2048}$/.test(hex)) return undefined;
  return BigInt(`0x${hex}`);
}

function parseHex(hex: string): bigint {
  const value = parseHexOrUndefined(hex);
  if (value === undefined) throw new Error('not a hex number');
  return value;
}

/** B = (k·v + g^b) mod N, for a server secret b. */
export function serverPublicB(verifierHex: string, b: bigint): bigint {
  return (SRP_K * parseHex(verifierHex) + modPow(SRP_G, b, SRP_N)) % SRP_N;
}

/** A fresh server secret b (320 bits, RFC 3526's exponent size for this group) with B != 0 mod N. */
export function serverEphemeral(verifierHex: string): { b: bigint; B: bigint } {
  for (;;) {
    const b = BigInt(`0x${randomBytes(40).toString('hex')}`);
    const B = serverPublicB(verifierHex, b);
    if (B !== 0n) return { b, B };
  }
}

/** u = H(pad(A) | pad(B)). */
export function scramblingU(A: bigint, B: bigint): bigint {
  return hashHexToBigInt(padHex(A) + padHex(B));
}

/**
 * The 16-byte key both sides derive: S = (A · v^u)^b mod N on the server, then
 * HKDF-SHA256(ikm = pad(S), salt = pad(u), info = "Caldera Derived Key").
 * Undefined when u is zero (the proof would not bind the password).
 */
export function serverSessionKey(A: bigint, B: bigint, b: bigint, verifierHex: string): Buffer | undefined {
  const u = scramblingU(A, B);
  if (u === 0n) return undefined;
  const S = modPow((A % SRP_N) * modPow(parseHex(verifierHex), u, SRP_N), b, SRP_N);
  return derivedKey(S, u);
}

export function derivedKey(S: bigint, u: bigint): Buffer {
  const ikm = Buffer.from(padHex(S), 'hex');
  const salt = Buffer.from(padHex(u), 'hex');
  return Buffer.from(hkdfSync('sha256', ikm, salt, INFO_TEXT, 16));
}

/** PASSWORD_CLAIM_SIGNATURE = Base64(HMAC-SHA256(key, poolName | userId | SECRET_BLOCK bytes | TIMESTAMP)). */
export function passwordClaimSignature(
  key: Buffer,
  poolName: string,
  userIdForSrp: string,
  secretBlock: Buffer,
  timestamp: string,
): Buffer {
  return createHmac('sha256', key)
    .update(Buffer.from(poolName, 'utf8'))
    .update(Buffer.from(userIdForSrp, 'utf8'))
    .update(secretBlock)
    .update(Buffer.from(timestamp, 'utf8'))
    .digest();
}
