import { createHash, timingSafeEqual } from 'node:crypto';
import { CodeDeliveryDetailsType } from '@idfed/contracts';
import { EntityManager } from 'typeorm';
import { CognitoErrors } from '../common/cognito-errors';
import { newVerificationCode } from '../common/ids';
import { CodePurpose, UserEntity, VerificationCodeEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { maskDestination } from './user-attributes';

/** Codes live 24 hours, as Cognito's confirmation codes do; five wrong guesses burn a code. */
const CODE_LIFETIME_MS = 24 * 3600 * 1000;
const MAX_FAILED_ATTEMPTS = 5;

function hashCode(userSub: string, code: string): string {
  return createHash('sha256').update(`${userSub}:${code}`).digest('hex');
}

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

/** Replaces any earlier code for the same purpose and returns the new plaintext code. */
export async function issueCode(
  manager: EntityManager,
  userSub: string,
  purpose: CodePurpose,
): Promise<string> {
  const code = newVerificationCode();
  await manager.upsert(
    VerificationCodeEntity,
    {
      userSub,
      purpose,
      codeHash: hashCode(userSub, code),
      expiresAt: new Date(Date.now() + CODE_LIFETIME_MS),
      failedAttempts: 0,
      createdAt: new Date(),
    },
    ['userSub', 'purpose'],
  );
  return code;
}

/**
 * Checks a code inside the caller's transaction. A matching code is consumed. A wrong guess is
 * counted and reported as 'mismatch' rather than thrown, so the caller commits the count before
 * answering CodeMismatchException (a thrown error would roll the count back).
 */
export async function consumeCode(
  manager: EntityManager,
  user: UserEntity,
  purpose: CodePurpose,
  code: string,
): Promise<'consumed' | 'mismatch'> {
  const row = await manager.findOne(VerificationCodeEntity, {
    where: { userSub: user.sub, purpose },
    lock: { mode: 'pessimistic_write' },
  });
  if (!row || row.expiresAt.getTime() < Date.now()) throw CognitoErrors.expiredCode();
  if (row.failedAttempts >= MAX_FAILED_ATTEMPTS) throw CognitoErrors.limitExceeded();
  const expected = Buffer.from(row.codeHash);
  const given = Buffer.from(hashCode(user.sub, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    await manager.increment(VerificationCodeEntity, { userSub: user.sub, purpose }, 'failedAttempts', 1);
    return 'mismatch';
  }
  await manager.delete(VerificationCodeEntity, { userSub: user.sub, purpose });
  return 'consumed';
}
