import { InvalidMessageError, parseMessage } from '../parse-message';
import { UserDirectoryOperations } from './commands';
import { UserDirectoryTopics, UserDisabledEvent, UserEnabledEvent, UserSignedOutEvent } from './events';

const base = {
  userPoolId: 'us-east-1_AbC123xyz',
  sub: '5b3c2a10-0000-4000-8000-00000000abcd',
  username: 'alice',
  occurredAt: '2030-01-01T00:00:00.000Z',
};

describe('user-directory contracts', () => {
  it('names topics <service>.<entity>.<event>.v<N>', () => {
    for (const topic of Object.values(UserDirectoryTopics)) {
      expect(topic).toMatch(/^user-directory\.[a-z-]+\.[a-z-]+\.v\d+$/);
    }
  });

  it('validates the sign-out and account-state events', () => {
    const signedOut = { ...base, tokensValidAfter: '2030-01-01T00:00:00.000Z' };
    expect(parseMessage(UserSignedOutEvent, signedOut).tokensValidAfter).toBe(signedOut.tokensValidAfter);
    expect(() => parseMessage(UserSignedOutEvent, { ...signedOut, tokensValidAfter: 'yesterday' })).toThrow(
      InvalidMessageError,
    );
    expect(() => parseMessage(UserDisabledEvent, base)).toThrow(InvalidMessageError);
    expect(parseMessage(UserEnabledEvent, base).sub).toBe(base.sub);
    expect(() => parseMessage(UserEnabledEvent, { ...base, sub: 'not-a-uuid' })).toThrow(InvalidMessageError);
  });

  it('lets only admin-signed callers reach Admin*, pool-management, tagging, group, federation, managed login and threat protection configuration', () => {
    for (const [name, op] of Object.entries(UserDirectoryOperations)) {
      if (op.surface.protocol === 'bus') continue;
      const adminOnly =
        name.startsWith('Admin') ||
        /UserPool|ListUsers|Group|TagResource|UntagResource|TagsForResource|IdentityProvider|ResourceServer|UICustomization|CustomAttributes|UserImportJob|CSVHeader|SigningCertificate|ManagedLoginBranding|Terms|RiskConfiguration|LogDeliveryConfiguration/.test(
          name,
        );
      expect([name, op.access]).toEqual([name, adminOnly ? 'admin' : 'public']);
    }
  });
});
