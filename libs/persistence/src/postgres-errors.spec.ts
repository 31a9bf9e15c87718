import { QueryFailedError } from 'typeorm';
import {
  isForeignKeyViolation,
  isPostgresError,
  isUniqueViolation,
  PostgresErrorCode,
  postgresErrorOf,
} from './postgres-errors';

function pgError(code: string, constraint?: string): Error {
  return Object.assign(new Error('pg error'), { code, ...(constraint ? { constraint } : {}) });
}

describe('PostgreSQL error codes', () => {
  it('reads the SQLSTATE and constraint through TypeORM, a cause, or the driver error itself', () => {
    const driver = pgError('23505', 'roles_name_key');
    expect(postgresErrorOf(new QueryFailedError('INSERT', [], driver))).toEqual({
      code: '23505',
      constraint: 'roles_name_key',
    });
    expect(postgresErrorOf(new Error('outer', { cause: driver }))?.code).toBe('23505');
    expect(postgresErrorOf(driver)?.code).toBe('23505');
  });

  it('is nothing for errors that are not the database refusing a statement', () => {
    expect(postgresErrorOf(pgError('ECONNREFUSED'))).toBeUndefined();
    expect(postgresErrorOf(new TypeError('x is undefined'))).toBeUndefined();
    expect(postgresErrorOf('23505')).toBeUndefined();
    expect(postgresErrorOf(undefined)).toBeUndefined();
  });

  it('tells a unique violation from a foreign key violation, and one constraint from another', () => {
    const unique = new QueryFailedError('INSERT', [], pgError('23505', 'identity_logins_pkey'));
    const foreign = new QueryFailedError('INSERT', [], pgError('23503', 'group_members_user_sub_fkey'));
    expect([isUniqueViolation(unique), isForeignKeyViolation(unique)]).toEqual([true, false]);
    expect([isUniqueViolation(foreign), isForeignKeyViolation(foreign)]).toEqual([false, true]);
    expect(isUniqueViolation(unique, 'identity_logins')).toBe(true);
    expect(isUniqueViolation(unique, 'roles_name_key')).toBe(false);
    expect(isForeignKeyViolation(foreign, 'user_sub')).toBe(true);
    expect(isPostgresError(pgError('40P01'), PostgresErrorCode.deadlockDetected)).toBe(true);
    expect(isPostgresError(pgError('40001'), PostgresErrorCode.deadlockDetected)).toBe(false);
  });
});
