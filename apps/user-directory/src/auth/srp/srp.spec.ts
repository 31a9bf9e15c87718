import { randomBytes } from 'node:crypto';
import { createHash } from 'node:crypto';
import fixture from '../../../test/fixtures/srp/cognito-srp-vectors.json';
import {
  createVerifier,
  derivedKey,
  modPow,
  modPowBigInt,
  padHex,
  passwordClaimSignature,
  privateKeyX,
  scramblingU,
  serverEphemeral,
  serverPublicB,
  serverSessionKey,
  SRP_G,
  SRP_K,
  SRP_N,
  srpPoolName,
} from './srp';

const big = (hex: string) => BigInt(`0x${hex}`);

/** The published vectors: the client side is amazon-cognito-identity-js's own computation. */
describe('Cognito SRP (published vectors)', () => {
  it('uses the RFC 3526 3072-bit group, g = 2, and k = H(pad(N) | pad(g))', () => {
    expect(SRP_N).toBe(big(fixture.N_hex));
    expect(SRP_G).toBe(BigInt(fixture.g));
    for (const v of fixture.vectors) expect(SRP_K).toBe(big(v.k_hex));
  });

  it('pads hex as the clients do', () => {
    expect(padHex(0x7fn)).toBe('7f');
    expect(padHex(0x80n)).toBe('0080');
    expect(padHex(0xabcn)).toBe('0abc');
  });

  describe.each(fixture.vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const poolName = srpPoolName(v.poolId);

    it('takes the pool name after the underscore', () => {
      expect(poolName).toBe(v.poolNameUsedInHashes);
    });

    it('derives x and the verifier from salt, pool name, USER_ID_FOR_SRP and password', () => {
      expect(privateKeyX(poolName, v.USER_ID_FOR_SRP, v.password, v.SALT)).toBe(big(v.x_hex));
      const made = createVerifier(poolName, v.USER_ID_FOR_SRP, v.password, Buffer.from(v.SALT, 'hex'));
      expect(big(made.verifier)).toBe(big(v.verifier_hex));
      expect(big(made.salt)).toBe(big(v.SALT));
    });

    it('computes B, u, S and the HKDF key as the client expects', () => {
      const b = big(v.server_small_b_hex);
      const B = serverPublicB(v.verifier_hex, b);
      expect(B).toBe(big(v.SRP_B));
      const A = big(v.SRP_A);
      expect(A).toBe(modPow(SRP_G, big(v.client_small_a_hex), SRP_N));
      const u = scramblingU(A, B);
      expect(u).toBe(big(v.u_hex));
      expect(derivedKey(big(v.S_hex), u).toString('hex')).toBe(v.hkdf_hex);
      expect(serverSessionKey(A, B, b, v.verifier_hex)?.toString('hex')).toBe(v.hkdf_hex);
    });

    it('reproduces PASSWORD_CLAIM_SIGNATURE', () => {
      const signature = passwordClaimSignature(
        Buffer.from(v.hkdf_hex, 'hex'),
        poolName,
        v.USER_ID_FOR_SRP,
        Buffer.from(v.SECRET_BLOCK, 'base64'),
        v.TIMESTAMP,
      );
      expect(signature.toString('base64')).toBe(v.PASSWORD_CLAIM_SIGNATURE);
    });
  });

  it('agrees with an independent client computation for a fresh verifier and ephemeral', () => {
    // The client's side written out from the protocol: S = (B - k·g^x)^(a + u·x) mod N.
    const { salt, verifier } = createVerifier('Pool1', 'carol', 'S3cret!pass');
    const { b, B } = serverEphemeral(verifier);
    const a = big(createHash('sha256').update('client secret a').digest('hex'));
    const A = modPow(SRP_G, a, SRP_N);
    const x = privateKeyX('Pool1', 'carol', 'S3cret!pass', salt);
    const u = scramblingU(A, B);
    const base = (((B - SRP_K * modPow(SRP_G, x, SRP_N)) % SRP_N) + SRP_N) % SRP_N;
    const clientKey = derivedKey(modPow(base, a + u * x, SRP_N), u);
    expect(serverSessionKey(A, B, b, verifier)?.equals(clientKey)).toBe(true);
    const wrongX = privateKeyX('Pool1', 'carol', 'wrong', salt);
    const wrongBase = (((B - SRP_K * modPow(SRP_G, wrongX, SRP_N)) % SRP_N) + SRP_N) % SRP_N;
    const wrongKey = derivedKey(modPow(wrongBase, a + u * wrongX, SRP_N), u);
    expect(serverSessionKey(A, B, b, verifier)?.equals(wrongKey)).toBe(false);
  });

  it('makes a different salt each time', () => {
    expect(createVerifier('P', 'u', 'p').salt).not.toBe(createVerifier('P', 'u', 'p').salt);
  });
});

describe('modPow', () => {
  it('computes in OpenSSL what square-and-multiply computes, for random bases and exponents', () => {
    for (let i = 0; i < 20; i++) {
      const base = BigInt(`0x${randomBytes(384).toString('hex')}`) % SRP_N;
      const exponent = BigInt(`0x${randomBytes(i % 2 ? 32 : 256).toString('hex')}`);
      expect(modPow(base, exponent, SRP_N)).toBe(modPowBigInt(base, exponent, SRP_N));
    }
  });

  it('handles the bases OpenSSL refuses as public keys', () => {
    for (const base of [0n, 1n, SRP_N - 1n, SRP_N, SRP_N + 5n]) {
      expect(modPow(base, 12345n, SRP_N)).toBe(modPowBigInt(base, 12345n, SRP_N));
    }
  });
});
