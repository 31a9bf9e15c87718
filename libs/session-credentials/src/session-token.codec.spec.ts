import { createCipheriv, randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { newSecretAccessKey, newTemporaryAccessKeyId, TEMPORARY_ACCESS_KEY_ID } from './access-keys';
import { assumedRoleArn, assumedRoleId, parseRoleArn, SessionClaims } from './session-claims';
import { SessionTokenCodec, SessionTokenError } from './session-token.codec';
import { DEFAULT_KEY_PERIOD_SECONDS, SessionTokenKeys } from './session-token.keys';

const master = randomBytes(32);
const WEEK_MS = DEFAULT_KEY_PERIOD_SECONDS * 1000;
const T0 = Date.parse('2030-01-01T12:00:00Z');

function claims(over: Partial<SessionClaims> = {}): SessionClaims {
  return {
    accessKeyId: newTemporaryAccessKeyId(),
    secretAccessKey: newSecretAccessKey(),
    roleArn: 'arn:aws:iam::000000000000:role/app/web',
    roleId: 'AROAABCDEFGHIJKLMNOPQ',
    sessionName: 'alice',
    subject: 'user-1',
    provider: 'arn:aws:iam::000000000000:oidc-provider/idp.example.com',
    issuedAt: T0,
    expiresAt: T0 + 3600_000,
    sessionPolicies: [
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}',
    ],
    webIdentity: {
      keyPrefix: 'idp.example.com',
      claims: { aud: 'client-1', sub: 'user-1', amr: ['a', 'b'] },
    },
    sourceIdentity: 'alice@example.com',
    ...over,
  };
}

function failure(fn: () => unknown): SessionTokenError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SessionTokenError) return err;
    throw err;
  }
  throw new Error('expected a SessionTokenError');
}

describe('temporary access keys', () => {
  it('look like AWS temporary credentials', () => {
    const ids = new Set(Array.from({ length: 200 }, newTemporaryAccessKeyId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(TEMPORARY_ACCESS_KEY_ID);
    expect(newSecretAccessKey()).toHaveLength(40);
  });

  it('derive the assumed-role ARN and id without the role path', () => {
    expect(assumedRoleArn('arn:aws:iam::123456789012:role/app/x/web', 's1')).toBe(
      'arn:aws:sts::123456789012:assumed-role/web/s1',
    );
    expect(assumedRoleId('AROAX', 's1')).toBe('AROAX:s1');
    expect(parseRoleArn('arn:aws:iam::123456789012:role/web')).toEqual({
      partition: 'aws',
      accountId: '123456789012',
      roleName: 'web',
    });
    expect(parseRoleArn('arn:aws:iam::123456789012:user/web')).toBeUndefined();
  });
});

describe('SessionTokenCodec', () => {
  let now = T0;
  const codec = SessionTokenCodec.fromMasterKey(master, undefined, () => now);
  beforeEach(() => {
    now = T0;
  });

  it('round-trips every claim', () => {
    const c = claims();
    const token = codec.seal(c);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(codec.open(token)).toEqual(c);
    expect(codec.verify(token, c.accessKeyId)).toEqual(c);
    const minimal = claims({ sessionPolicies: undefined, webIdentity: undefined, sourceIdentity: undefined });
    expect(codec.open(codec.seal(minimal))).toEqual(minimal);
    expect(codec.open(codec.seal(claims({ chained: true }))).chained).toBe(true);
  });

  it('round-trips the long-term key a GetSessionToken / GetFederationToken session belongs to', () => {
    const user = claims({
      roleArn: 'arn:aws:iam::000000000000:user/bob',
      roleId: 'AIDAABCDEFGHIJKLMNOPQ',
      sessionName: 'bob',
      webIdentity: undefined,
      longTermKey: { kind: 'session-token', parentAccessKeyId: 'AKIAABCDEFGHIJKLMNOP' },
    });
    expect(codec.open(codec.seal(user))).toEqual(user);
    const federated = claims({
      longTermKey: { kind: 'federation', parentAccessKeyId: 'AKIAABCDEFGHIJKLMNOP', federatedName: 'carol' },
    });
    expect(codec.open(codec.seal(federated))).toEqual(federated);
    expect(codec.open(codec.seal(claims())).longTermKey).toBeUndefined();
  });

  it('keeps the secret out of sight: the token does not contain it in any readable form', () => {
    const c = claims();
    const token = codec.seal(c);
    const raw = Buffer.from(token, 'base64url').toString('latin1');
    expect(raw).not.toContain(c.secretAccessKey);
    expect(raw).not.toContain('alice');
    expect(token.length).toBeLessThan(1200);
  });

  it('refuses a token with any byte changed', () => {
    const token = codec.seal(claims());
    const raw = Buffer.from(token, 'base64url');
    for (const at of [0, 1, 4, 5, 16, 17, raw.length - 20, raw.length - 1]) {
      const tampered = Buffer.from(raw);
      tampered[at] ^= 0x01;
      const err = failure(() => codec.open(tampered.toString('base64url')));
      expect(['invalid', 'malformed', 'unknown-key']).toContain(err.reason);
    }
  });

  it('refuses garbage without echoing it', () => {
    for (const bad of [
      '',
      'not a token!',
      'AAAA',
      'x'.repeat(20_000),
      Buffer.alloc(40).toString('base64url'),
    ]) {
      const err = failure(() => codec.open(bad));
      expect(err.message).toBe('The security token included in the request is invalid.');
    }
  });

  it('refuses a token sealed under another master key', () => {
    const other = SessionTokenCodec.fromMasterKey(randomBytes(32), undefined, () => now);
    expect(failure(() => codec.open(other.seal(claims()))).reason).toBe('invalid');
  });

  it('refuses a token presented with another access key id', () => {
    const token = codec.seal(claims());
    expect(failure(() => codec.verify(token, newTemporaryAccessKeyId())).reason).toBe('key-mismatch');
  });

  it('refuses an expired token with the AWS wording, but still opens it', () => {
    const c = claims();
    const token = codec.seal(c);
    now = c.expiresAt;
    const err = failure(() => codec.verify(token, c.accessKeyId));
    expect(err.reason).toBe('expired');
    expect(err.message).toBe('The security token included in the request is expired');
    expect(codec.open(token).subject).toBe('user-1');
  });

  it('rotates keys by period: accepts the current and the previous period, not older ones', () => {
    const c = claims({ expiresAt: T0 + 100 * WEEK_MS });
    const token = codec.seal(c);
    now = T0 + WEEK_MS;
    expect(codec.verify(token, c.accessKeyId).subject).toBe('user-1');
    now = T0 + 2 * WEEK_MS + 1;
    expect(failure(() => codec.open(token)).reason).toBe('unknown-key');
  });

  it('seals with a different key each period', () => {
    const c = claims({ expiresAt: T0 + 100 * WEEK_MS });
    const a = Buffer.from(codec.seal(c), 'base64url');
    now = T0 + WEEK_MS;
    const b = Buffer.from(codec.seal(c), 'base64url');
    expect(a.readUInt32BE(1) + 1).toBe(b.readUInt32BE(1));
  });

  it('accepts a token from the next period only within the clock-skew window of the boundary', () => {
    const periodStart = (Math.floor(T0 / WEEK_MS) + 1) * WEEK_MS;
    const c = claims({ expiresAt: periodStart + WEEK_MS });
    now = periodStart + 1000; // the issuer is already in the next period
    const token = codec.seal(c);
    now = periodStart - 60_000; // a verifier one minute behind
    expect(codec.open(token).subject).toBe('user-1');
    now = periodStart - 3600_000; // an hour behind: not plausible clock skew
    expect(failure(() => codec.open(token)).reason).toBe('unknown-key');
  });

  it('refuses a master key that is not 32 bytes and a period shorter than a session', () => {
    expect(() => SessionTokenCodec.fromMasterKey(randomBytes(16))).toThrow(/32 bytes/);
    expect(() => SessionTokenCodec.fromMasterKey(master, 3600)).toThrow(/at least 13 hours/);
  });

  describe('session tags (ADR 0041)', () => {
    /** Seals an arbitrary wire object the way the codec does: what a token of another build holds. */
    function sealWire(wire: object): string {
      const keys = new SessionTokenKeys(master);
      const header = Buffer.alloc(5);
      header[0] = 1;
      header.writeUInt32BE(keys.periodAt(now), 1);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keys.keyFor(header.readUInt32BE(1)), iv);
      cipher.setAAD(header);
      const body = Buffer.concat([
        cipher.update(deflateRawSync(Buffer.from(JSON.stringify(wire)))),
        cipher.final(),
      ]);
      return Buffer.concat([header, iv, body, cipher.getAuthTag()]).toString('base64url');
    }
    const oldWire = (c: SessionClaims) => ({
      k: c.accessKeyId,
      s: c.secretAccessKey,
      r: c.roleArn,
      i: c.roleId,
      n: c.sessionName,
      u: c.subject,
      p: c.provider,
      t: c.issuedAt,
      e: c.expiresAt,
    });

    it('round-trips session tags and transitive keys, keeping the case of keys and values', () => {
      const c = claims({
        sessionTags: [
          { Key: 'Project', Value: 'Apollo' },
          { Key: 'cost-center', Value: '' },
        ],
        transitiveTagKeys: ['Project'],
      });
      const opened = codec.verify(codec.seal(c), c.accessKeyId);
      expect(opened.sessionTags).toEqual(c.sessionTags);
      expect(opened.transitiveTagKeys).toEqual(['Project']);
      expect(codec.open(codec.seal(claims())).sessionTags).toBeUndefined();
    });

    it('still opens a token sealed before session tags existed (the version 1 wire without tg/tt)', () => {
      const c = claims({ sessionPolicies: undefined, webIdentity: undefined, sourceIdentity: undefined });
      const opened = codec.verify(sealWire(oldWire(c)), c.accessKeyId);
      expect(opened).toEqual(c);
      expect(opened.sessionTags).toBeUndefined();
      expect(opened.transitiveTagKeys).toBeUndefined();
    });

    it('refuses an authentic token whose tag fields are not the expected shape', () => {
      const c = claims();
      for (const bad of [{ tg: 'Project=Apollo' }, { tg: [['Project']] }, { tg: [['a', 1]] }, { tt: [1] }]) {
        expect(failure(() => codec.open(sealWire({ ...oldWire(c), ...bad }))).reason).toBe('malformed');
      }
    });

    it('refuses a token whose sealed tags were altered in transit (any byte of the body)', () => {
      const c = claims({ sessionTags: [{ Key: 'Project', Value: 'Apollo' }] });
      const raw = Buffer.from(codec.seal(c), 'base64url');
      for (let at = 17; at < raw.length - 16; at += 7) {
        const tampered = Buffer.from(raw);
        tampered[at] ^= 0x20;
        expect(failure(() => codec.open(tampered.toString('base64url'))).reason).toBe('invalid');
      }
    });
  });
});
