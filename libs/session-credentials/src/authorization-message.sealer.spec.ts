import { randomBytes } from 'node:crypto';
import {
  AuthorizationMessage,
  AuthorizationMessageError,
  AuthorizationMessageSealer,
  MAX_ENCODED_MESSAGE_CHARS,
} from './authorization-message.sealer';

const master = randomBytes(32);
const sealer = new AuthorizationMessageSealer(master);
const message = (conditions = 1): AuthorizationMessage => ({
  allowed: false,
  explicitDeny: true,
  matchedStatements: { items: [{ statementId: 'NoDelete', effect: 'DENY', policy: 'inline/p' }] },
  failures: { items: [] },
  context: {
    principal: { id: 'AROAEXAMPLE:dev', arn: 'arn:aws:sts::000000000000:assumed-role/r/dev' },
    action: 'cognito-sync:DeleteDataset',
    resource: 'arn:aws:cognito-sync:us-east-1:000000000000:identitypool/x',
    conditions: {
      items: Array.from({ length: conditions }, (_, i) => ({
        key: `k${i}`,
        values: { items: [{ value: randomBytes(24).toString('hex') }] },
      })),
    },
  },
});

describe('AuthorizationMessageSealer', () => {
  it('round-trips a message that the client cannot read', () => {
    const m = message();
    const encoded = sealer.encode(m);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(encoded, 'base64url').toString('latin1')).not.toContain('DeleteDataset');
    expect(JSON.parse(sealer.decode(encoded))).toEqual(m);
  });

  it('refuses a changed byte, another master key, garbage and oversize input', () => {
    const encoded = sealer.encode(message());
    const bytes = Buffer.from(encoded, 'base64url');
    for (const at of [0, 5, 20, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[at] ^= 1;
      expect(() => sealer.decode(tampered.toString('base64url'))).toThrow(AuthorizationMessageError);
    }
    expect(() => new AuthorizationMessageSealer(randomBytes(32)).decode(encoded)).toThrow(
      AuthorizationMessageError,
    );
    expect(() => sealer.decode('not an encoded message')).toThrow(AuthorizationMessageError);
    expect(() => sealer.decode('A'.repeat(MAX_ENCODED_MESSAGE_CHARS + 1))).toThrow(AuthorizationMessageError);
  });

  it('leaves the conditions out rather than exceed STS limit', () => {
    const encoded = sealer.encode(message(400));
    expect(encoded.length).toBeLessThanOrEqual(MAX_ENCODED_MESSAGE_CHARS);
    expect(JSON.parse(sealer.decode(encoded)).context.conditions.items).toEqual([]);
  });
});
