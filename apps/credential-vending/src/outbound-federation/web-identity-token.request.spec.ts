import { createPublicKey, randomBytes, verify } from 'node:crypto';
import { GetWebIdentityTokenRequest } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { identityTokenContext } from '@idfed/session-credentials';
import { OutboundSigningKeys } from './outbound-signing-keys';
import {
  MAX_TOKEN_PAYLOAD_BYTES,
  planWebIdentityToken,
  refuseOversizedPayload,
  STS_CLAIMS_NAMESPACE,
  webIdentityTokenClaims,
} from './web-identity-token.request';

const base: GetWebIdentityTokenRequest = { Audience: ['https://api.example.com'], SigningAlgorithm: 'RS256' };
const refusal = (req: Partial<GetWebIdentityTokenRequest>) => {
  try {
    planWebIdentityToken({ ...base, ...req });
  } catch (err) {
    return (err as ServiceError).errorName;
  }
  return 'accepted';
};

describe('planWebIdentityToken', () => {
  it('takes the defaults AWS documents: 300 seconds, no tags', () => {
    expect(planWebIdentityToken(base)).toEqual({
      algorithm: 'RS256',
      durationSeconds: 300,
      audiences: ['https://api.example.com'],
      tags: [],
    });
  });

  it.each([
    [{ TokenType: 'AWSIdentity' as const, SubjectMode: 'AWSIdentity' as const }, 'ValidationError'],
    [{ TokenType: 'AWSIdentity' as const, Scope: 'read' }, 'ValidationError'],
    [{ TokenType: 'JWT_SVID' as const }, 'ValidationError'],
    [{ SubjectMode: 'OriginIdentity' as const }, 'ValidationError'],
    [{ Scope: 'read' }, 'ValidationError'],
    [{ SigningAlgorithm: 'HS256' }, 'ValidationError'],
    [{ SigningAlgorithm: 'rs256' }, 'ValidationError'],
    [
      {
        Tags: [
          { Key: 'Env', Value: 'a' },
          { Key: 'ENV', Value: 'b' },
        ],
      },
      'InvalidParameterValue',
    ],
    [{ Tags: [{ Key: 'aws:team', Value: 'a' }] }, 'InvalidParameterValue'],
    [{ TokenType: 'AWSIdentity' as const }, 'accepted'],
    [{ SubjectMode: 'AWSIdentity' as const, SigningAlgorithm: 'ES384' }, 'accepted'],
  ])('%j: %s', (req, expected) => {
    expect(refusal(req)).toBe(expected);
  });
});

describe('identityTokenContext', () => {
  it('gives the audiences multivalued, the duration (default 300), the algorithm and the tags', () => {
    expect(
      identityTokenContext({
        Audience: ['a', 'b'],
        SigningAlgorithm: 'ES384',
        Tags: [{ Key: 'job', Value: '1' }],
      }),
    ).toEqual({
      'sts:IdentityTokenAudience': ['a', 'b'],
      'sts:DurationSeconds': 300,
      'sts:SigningAlgorithm': 'ES384',
      'aws:RequestTag/job': '1',
      'aws:TagKeys': ['job'],
    });
  });
});

describe('webIdentityTokenClaims', () => {
  const subject = {
    principalArn: 'arn:aws:iam::000000000000:role/r',
    accountId: '000000000000',
    region: 'eu-west-1',
    principalTags: [{ Key: 'team', Value: 'data' }],
  };

  it("puts AWS's claims under its namespace, aud a string for one audience and a list for several", () => {
    const plan = planWebIdentityToken({ ...base, DurationSeconds: 600, Tags: [{ Key: 'job', Value: '1' }] });
    const claims = webIdentityTokenClaims('https://idfed/sts-tokens/x', subject, plan, 1000, 'j');
    expect(claims).toEqual({
      iss: 'https://idfed/sts-tokens/x',
      sub: subject.principalArn,
      aud: 'https://api.example.com',
      iat: 1000,
      exp: 1600,
      jti: 'j',
      [STS_CLAIMS_NAMESPACE]: {
        aws_account: '000000000000',
        source_region: 'eu-west-1',
        principal_id: subject.principalArn,
        principal_tags: { team: 'data' },
        request_tags: { job: '1' },
      },
    });
    const two = planWebIdentityToken({ ...base, Audience: ['a', 'b'] });
    expect(webIdentityTokenClaims('i', { ...subject, principalTags: [] }, two, 0, 'j')).toMatchObject({
      aud: ['a', 'b'],
      [STS_CLAIMS_NAMESPACE]: expect.not.objectContaining({ principal_tags: expect.anything() }),
    });
  });

  it('refuses a payload over the limit, not one at it', () => {
    const tags = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ Key: `k${i}${'x'.repeat(100)}`, Value: 'v'.repeat(256) }));
    const claimsWith = (n: number) =>
      webIdentityTokenClaims('i', subject, planWebIdentityToken({ ...base, Tags: tags(n) }), 0, 'j');
    expect(() => refuseOversizedPayload(claimsWith(2))).not.toThrow();
    expect(() => refuseOversizedPayload(claimsWith(50))).toThrow(
      expect.objectContaining({ errorName: 'JWTPayloadSizeExceededException' }),
    );
    const fits = (n: number) => Buffer.byteLength(JSON.stringify(claimsWith(n))) <= MAX_TOKEN_PAYLOAD_BYTES;
    const largest = Array.from({ length: 50 }, (_, i) => i)
      .filter(fits)
      .pop()!;
    expect(() => refuseOversizedPayload(claimsWith(largest))).not.toThrow();
    expect(() => refuseOversizedPayload(claimsWith(largest + 1))).toThrow();
  });
});

describe('OutboundSigningKeys', () => {
  const master = randomBytes(32);

  it.each(['RS256', 'ES384'] as const)(
    'signs %s JWTs its public JWK verifies, the private key sealed',
    (alg) => {
      const keys = new OutboundSigningKeys(master);
      const stored = keys.generate(alg, new Date());
      expect(stored.publicJwk).toMatchObject({ alg, kid: stored.kid, use: 'sig' });
      expect(stored.publicJwk.d).toBeUndefined();
      // A fresh instance (another process) opens the sealed key.
      const token = new OutboundSigningKeys(master).signJwt(stored, { sub: 'x' });
      const [h, p, s] = token.split('.');
      expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({
        alg,
        kid: stored.kid,
        typ: 'JWT',
      });
      const publicKey = createPublicKey({ key: stored.publicJwk, format: 'jwk' });
      const data = Buffer.from(`${h}.${p}`);
      const signature = Buffer.from(s, 'base64url');
      const ok =
        alg === 'RS256'
          ? verify('sha256', data, publicKey, signature)
          : verify('sha384', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature);
      expect(ok).toBe(true);
      // Another payload under the same signature does not verify.
      const changed = Buffer.from(`${h}.${Buffer.from('{"sub":"y"}').toString('base64url')}`);
      expect(
        alg === 'RS256'
          ? verify('sha256', changed, publicKey, signature)
          : verify('sha384', changed, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature),
      ).toBe(false);
    },
  );

  it('does not open a key sealed under another master key, or moved to another kid', () => {
    const stored = new OutboundSigningKeys(master).generate('ES384', new Date());
    expect(() => new OutboundSigningKeys(randomBytes(32)).signJwt(stored, {})).toThrow();
    const moved = { ...stored, kid: 'another' };
    expect(() => new OutboundSigningKeys(master).signJwt(moved, {})).toThrow();
  });
});
