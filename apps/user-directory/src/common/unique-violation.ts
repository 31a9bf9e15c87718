import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** A unique index refused the row: a username or alias another user already has. */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err.driverError as { code?: string }).code === UNIQUE_VIOLATION;
}
