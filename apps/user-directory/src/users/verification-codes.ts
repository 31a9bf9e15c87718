import { Inject, Injectable } from '@nestjs/common';
import { CodeDeliveryDetailsType, RecoveryOptionNameType } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { newVerificationCode } from '../common/ids';
import { CodePurpose, VerificationCodeEntity } from '../database/entities';
import { PoolConfig } from '../pools/pool-config';
import { CodeDigest } from './secrets-at-rest';
import { maskDestination } from './user-attributes';
import { isVerified } from './verified-flag';
import { VerificationCodesRepository } from './verification-codes.repository';

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
 * The recovery mechanisms of a pool in the order ForgotPassword tries them: its
 * AccountRecoverySetting by priority, or, without one, Cognito's legacy order ("SMS is preferred
 * over email", CreateUserPool's API reference).
 */
export function recoveryMechanisms(
  config: Pick<PoolConfig, 'accountRecoverySetting'>,
): RecoveryOptionNameType[] {
  const set = config.accountRecoverySetting?.RecoveryMechanisms ?? [];
  if (set.length === 0) return ['verified_phone_number', 'verified_email'];
  return [...set].sort((a, b) => a.Priority - b.Priority).map((m) => m.Name);
}

/**
 * Where a password-reset code goes: the first of the mechanisms whose attribute the user has
 * verified. A code to an unverified address would let whoever typed that address take the account.
 */
export function recoveryChannel(
  attributes: Record<string, string>,
  mechanisms: RecoveryOptionNameType[] = ['verified_phone_number', 'verified_email'],
  /** The media the user has as MFA, which a recovery setting does not use (ADR 0062). */
  mfaMedia: { sms?: boolean; email?: boolean } = {},
): CodeChannel | undefined {
  for (const mechanism of mechanisms) {
    if (mechanism === 'verified_email' && mfaMedia.email) continue;
    if (mechanism === 'verified_phone_number' && mfaMedia.sms) continue;
    if (mechanism === 'verified_email' && attributes.email && isVerified(attributes.email_verified)) {
      return { medium: 'EMAIL', attribute: 'email', destination: attributes.email };
    }
    if (
      mechanism === 'verified_phone_number' &&
      attributes.phone_number &&
      isVerified(attributes.phone_number_verified)
    ) {
      return { medium: 'SMS', attribute: 'phone_number', destination: attributes.phone_number };
    }
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

/** No user has this sub: an unknown user's code is looked up under it, so that path reads as much. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

export type CodeCheck = 'match' | 'mismatch' | 'missing';

/**
 * Issues, checks and uses up the codes a user proves an address or a reset with. The plaintext code
 * only goes to the caller, to be delivered; the repository stores its keyed digest.
 */
@Injectable()
export class VerificationCodes {
  constructor(
    @Inject(VerificationCodesRepository) private readonly codes: VerificationCodesRepository,
    @Inject(CodeDigest) private readonly digest: CodeDigest,
  ) {}

  /** Replaces any earlier code for the same purpose and returns the new plaintext code. */
  async issue(userSub: string, purpose: CodePurpose, tx?: Transaction): Promise<string> {
    const code = newVerificationCode();
    await this.codes.replace(this.row(userSub, purpose, code), tx);
    return code;
  }

  /**
   * `issue` for after the answer (ADR 0068): nothing is computed or stored now; the returned
   * function, run by BackgroundDelivery, draws the code, stores it (unless a newer request's code
   * landed first) and gives it for the message. A name with a user then costs its request what a
   * name without one does.
   */
  issueLater(userSub: string, purpose: CodePurpose): () => Promise<string> {
    const requestedAt = new Date();
    return async () => {
      const code = newVerificationCode();
      await this.codes.replaceUnlessNewer({
        ...this.row(userSub, purpose, code),
        createdAt: requestedAt,
        expiresAt: new Date(requestedAt.getTime() + CODE_LIFETIME_MS),
      });
      return code;
    };
  }

  /**
   * Compares a code with the user's live code for `purpose`, without a lock or a write. A known
   * user and an unknown name (undefined sub, looked up under a sub no user has) do the same work:
   * one digest and one statement answering one row of two booleans, with or without a code
   * (ADR 0068). The guess itself is counted by AttemptLimiter before this is called.
   */
  async check(userSub: string | undefined, purpose: CodePurpose, code: string): Promise<CodeCheck> {
    const sub = userSub ?? NO_USER;
    const { live, same } = await this.codes.compare(sub, purpose, this.digest.digest(sub, code), new Date());
    if (!live) return 'missing';
    return same ? 'match' : 'mismatch';
  }

  /**
   * Uses up a code that `check` matched, inside the caller's transaction (with the user row held):
   * false when a concurrent request took it first, so one code changes state once.
   */
  consume(userSub: string, purpose: CodePurpose, code: string, tx: Transaction): Promise<boolean> {
    return this.codes.consume(userSub, purpose, this.digest.digest(userSub, code), new Date(), tx);
  }

  /** Forgets the user's code for `purpose` (an address changed, or the user confirmed otherwise). */
  discard(userSub: string, purpose: CodePurpose, tx: Transaction): Promise<void> {
    return this.codes.delete(userSub, purpose, tx);
  }

  private row(userSub: string, purpose: CodePurpose, code: string): VerificationCodeEntity {
    return {
      userSub,
      purpose,
      codeHash: this.digest.digest(userSub, code),
      expiresAt: new Date(Date.now() + CODE_LIFETIME_MS),
      createdAt: new Date(),
    };
  }
}

/**
 * The refusal of a code that did not match. With no code to match, Cognito says ExpiredCode; a
 * client hiding user existence says CodeMismatch instead, as an unknown user never has a code and
 * that answer must not differ from a known user's.
 */
export function codeRefusal(check: Exclude<CodeCheck, 'match'>, hideExistence: boolean): ServiceError {
  return check === 'missing' && !hideExistence ? CognitoErrors.expiredCode() : CognitoErrors.codeMismatch();
}
