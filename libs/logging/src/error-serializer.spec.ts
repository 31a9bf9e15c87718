import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { PinoNestLogger, rootLoggerOptions } from './logger';
import { serializeError } from './error-serializer';

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';
const VERIFIER = 'ab'.repeat(96);

/** A failed INSERT as TypeORM reports it: the driver's error plus the statement and its parameters. */
function failedInsert(): QueryFailedError {
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_key"'), {
    code: '23505',
    severity: 'ERROR',
    constraint: 'users_key',
    table: 'users',
    schema: 'user_directory',
    detail: 'Key (pool_id, username_key)=(p, alice) already exists.',
  });
  return new QueryFailedError(
    'INSERT INTO "user_directory"."users"("password_hash", "srp_verifier") VALUES ($1, $2)',
    [HASH, VERIFIER],
    driverError,
  );
}

function capture(write: (logger: pino.Logger) => void): string {
  let out = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      out += chunk.toString();
      done();
    },
  });
  write(pino(rootLoggerOptions('debug'), stream));
  return out;
}

describe('serializeError', () => {
  it('keeps type, message, stack and the SQLSTATE, and drops the statement and its parameters', () => {
    const out = serializeError(failedInsert()) as Record<string, unknown>;
    expect(out).toMatchObject({ type: 'QueryFailedError', code: '23505', constraint: 'users_key' });
    expect(out.message).toContain('duplicate key value');
    expect(String(out.stack)).toContain('error-serializer.spec');
    const text = JSON.stringify(out);
    for (const leaked of [HASH, VERIFIER, 'INSERT INTO', 'alice']) expect(text).not.toContain(leaked);
  });

  it('follows a cause chain a few levels, and passes values that are not errors through', () => {
    const err = new Error('outer', { cause: new Error('inner', { cause: failedInsert() }) });
    const out = serializeError(err) as { cause: { message: string; cause: { code: string } } };
    expect(out.cause.message).toBe('inner');
    expect(out.cause.cause.code).toBe('23505');
    expect(JSON.stringify(out)).not.toContain(HASH);
    expect(serializeError('just text')).toBe('just text');
  });
});

describe('the Nest logger over pino', () => {
  it('logs an error Nest hands it (as its exception handlers do) with message and stack, no parameters', () => {
    const out = capture((log) => new PinoNestLogger(log).error(failedInsert(), 'RpcExceptionsHandler'));
    const line = JSON.parse(out) as { msg: string; context: string; err: Record<string, unknown> };
    expect(line.msg).toContain('duplicate key value');
    expect(line.context).toBe('RpcExceptionsHandler');
    expect(line.err).toMatchObject({ type: 'QueryFailedError', code: '23505' });
    expect(String(line.err.stack)).toContain('error-serializer.spec');
    for (const leaked of [HASH, VERIFIER, 'INSERT INTO']) expect(out).not.toContain(leaked);
  });

  it('keeps an error passed after a message', () => {
    const out = capture((log) => new PinoNestLogger(log).error('could not relay', failedInsert(), 'Outbox'));
    expect(JSON.parse(out)).toMatchObject({ msg: 'could not relay', err: { code: '23505' } });
    expect(out).not.toContain(HASH);
  });

  it("keeps the code of an `err` logged through pino's own API, where redaction once hid it", () => {
    const out = capture((log) => log.error({ err: failedInsert(), requestId: 'r-1' }, 'unexpected error'));
    expect(JSON.parse(out)).toMatchObject({ err: { code: '23505', type: 'QueryFailedError' } });
    expect(out).not.toContain(HASH);
    expect(out).not.toContain(VERIFIER);
  });

  it('redacts secret fields that reach it as a structured object, even as `parameters`', () => {
    const out = capture((log) =>
      new PinoNestLogger(log).warn({ msg: 'odd', parameters: [HASH], body: { srpVerifier: VERIFIER } }),
    );
    expect(out).not.toContain(HASH);
    expect(out).not.toContain(VERIFIER);
  });
});
