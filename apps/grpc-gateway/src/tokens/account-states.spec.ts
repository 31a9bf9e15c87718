import { AccountStates } from './account-states';

const POOL = 'us-east-1_Pool1';
const SUB = '8f1c2a4e-0000-4000-8000-000000000001';
const at = (s: number) => new Date(Date.UTC(2026, 11, 6, 12, 0, s)).toISOString();
const iat = (s: number) => Math.floor(Date.UTC(2026, 11, 6, 12, 0, s) / 1000);

describe('AccountStates', () => {
  it('keeps the later of a disable and an enable whichever order they arrive in', () => {
    const inOrder = new AccountStates();
    inOrder.disabled(POOL, SUB, at(10), at(10));
    inOrder.enabled(POOL, SUB, at(20));
    const replayed = new AccountStates();
    replayed.enabled(POOL, SUB, at(20));
    replayed.disabled(POOL, SUB, at(10), at(10));
    for (const states of [inOrder, replayed]) {
      expect(states.check(POOL, SUB, iat(30), undefined)).toBeUndefined();
      // The disable's revocation of earlier tokens stays, as the user directory keeps it.
      expect(states.check(POOL, SUB, iat(5), undefined)).toBe('Access Token has been revoked');
    }
  });

  it('stays disabled when an older enable arrives after a newer disable', () => {
    const states = new AccountStates();
    states.disabled(POOL, SUB, at(30), at(30));
    states.enabled(POOL, SUB, at(20));
    expect(states.check(POOL, SUB, iat(40), undefined)).toBe('User is disabled.');
  });

  it('takes sign-outs and revoked sessions in any order', () => {
    const states = new AccountStates();
    states.signedOut(POOL, SUB, at(30));
    states.signedOut(POOL, SUB, at(10), ['session-a']);
    states.sessionRevoked(POOL, SUB, 'session-b');
    expect(states.check(POOL, SUB, iat(20), undefined)).toBe('Access Token has been revoked');
    expect(states.check(POOL, SUB, iat(31), 'session-a')).toBe('Access Token has been revoked');
    expect(states.check(POOL, SUB, iat(31), 'session-b')).toBe('Access Token has been revoked');
    expect(states.check(POOL, SUB, iat(31), 'session-c')).toBeUndefined();
  });

  it('refuses every token of a deleted user or pool, whatever came before', () => {
    const states = new AccountStates();
    states.deleted(POOL, SUB);
    states.enabled(POOL, SUB, at(50));
    expect(states.check(POOL, SUB, iat(60), undefined)).toBe('User does not exist.');
    states.poolDeleted(POOL);
    expect(states.check(POOL, 'another', iat(60), undefined)).toBe('User pool does not exist.');
  });
});
