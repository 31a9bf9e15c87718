import { Inject, Injectable, Optional } from '@nestjs/common';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { TotpSecretSeal } from '../users/secrets-at-rest';
import { base32Encode, matchTotp, newTotpSecret } from '@idfed/crypto';
import { UserMfaRepository } from './user-mfa.repository';

/** A clock for tests of the codes' time steps; the wall clock otherwise. */
export const MFA_CLOCK = Symbol('MFA_CLOCK');

/**
 * A user's software token: a new secret for an authenticator app (sealed at rest, shown once), the
 * code that proves the app holds it, and the codes of later sign-ins. Every code checked is an
 * attempt on the user's `mfa-code` counter (ADR 0007): counted before the check, forgotten when
 * right, so guessing locks out as a wrong password does. A code is accepted once: its time step
 * must be later than the last one accepted, advanced in the same statement that accepts it.
 */
@Injectable()
export class SoftwareTokens {
  constructor(
    @Inject(UserMfaRepository) private readonly rows: UserMfaRepository,
    @Inject(TotpSecretSeal) private readonly seal: TotpSecretSeal,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Optional() @Inject(MFA_CLOCK) private readonly now: () => number = Date.now,
  ) {}

  /** AssociateSoftwareToken: a new secret, pending until a code of it is verified; its base32 for the app. */
  async associate(user: UserEntity): Promise<string> {
    const secret = newTotpSecret();
    await this.rows.storePending(user.sub, this.seal.seal(user.sub, secret), new Date(this.now()));
    return base32Encode(secret);
  }

  /**
   * VerifySoftwareToken: a code of the pending secret makes it the user's software token.
   * `enable` also turns it on and makes it preferred (MFA_SETUP in a pool that requires MFA).
   */
  async verifyPending(
    user: UserEntity,
    code: string,
    deviceName: string | null,
    enable: boolean,
  ): Promise<void> {
    const row = await this.rows.find(user.sub);
    if (!row?.totpPendingEnc) throw CognitoErrors.softwareTokenNotFound();
    const subject = userSubject(user);
    await this.attempts.begin('mfa-code', subject);
    const now = this.now();
    const step = matchTotp(this.seal.open(user.sub, row.totpPendingEnc), code, now);
    const activated =
      step !== undefined &&
      (await this.rows.activatePending(
        user.sub,
        row.totpPendingEnc,
        step,
        deviceName,
        enable,
        new Date(now),
      )) === 'activated';
    if (!activated) throw CognitoErrors.softwareTokenCodeMismatch();
    await this.attempts.succeeded('mfa-code', subject);
  }

  /** The SOFTWARE_TOKEN_MFA_CODE of a sign-in, against the user's enabled software token. */
  async checkSignInCode(user: UserEntity, code: string): Promise<void> {
    const row = await this.rows.find(user.sub);
    if (!row?.totpSecretEnc || !row.totpEnabled) throw CognitoErrors.softwareTokenNotFound();
    const subject = userSubject(user);
    await this.attempts.begin('mfa-code', subject);
    const step = matchTotp(this.seal.open(user.sub, row.totpSecretEnc), code, this.now());
    const accepted = step !== undefined && (await this.rows.useStep(user.sub, row.totpSecretEnc, step));
    if (!accepted) throw CognitoErrors.mfaCodeMismatch();
    await this.attempts.succeeded('mfa-code', subject);
  }
}
