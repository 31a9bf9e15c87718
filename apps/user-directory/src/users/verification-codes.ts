import { timingSafeEqual } from 'node:crypto';
import { CodeDeliveryDetailsType } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { EntityManager } from 'typeorm';
import { ALONGSIDE_FIRST_PARAM, AlongsideStatement } from '../attempts/attempt-limiter';
import { CognitoErrors } from '../common/cognito-errors';
import { newVerificationCode } from '../common/ids';
import { CodePurpose, VerificationCodeEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { CodeDigest } from './secrets-at-rest';
import { maskDestination } from './user-attributes';

/**
 * Codes live 24 hours, as Cognito's confirmation codes do. Wrong guesses are limited per user and
 * kind of code by AttemptLimiter (so asking for a new code does not buy new guesses).
 */
const CODE_LIFETIME_MS = 24 * 3600 * 1000;

export interface CodeChannel {
  medium: 'EMAIL' | 'SMS';
  attribute: 'email' | 'phone_number';
  destination: string;
}

/** Where a pool sends a user's confirmation code: the first auto-verified attribute the user has. */
export function confirmationChannel(
  config: PoolConfig,
  attributes: Record<string, string>,
): CodeChannel | undefined {
  for (const attribute of config.autoVerifiedAttributes) {
    const destination = attributes[attribute];
    if (destination) return { medium: attribute === 'email' ? 'EMAIL' : 'SMS', attribute, destination };
  }
  return undefined;
}

/**
 * Where a password-reset code goes: a verified email, else a verified phone number. A code to an
 * unverified address would let whoever typed that address take the account.
 */
export function recoveryChannel(attributes: Record<string, string>): CodeChannel | undefined {
  if (attributes.email && attributes.email_verified === 'true') {
    return { medium: 'EMAIL', attribute: 'email', destination: attributes.email };
  }
  if (attributes.phone_number && attributes.phone_number_verified === 'true') {
    return { medium: 'SMS', attribute: 'phone_number', destination: attributes.phone_number };
  }
  return undefined;
}

/** CodeDeliveryDetails as Cognito reports them: the destination masked. */
export function deliveryDetails(channel: CodeChannel): CodeDeliveryDetailsType {
  return {
    Destination: maskDestination(channel.destination),
    DeliveryMedium: channel.medium,
    AttributeName: channel.attribute,
  };
}

/** Replaces any earlier code for the same purpose and returns the new plaintext code; only its keyed digest is stored. */
export async function issueCode(
  manager: EntityManager,
  userSub: string,
  purpose: CodePurpose,
  digest: CodeDigest,
): Promise<string> {
  const code = newVerificationCode();
  await manager.upsert(
    VerificationCodeEntity,
    {
      userSub,
      purpose,
      codeHash: digest.digest(userSub, code),
      expiresAt: new Date(Date.now() + CODE_LIFETIME_MS),
      createdAt: new Date(),
    },
    ['userSub', 'purpose'],
  );
  return code;
}

/**
 * issueCode as a statement to run beside a count (AttemptLimiter.begin): the new plaintext code and
 * the upsert that replaces any earlier code of the same purpose.
 */
export function codeIssueStatement(
  userSub: string,
  purpose: CodePurpose,
  digest: CodeDigest,
): { code: string; statement: AlongsideStatement } {
  const code = newVerificationCode();
  const p = ALONGSIDE_FIRST_PARAM;
  return {
    code,
    statement: {
      sql: `INSERT INTO user_directory.verification_codes (user_sub, purpose, code_hash, expires_at, created_at)
            SELECT $${p}::uuid, $${p + 1}, $${p + 2}, $${p + 3}::timestamptz, $${p + 4}::timestamptz FROM counted
            ON CONFLICT (user_sub, purpose) DO UPDATE SET
              code_hash = excluded.code_hash, expires_at = excluded.expires_at, created_at = excluded.created_at`,
      params: [
        userSub,
        purpose,
        digest.digest(userSub, code),
        new Date(Date.now() + CODE_LIFETIME_MS),
        new Date(),
      ],
    },
  };
}

/** No user has this sub: an unknown user's code is looked up under it, so that path reads as much. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

export type CodeCheck = 'match' | 'mismatch' | 'missing';

/**
 * Compares a code with the user's live code for `purpose`, without a lock or a write: a wrong guess
 * then costs a known user what it costs an unknown one (undefined sub), whose lookup finds nothing.
 * The guess itself is counted by AttemptLimiter before this is called.
 */
export async function checkCode(
  manager: EntityManager,
  userSub: string | undefined,
  purpose: CodePurpose,
  code: string,
  digest: CodeDigest,
): Promise<CodeCheck> {
  const sub = userSub ?? NO_USER;
  const row = await manager.findOne(VerificationCodeEntity, { where: { userSub: sub, purpose } });
  const given = Buffer.from(digest.digest(sub, code));
  if (!row || row.expiresAt.getTime() < Date.now()) return 'missing';
  const expected = Buffer.from(row.codeHash);
  return expected.length === given.length && timingSafeEqual(expected, given) ? 'match' : 'mismatch';
}

/**
 * Uses up a code that checkCode matched, inside the caller's transaction (with the user row held):
 * false when a concurrent request took it first, so one code changes state once.
 */
export async function consumeCode(
  manager: EntityManager,
  userSub: string,
  purpose: CodePurpose,
  code: string,
  digest: CodeDigest,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .delete()
    .from(VerificationCodeEntity)
    .where('user_sub = :userSub AND purpose = :purpose AND code_hash = :codeHash AND expires_at >= :now', {
      userSub,
      purpose,
      codeHash: digest.digest(userSub, code),
      now: new Date(),
    })
    .execute();
  return (result.affected ?? 0) > 0;
}

/**
 * The refusal of a code that did not match. With no code to match, Cognito says ExpiredCode; a
 * client hiding user existence says CodeMismatch instead, as an unknown user never has a code and
 * that answer must not differ from a known user's.
 */
export function codeRefusal(check: Exclude<CodeCheck, 'match'>, hideExistence: boolean): ServiceError {
  return check === 'missing' && !hideExistence ? CognitoErrors.expiredCode() : CognitoErrors.codeMismatch();
}
