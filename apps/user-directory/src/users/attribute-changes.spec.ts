import { ServiceError } from '@idfed/messaging';
import { PoolConfig, poolConfigFromRequest } from '../pools/pool-config';
import { applyAttributeChanges, deleteAttributes } from './attribute-changes';

function config(over: Parameters<typeof poolConfigFromRequest>[0] = { PoolName: 'p' }): PoolConfig {
  return poolConfigFromRequest(over, 'arn');
}

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return ((err as ServiceError).getError() as { message: string }).message;
  }
  return 'no error';
}

describe('attribute changes', () => {
  const verified = { email: 'old@example.com', email_verified: 'true', name: 'Old' };

  it('un-verifies a changed email and asks for a code when the pool verifies email', () => {
    const c = config({ PoolName: 'p', AutoVerifiedAttributes: ['email'] });
    const result = applyAttributeChanges(
      c,
      { attributes: verified, aliasKey: null },
      { email: 'new@example.com' },
    );
    expect(result).toEqual({
      attributes: { email: 'new@example.com', email_verified: 'false', name: 'Old' },
      aliasKey: null,
      toVerify: ['email'],
      pendingAttributes: null,
    });
  });

  describe('AttributesRequireVerificationBeforeUpdate (ADR 0044)', () => {
    const keeping = config({
      PoolName: 'p',
      AutoVerifiedAttributes: ['email'],
      UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] },
    });

    it('keeps the verified email (and its flag and alias) and holds the new one, to be sent a code', () => {
      const state = { attributes: verified, aliasKey: 'old@example.com' };
      expect(applyAttributeChanges(keeping, state, { email: 'new@example.com', name: 'New' })).toEqual({
        attributes: { ...verified, name: 'New' },
        aliasKey: 'old@example.com',
        toVerify: ['email'],
        pendingAttributes: { email: 'new@example.com' },
      });
    });

    it('changes at once an unverified email, an admin-verified one, and drops a pending value set back', () => {
      const unverified = { email: 'old@example.com', email_verified: 'false' };
      const direct = applyAttributeChanges(
        keeping,
        { attributes: unverified, aliasKey: null },
        { email: 'n@e.com' },
      );
      expect(direct.attributes.email).toBe('n@e.com');
      expect(direct.pendingAttributes).toBeNull();
      const held = { attributes: verified, aliasKey: null, pendingAttributes: { email: 'n@e.com' } };
      const admin = applyAttributeChanges(keeping, held, { email: 'x@e.com', email_verified: 'true' });
      expect(admin.attributes).toMatchObject({ email: 'x@e.com', email_verified: 'true' });
      expect(admin.pendingAttributes).toBeNull();
      expect(applyAttributeChanges(keeping, held, { email: 'old@example.com' }).pendingAttributes).toBeNull();
      expect(deleteAttributes(keeping, held, ['email']).pendingAttributes).toBeNull();
    });
  });

  it('sends no code when the pool does not verify email, and none when the value is unchanged', () => {
    expect(
      applyAttributeChanges(config(), { attributes: verified, aliasKey: null }, { email: 'x@e.com' })
        .toVerify,
    ).toEqual([]);
    const same = applyAttributeChanges(
      config({ PoolName: 'p', AutoVerifiedAttributes: ['email'] }),
      { attributes: verified, aliasKey: null },
      { email: 'old@example.com', name: 'New' },
    );
    expect(same.attributes).toEqual({ ...verified, name: 'New' });
    expect(same.toVerify).toEqual([]);
  });

  it('keeps an email an administrator marks verified in the same call', () => {
    const result = applyAttributeChanges(
      config({ PoolName: 'p', AutoVerifiedAttributes: ['email'] }),
      { attributes: verified, aliasKey: null },
      { email: 'new@example.com', email_verified: 'true' },
    );
    expect(result.attributes.email_verified).toBe('true');
    expect(result.toVerify).toEqual([]);
  });

  it('moves the sign-in alias with its attribute in email-as-username pools', () => {
    const c = config({ PoolName: 'p', UsernameAttributes: ['email'] });
    const result = applyAttributeChanges(
      c,
      { attributes: { email: 'Old@Example.com' }, aliasKey: 'old@example.com' },
      { email: 'New@Example.com' },
    );
    expect(result.aliasKey).toBe('new@example.com');
  });

  // AWS: an immutable attribute "can only be set up on sign-up or administrator creation of
  // users" (AddCustomAttributes' API reference); its refusal reads "user.email: Attribute cannot
  // be updated." (amplify-swift#3981).
  it('refuses to change an immutable attribute, or to add one after creation', () => {
    const c = config({ PoolName: 'p', Schema: [{ Name: 'nickname', Mutable: false }] });
    expect(
      messageOf(() =>
        applyAttributeChanges(c, { attributes: { nickname: 'a' }, aliasKey: null }, { nickname: 'b' }),
      ),
    ).toBe('user.nickname: Attribute cannot be updated.');
    expect(
      messageOf(() => applyAttributeChanges(c, { attributes: {}, aliasKey: null }, { nickname: 'b' })),
    ).toBe('user.nickname: Attribute cannot be updated.');
    // The value it already has is no change.
    expect(
      applyAttributeChanges(c, { attributes: { nickname: 'a' }, aliasKey: null }, { nickname: 'a' })
        .attributes.nickname,
    ).toBe('a');
  });

  it('deletes attributes with their verified flag, never sub, required ones or the alias', () => {
    const c = config({ PoolName: 'p', Schema: [{ Name: 'name', Required: true }] });
    expect(deleteAttributes(c, { attributes: verified, aliasKey: null }, ['email']).attributes).toEqual({
      name: 'Old',
    });
    expect(messageOf(() => deleteAttributes(c, { attributes: verified, aliasKey: null }, ['name']))).toBe(
      'Cannot delete the required attribute name',
    );
    expect(messageOf(() => deleteAttributes(c, { attributes: verified, aliasKey: null }, ['sub']))).toMatch(
      /non-mutable/,
    );
    expect(
      messageOf(() => deleteAttributes(c, { attributes: verified, aliasKey: 'old@example.com' }, ['email'])),
    ).toMatch(/signs in with it/);
  });
});
