import { InvalidMessageError, parseMessage } from '../parse-message';
import { CredentialVendingOperations as O } from './commands';
import { CredentialsIssuedEvent, CredentialVendingTopics, RoleSessionsRevokedEvent } from './events';

const issued = {
  operation: 'AssumeRoleWithWebIdentity',
  roleArn: 'arn:aws:iam::000000000000:role/app/web',
  roleSessionName: 'alice',
  assumedRoleArn: 'arn:aws:sts::000000000000:assumed-role/web/alice',
  accessKeyId: 'ASIAABCDEFGHIJKLMNOP',
  subject: 'user-1',
  provider: 'arn:aws:iam::000000000000:oidc-provider/idp.example.com',
  audience: 'client-1',
  issuedAt: '2030-01-01T00:00:00Z',
  expiration: '2030-01-01T01:00:00Z',
};

describe('credential-vending contracts', () => {
  it('names topics <service>.<entity>.<event>.v<N>', () => {
    for (const topic of Object.values(CredentialVendingTopics)) {
      expect(topic).toMatch(/^credential-vending\.[a-z-]+\.[a-z-]+\.v\d+$/);
    }
  });

  it('accepts a well-formed issued event and refuses one with a bad key id', () => {
    expect(parseMessage(CredentialsIssuedEvent, issued).accessKeyId).toBe('ASIAABCDEFGHIJKLMNOP');
    expect(() =>
      parseMessage(CredentialsIssuedEvent, { ...issued, accessKeyId: 'AKIAABCDEFGHIJKLMNOP' }),
    ).toThrow(InvalidMessageError);
    expect(() => parseMessage(CredentialsIssuedEvent, { ...issued, operation: 'GetSessionToken' })).toThrow(
      InvalidMessageError,
    );
  });

  it('validates the revoked event', () => {
    const ok = {
      roleArn: 'arn:aws:iam::000000000000:role/web',
      revokedBefore: '2030-01-01T00:00:00Z',
      occurredAt: '2030-01-01T00:00:00Z',
    };
    expect(parseMessage(RoleSessionsRevokedEvent, ok).roleArn).toBe(ok.roleArn);
    expect(() => parseMessage(RoleSessionsRevokedEvent, { ...ok, roleArn: 'web' })).toThrow(
      InvalidMessageError,
    );
  });

  it('makes every IAM action admin-only and lets AssumeRoleWithWebIdentity through unsigned', () => {
    const iam = Object.values(O).filter((op) => op.surface.protocol === 'query' && op.surface.api === 'iam');
    expect(iam.length).toBeGreaterThan(20);
    expect(iam.every((op) => op.access === 'admin')).toBe(true);
    expect(O.AssumeRoleWithWebIdentity.access).toBe('public');
    expect(O.AssumeRole.access).toBe('signed');
    expect(O.DeleteRole.surface).toMatchObject({ hasResult: false });
    expect(O.CreateRole.pattern).toBe('credential-vending.CreateRole');
    expect(O.GetRolePermissions.access).toBe('internal');
  });
});
