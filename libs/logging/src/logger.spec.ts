import { Writable } from 'node:stream';
import pino from 'pino';
import { rootLoggerOptions } from './logger';

function capture(write: (logger: pino.Logger) => void): string {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  write(pino(rootLoggerOptions('info'), stream));
  return out;
}

describe('log redaction', () => {
  it('hides passwords, tokens and secrets at the top level and nested', () => {
    const out = capture((log) =>
      log.info(
        {
          Password: 'hunter2-secret',
          body: {
            AuthParameters: { PASSWORD: 'pw-nested', SECRET_HASH: 'hash-nested' },
            RefreshToken: 'rt-value',
          },
          headers: { authorization: 'AWS4-HMAC-SHA256 sig-value' },
        },
        'request',
      ),
    );
    for (const secret of ['hunter2-secret', 'pw-nested', 'hash-nested', 'rt-value', 'sig-value']) {
      expect(out).not.toContain(secret);
    }
  });

  it('hides SRP blocks, sessions, temporary passwords and login tokens', () => {
    const out = capture((log) =>
      log.info({
        body: {
          ChallengeResponses: { PASSWORD_CLAIM_SECRET_BLOCK: 'blk-1', PASSWORD_CLAIM_SIGNATURE: 'sig-2' },
          Session: 'sess-3',
          TemporaryPassword: 'tmp-4',
          Logins: { 'accounts.google.com': 'jwt-5' },
        },
      }),
    );
    for (const secret of ['blk-1', 'sig-2', 'sess-3', 'tmp-4', 'jwt-5']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
