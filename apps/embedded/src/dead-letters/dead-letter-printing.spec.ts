import { StoredDeadLetter } from '@idfed/messaging';
import { listLine, printable, printablePayload, showLetter } from './dead-letter-printing';

const ESC = '\u001b';

function letter(overrides: Partial<StoredDeadLetter> = {}): StoredDeadLetter {
  return {
    id: '7',
    consumer: 'federation-broker',
    sourceTopic: 'user-directory.user.deleted.v1',
    key: 'sub-1',
    eventId: '0b8f7a4e-0000-4000-8000-000000000001',
    reason: 'Error: boom',
    attempts: 5,
    deadLetteredAt: '2026-12-06T07:00:00.000Z',
    status: 'waiting',
    headers: { 'idfed-event-id': '0b8f7a4e-0000-4000-8000-000000000001' },
    value: '{"userPoolId":"eu-west-1_abc","sub":"sub-1"}',
    ...overrides,
  };
}

describe('dead letters as the operator tool prints them', () => {
  it('escapes what could drive a terminal or hide text, and doubles backslashes', () => {
    expect(printable(`a${ESC}[2Jb\r\n\t`)).toBe('a\\u001b[2Jb\\r\\n\\t');
    expect(printable('left\u202eright')).toBe('left\\u202eright');
    expect(printable('\u0085\u2028')).toBe('\\u0085\\u2028');
    expect(printable('C:\\path')).toBe('C:\\\\path');
    expect(printable('héllo 世界')).toBe('héllo 世界');
  });

  it('replaces the values of fields the logs redact, at any depth, in JSON payloads', () => {
    const out = printablePayload(
      JSON.stringify({ sub: 's', password: 'hunter2', nested: [{ RefreshToken: 'r', ok: 1 }] }),
    );
    expect(out).not.toContain('hunter2');
    expect(out).not.toContain('"r"');
    expect(JSON.parse(out)).toEqual({
      sub: 's',
      password: '[redacted]',
      nested: [{ RefreshToken: '[redacted]', ok: 1 }],
    });
  });

  it('prints a payload that is not JSON as one escaped string, and says so', () => {
    expect(printablePayload(`{"broken ${ESC}[31m`)).toBe('(not JSON) "{"broken \\u001b[31m"');
    expect(printablePayload(null)).toBe('(none)');
  });

  it('escapes the controls JSON.stringify leaves raw in a JSON payload', () => {
    expect(printablePayload(JSON.stringify({ name: 'a\u202eb' }))).toContain('a\\u202eb');
  });

  it('shows headers escaped and redacted, and names the letter as list does', () => {
    const shown = showLetter(
      'federation-broker',
      letter({ headers: { 'x-trace': `t${ESC}]0;title\u0007`, Authorization: 'Bearer secret' } }),
    );
    expect(shown).toContain('dead letter      federation-broker/7');
    expect(shown).toContain('x-trace: t\\u001b]0;title\\u0007');
    expect(shown).toContain('Authorization: [redacted]');
    expect(shown).not.toContain('secret');
    expect(shown).not.toContain(ESC);
    expect(listLine('federation-broker', letter({ key: `k${ESC}` }))).toMatch(
      /^federation-broker\/7 {2}waiting {2}2026-12-06T07:00:00.000Z {2}user-directory.user.deleted.v1 {2}key=k\\u001b {2}Error: boom$/,
    );
  });
});
