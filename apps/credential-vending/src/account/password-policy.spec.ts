import { ServiceError } from '@idfed/messaging';
import { checkPassword, policyOfRequest, StoredPasswordPolicy, toPasswordPolicy } from './password-policy';

function violation(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).errorName).toBe('PasswordPolicyViolation');
    return (err as Error).message;
  }
}

describe('the account password policy (ADR 0084)', () => {
  it("takes IAM's documented defaults for every member left out: no partial update", () => {
    expect(policyOfRequest({})).toEqual({
      minimumPasswordLength: 6,
      requireSymbols: false,
      requireNumbers: false,
      requireUppercaseCharacters: false,
      requireLowercaseCharacters: false,
      allowUsersToChangePassword: false,
      maxPasswordAge: null,
      passwordReusePrevention: null,
      hardExpiry: null,
    });
    expect(toPasswordPolicy(policyOfRequest({}))).toEqual({
      MinimumPasswordLength: 6,
      RequireSymbols: false,
      RequireNumbers: false,
      RequireUppercaseCharacters: false,
      RequireLowercaseCharacters: false,
      AllowUsersToChangePassword: false,
      ExpirePasswords: false,
    });
  });

  it('answers ExpirePasswords when MaxPasswordAge is set, and the optional members as given', () => {
    expect(
      toPasswordPolicy(
        policyOfRequest({ MaxPasswordAge: 30, PasswordReusePrevention: 3, HardExpiry: false }),
      ),
    ).toMatchObject({
      ExpirePasswords: true,
      MaxPasswordAge: 30,
      PasswordReusePrevention: 3,
      HardExpiry: false,
    });
  });

  it("checks AWS's default policy without one: 8 characters, three kinds, not the account's name", () => {
    expect(violation(() => checkPassword(undefined, 'Ab1!Ab1', []))).toBe(
      'Password should have a minimum length of 8',
    );
    expect(violation(() => checkPassword(undefined, 'abcdefgh12', []))).toMatch(/three of/);
    expect(violation(() => checkPassword(undefined, 'My-Alias-1', ['my-alias-1']))).toMatch(/account name/);
    for (const ok of ['abcdEFGH12', 'abcdefg1!', 'ABCDEFG1!', 'Abcdefgh!']) {
      expect(violation(() => checkPassword(undefined, ok, ['123456789012']))).toBeUndefined();
    }
  });

  it('checks each requirement of a policy, naming the first broken', () => {
    const all: StoredPasswordPolicy = {
      ...policyOfRequest({}),
      minimumPasswordLength: 10,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
    };
    expect(violation(() => checkPassword(all, 'Ab1!', []))).toBe(
      'Password should have a minimum length of 10',
    );
    expect(violation(() => checkPassword(all, 'ABCDEFGH1!', []))).toBe(
      'Password should have at least one lowercase letter',
    );
    expect(violation(() => checkPassword(all, 'abcdefgh1!', []))).toBe(
      'Password should have at least one uppercase letter',
    );
    expect(violation(() => checkPassword(all, 'Abcdefghi!', []))).toBe(
      'Password should have at least one number',
    );
    expect(violation(() => checkPassword(all, 'Abcdefghi1', []))).toBe(
      'Password should have at least one symbol',
    );
    // IAM's symbols: ! @ # $ % ^ & * ( ) _ + - = [ ] { } | '
    for (const symbol of "!@#$%^&*()_+-=[]{}|'") {
      expect(violation(() => checkPassword(all, `Abcdefgh1${symbol}`, []))).toBeUndefined();
    }
    expect(violation(() => checkPassword(all, 'Abcdefgh1~', []))).toBe(
      'Password should have at least one symbol',
    );
    // A policy replaces the default: six lowercase letters pass a policy that asks nothing more.
    expect(violation(() => checkPassword(policyOfRequest({}), 'abcdef', []))).toBeUndefined();
  });
});
