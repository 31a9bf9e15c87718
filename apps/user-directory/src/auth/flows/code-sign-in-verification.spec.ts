import { aUser, inPlaceTransactions, tx } from '../../../test/support/users-doubles';
import { UserEntity } from '../../database/entities';
import { UserLookup } from '../../users/user-lookup';
import { UsersRepository } from '../../users/users.repository';
import { CodeSignInVerification } from './code-sign-in-verification';

describe('a code sign-in verifies where the code went (ADR 0062)', () => {
  function setUp(stored: UserEntity, written: 'updated' | 'alias-exists' = 'updated') {
    const users = { updateClaiming: jest.fn().mockResolvedValue(written) };
    const lookup = { lockUser: jest.fn().mockResolvedValue(stored) };
    const verification = new CodeSignInVerification(
      inPlaceTransactions(),
      users as unknown as UsersRepository,
      lookup as unknown as UserLookup,
    );
    return { users, lookup, verification };
  }

  it('marks an unverified email verified, in a locked write that claims its alias', async () => {
    const ann = aUser({ attributes: { email: 'ann@example.com', email_verified: 'false' } });
    const { users, verification } = setUp(ann);
    const after = await verification.verified(ann, 'email');
    expect(after.attributes).toEqual({ email: 'ann@example.com', email_verified: 'true' });
    expect(users.updateClaiming).toHaveBeenCalledWith(
      ann.sub,
      { attributes: { email: 'ann@example.com', email_verified: 'true' }, updatedAt: expect.any(Date) },
      tx,
    );
  });

  it('marks a phone number, and writes nothing for a value already verified', async () => {
    const bob = aUser({ attributes: { phone_number: '+15555550100' } });
    const { verification } = setUp(bob);
    expect((await verification.verified(bob, 'phone_number')).attributes.phone_number_verified).toBe('true');
    const verified = aUser({ attributes: { email: 'c@example.com', email_verified: 'true' } });
    const quiet = setUp(verified);
    expect(await quiet.verification.verified(verified, 'email')).toBe(verified);
    expect(quiet.lookup.lockUser).not.toHaveBeenCalled();
  });

  it('leaves the flag when the value changed since the code went out, or another user holds it', async () => {
    const sent = aUser({ attributes: { email: 'old@example.com' } });
    const changed = setUp(aUser({ sub: sent.sub, attributes: { email: 'new@example.com' } }));
    expect((await changed.verification.verified(sent, 'email')).attributes.email_verified).toBeUndefined();
    expect(changed.users.updateClaiming).not.toHaveBeenCalled();
    const taken = setUp(sent, 'alias-exists');
    expect((await taken.verification.verified(sent, 'email')).attributes.email_verified).toBeUndefined();
  });
});
