import { Inject, Injectable, Optional } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { CognitoErrors } from '../common/cognito-errors';
import { newVerificationCode } from '../common/ids';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { poolParts, triggerPart } from '../delivery/code-messages';
import { eventAttributes, NO_CLIENT } from '../triggers/user-pool-triggers';
import { deliverOrFail } from '../delivery/deliver-or-fail';
import { MESSAGE_SENDER, MessageSender, OutgoingMessage } from '../delivery/message-sender';
import { CodeDigest } from '../users/secrets-at-rest';
import { maskDestination } from '../users/user-attributes';
import { MfaCodesRepository } from './mfa-codes.repository';
import { poolMfaOf } from './pool-mfa';
import { MFA_CLOCK } from './software-tokens';

/** The factors whose code idfed sends. */
export type CodeFactor = 'SMS_MFA' | 'EMAIL_OTP';

/** An SMS or email MFA code is good for 3 minutes, as Cognito's. */
export const MFA_CODE_LIFETIME_MS = 3 * 60 * 1000;

/** Cognito's wording when the pool set none of its own. */
const DEFAULT_SMS_MESSAGE = 'Your authentication code is {####}. ';
const DEFAULT_EMAIL_MESSAGE = 'Your authentication code is {####}.';
const DEFAULT_EMAIL_SUBJECT = 'Your authentication code';

/** A digest no code has: compared against when there is no stored code, so the work is the same. */
const NO_CODE = '0'.repeat(64);

/**
 * The one-time codes of SMS_MFA and EMAIL_OTP (ADR 0022): a code drawn for a challenge session,
 * kept only as a keyed digest under the session's id, sent with the pool's message; then checked
 * once. Every answer counts on the user's `mfa-code` lockout before the check and takes the code,
 * so a code is never checked twice, and a right one forgets the failures. A wrong code and one
 * past its 3 minutes cost the same work; they differ only in the error, as Cognito's do.
 */
@Injectable()
export class OneTimeCodes {
  constructor(
    @Inject(MfaCodesRepository) private readonly codes: MfaCodesRepository,
    @Inject(CodeDigest) private readonly digest: CodeDigest,
    @Inject(MESSAGE_SENDER) private readonly sender: MessageSender,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Optional() @Inject(MFA_CLOCK) private readonly now: () => number = Date.now,
  ) {}

  /** Where a factor's code goes for this user; undefined when they have no such address. */
  static destinationOf(user: UserEntity, factor: CodeFactor): string | undefined {
    return (factor === 'SMS_MFA' ? user.attributes.phone_number : user.attributes.email) || undefined;
  }

  /**
   * Draws, stores and sends the code of challenge session `sessionId`; answers the
   * ChallengeParameters Cognito gives with it (the medium and the masked destination).
   */
  async send(
    pool: UserPoolEntity,
    user: UserEntity,
    factor: CodeFactor,
    sessionId: string,
    clientId = NO_CLIENT,
  ): Promise<Record<string, string>> {
    const { parameters, store, message } = this.prepare(pool, user, factor, sessionId, clientId);
    await store();
    await deliverOrFail(this.sender, message);
    return parameters;
  }

  /**
   * `send`'s answer now, and its work (store the code, then send it) for later: a first-factor code
   * challenge answers before anything is stored or sent, so that it takes the time a decoy's does
   * (ADR 0037). The message goes only once the code is stored, so whoever reads it can answer.
   */
  sendLater(
    pool: UserPoolEntity,
    user: UserEntity,
    factor: CodeFactor,
    sessionId: string,
    clientId = NO_CLIENT,
  ): { parameters: Record<string, string>; work: () => Promise<void> } {
    const { parameters, store, message } = this.prepare(pool, user, factor, sessionId, clientId);
    return {
      parameters,
      work: async () => {
        await store();
        await this.sender.send(message);
      },
    };
  }

  private prepare(
    pool: UserPoolEntity,
    user: UserEntity,
    factor: CodeFactor,
    sessionId: string,
    clientId: string,
  ): { parameters: Record<string, string>; store: () => Promise<void>; message: OutgoingMessage } {
    const destination = OneTimeCodes.destinationOf(user, factor);
    if (!destination)
      throw CognitoErrors.invalidParameter(`User does not have delivery config set to turn on ${factor}`);
    const code = newVerificationCode();
    const row = {
      userSub: user.sub,
      factor,
      codeDigest: this.digest.digest(user.sub, code),
      expiresAt: new Date(this.now() + MFA_CODE_LIFETIME_MS),
    };
    return {
      parameters: {
        CODE_DELIVERY_DELIVERY_MEDIUM: factor === 'SMS_MFA' ? 'SMS' : 'EMAIL',
        CODE_DELIVERY_DESTINATION: maskDestination(destination),
      },
      store: () => this.codes.insert(sessionId, row),
      message: codeMessage(pool, user, factor, destination, code, clientId),
    };
  }

  /** The code an answer gives for challenge session `sessionId`; throws unless it is the one sent, in time. */
  async check(user: UserEntity, factor: CodeFactor, sessionId: string, code: string): Promise<void> {
    const subject = userSubject(user);
    await this.attempts.begin('mfa-code', subject);
    const stored = await this.codes.take(sessionId);
    const given = Buffer.from(this.digest.digest(user.sub, code));
    const expected = Buffer.from(stored?.codeDigest ?? NO_CODE);
    const same =
      given.length === expected.length &&
      timingSafeEqual(given, expected) &&
      stored?.userSub === user.sub &&
      stored.factor === factor;
    if (!stored || stored.expiresAt.getTime() <= this.now()) throw CognitoErrors.expiredCode();
    if (!same) throw CognitoErrors.otpCodeMismatch();
    await this.attempts.succeeded('mfa-code', subject);
  }
}

function codeMessage(
  pool: UserPoolEntity,
  user: UserEntity,
  factor: CodeFactor,
  to: string,
  code: string,
  clientId: string,
): OutgoingMessage {
  const mfa = poolMfaOf(pool.config);
  const medium = factor === 'SMS_MFA' ? 'SMS' : 'EMAIL';
  const template =
    factor === 'SMS_MFA'
      ? (mfa.sms?.SmsAuthenticationMessage ?? DEFAULT_SMS_MESSAGE)
      : (mfa.email?.Message ?? DEFAULT_EMAIL_MESSAGE);
  return {
    medium,
    to,
    subject: mfa.email?.Subject ?? DEFAULT_EMAIL_SUBJECT,
    text: template.split('{####}').join(code),
    ...poolParts(medium, pool),
    username: user.username,
    // CustomMessage_Authentication / the custom senders (ADR 0043).
    ...triggerPart(pool, code, { source: 'Authentication', clientId, userAttributes: eventAttributes(user) }),
  };
}
