import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { generators } from 'openid-client';
import { appleClientSecret, appleFormPost, s256 } from './openid-connect.strategy';

describe('Sign in with Apple client secret', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

  it('is an ES256 JWT naming the team, the client, Apple and the key, signed with the team key', () => {
    const jwt = appleClientSecret(
      {
        teamId: 'TEAM123456',
        keyId: 'KEY1234567',
        clientId: 'com.example.web',
        privateKey: pem,
        audience: 'https://appleid.apple.com',
      },
      1_800_000_000,
    );
    const [header, payload, signature] = jwt.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({
      alg: 'ES256',
      kid: 'KEY1234567',
    });
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
      iss: 'TEAM123456',
      iat: 1_800_000_000,
      exp: 1_800_000_300,
      aud: 'https://appleid.apple.com',
      sub: 'com.example.web',
    });
    const ok = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: createPublicKey(privateKey), dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature, 'base64url'),
    );
    expect(ok).toBe(true);
  });

  it('asks for form_post only when the name or email is asked for', () => {
    expect(appleFormPost(['openid', 'email'])).toBe(true);
    expect(appleFormPost(['name'])).toBe(true);
    expect(appleFormPost(['openid'])).toBe(false);
  });
});

describe('PKCE toward providers', () => {
  it('computes the S256 challenge as openid-client does', () => {
    const verifier = generators.codeVerifier();
    expect(s256(verifier)).toBe(generators.codeChallenge(verifier));
  });
});
