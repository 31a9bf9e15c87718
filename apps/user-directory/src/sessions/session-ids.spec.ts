import { randomUUID } from 'node:crypto';
import { parseSessionId, sessionIdOf } from './session-ids';

describe('session ids', () => {
  it('writes a UUID as Cognito SessionId and reads it back', () => {
    for (let i = 0; i < 200; i++) {
      const uuid = randomUUID();
      const token = sessionIdOf('TOKEN', uuid);
      const sso = sessionIdOf('SSO', uuid);
      expect(token).toMatch(/^tkn[a-z0-9]{25}$/);
      expect(sso).toMatch(/^sso[a-z0-9]{25}$/);
      expect(parseSessionId(token)).toEqual({ kind: 'TOKEN', uuid });
      expect(parseSessionId(sso)).toEqual({ kind: 'SSO', uuid });
    }
  });

  it('holds the extremes of 128 bits in 25 digits', () => {
    const zero = '00000000-0000-0000-0000-000000000000';
    const max = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
    expect(sessionIdOf('TOKEN', zero)).toBe(`tkn${'0'.repeat(25)}`);
    expect(sessionIdOf('TOKEN', max)).toHaveLength(28);
    expect(parseSessionId(sessionIdOf('SSO', max))?.uuid).toBe(max);
  });

  it('refuses what no UUID can be written as', () => {
    expect(parseSessionId(`tkn${'z'.repeat(25)}`)).toBeUndefined();
    expect(parseSessionId(`abc${'0'.repeat(25)}`)).toBeUndefined();
    expect(parseSessionId(`tkn${'0'.repeat(24)}`)).toBeUndefined();
    expect(parseSessionId(`TKN${'0'.repeat(25)}`)).toBeUndefined();
    expect(parseSessionId(`tkn${'A'.repeat(25)}`)).toBeUndefined();
  });
});
