import { aPool, aUser, inPlaceTransactions, outcome, tx } from '../../test/support/users-doubles';
import { UserAttributeEdits } from './user-attribute-edits';
import { UserLookup } from './user-lookup';
import { UsersRepository } from './users.repository';
import { VerificationCodes } from './verification-codes';

describe('UserAttributeEdits', () => {
  function edits(saved: 'updated' | 'alias-exists' = 'updated', user = aUser()) {
    const users = { updateAttributes: jest.fn().mockResolvedValue(saved) };
    const lookup = { lockUser: jest.fn().mockResolvedValue(user) };
    const sender = { send: jest.fn().mockResolvedValue(undefined) };
    const codes = {
      issue: jest.fn().mockResolvedValue('123456'),
      discard: jest.fn().mockResolvedValue(undefined),
    };
    const edits = new UserAttributeEdits(
      inPlaceTransactions(),
      users as unknown as UsersRepository,
      lookup as unknown as UserLookup,
      sender,
      codes as unknown as VerificationCodes,
    );
    return { edits, users, lookup, sender, codes, user };
  }

  it('stores a changed email unverified on the held user, drops the old code and sends a new one', async () => {
    const d = edits();
    const pool = aPool({ autoVerifiedAttributes: ['email'] });
    const sent = await d.edits.change(pool, d.user.sub, { email: 'new@example.com' });
    expect(d.lookup.lockUser).toHaveBeenCalledWith(d.user.sub, tx);
    expect(d.users.updateAttributes).toHaveBeenCalledWith(
      d.user.sub,
      {
        attributes: { email: 'new@example.com', email_verified: 'false' },
        aliasKey: null,
        pendingAttributes: null,
        updatedAt: expect.any(Date),
      },
      tx,
    );
    expect(d.codes.discard).toHaveBeenCalledWith(d.user.sub, 'verify-email', tx);
    expect(d.codes.discard).not.toHaveBeenCalledWith(d.user.sub, 'verify-phone_number', tx);
    expect(d.codes.issue).toHaveBeenCalledWith(d.user.sub, 'verify-email', tx);
    expect(d.sender.send).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
  });

  it("answers AliasExistsException when the new email is another user's alias, and sends nothing", async () => {
    const user = aUser({ username: 'sub-as-name', aliasKey: 'ann@example.com' });
    const d = edits('alias-exists', user);
    const pool = aPool({ usernameAttributes: ['email'], autoVerifiedAttributes: ['email'] });
    expect(await outcome(d.edits.change(pool, user.sub, { email: 'taken@example.com' }))).toBe(
      'AliasExistsException',
    );
    expect(d.users.updateAttributes.mock.calls[0][1]).toMatchObject({ aliasKey: 'taken@example.com' });
    expect(d.codes.issue).not.toHaveBeenCalled();
    expect(d.sender.send).not.toHaveBeenCalled();
  });

  it('holds a new verified-before-update email, sending its code there and keeping the old one (ADR 0044)', async () => {
    const user = aUser({ attributes: { email: 'ann@example.com', email_verified: 'true' } });
    const d = edits('updated', user);
    const pool = aPool({
      autoVerifiedAttributes: ['email'],
      userAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    });
    const sent = await d.edits.change(pool, user.sub, { email: 'new@example.com' });
    expect(d.users.updateAttributes.mock.calls[0][1]).toMatchObject({
      attributes: { email: 'ann@example.com', email_verified: 'true' },
      pendingAttributes: { email: 'new@example.com' },
    });
    expect(d.codes.discard).toHaveBeenCalledWith(user.sub, 'verify-email', tx);
    expect(d.sender.send.mock.calls[0][0]).toMatchObject({ to: 'new@example.com' });
    expect(sent).toEqual([{ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' }]);
  });

  it('refuses to delete an attribute the schema does not have, before holding the user', async () => {
    const d = edits();
    expect(await outcome(d.edits.remove(aPool(), d.user.sub, ['custom:nope']))).toBe(
      'InvalidParameterException',
    );
    expect(d.lookup.lockUser).not.toHaveBeenCalled();
  });

  it('deletes attributes on the held user in one unit of work', async () => {
    const user = aUser({ attributes: { email: 'ann@example.com', email_verified: 'true', name: 'Ann' } });
    const d = edits('updated', user);
    await d.edits.remove(aPool(), user.sub, ['email']);
    expect(d.users.updateAttributes).toHaveBeenCalledWith(
      user.sub,
      { attributes: { name: 'Ann' }, aliasKey: null, pendingAttributes: null, updatedAt: expect.any(Date) },
      tx,
    );
  });
});
