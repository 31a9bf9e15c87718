import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { AuthSessionUsesRepository } from '../auth/auth-session-uses.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { MfaFactor } from '../database/entities';
import { MfaCodesRepository } from './mfa-codes.repository';

/**
 * What an MFA challenge session is for: one factor's code, or choosing one (SELECT_MFA_TYPE); and
 * USER_AUTH's first factors (ADR 0034): choosing one (SELECT_CHALLENGE), an SMS code (SMS_OTP),
 * an email code (EMAIL_OTP with `firstFactor`).
 */
export type MfaChallengeKind = MfaFactor | 'SELECT_MFA_TYPE' | 'SELECT_CHALLENGE' | 'SMS_OTP' | 'WEB_AUTHN';

/** The Session of a SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP or SELECT_MFA_TYPE challenge (sealed, bound to its app client). */
export interface MfaChallengeSession {
  /** Names the session in `auth_session_uses` once it is answered, and its code in `mfa_codes`. */
  id: string;
  sub: string;
  /** When it expires (ms), to keep its use recorded until then. */
  until: number;
  /** The challenge it answers; absent in sessions issued before SMS and email MFA (software token). */
  kind?: MfaChallengeKind;
  /** SELECT_MFA_TYPE: the factors the answer may choose. */
  choices?: MfaFactor[];
  /** USER_AUTH (ADR 0034): the code is the first factor, no password came before it. */
  firstFactor?: boolean;
  /**
   * USER_AUTH for a name that is no user, when the client hides that (ADR 0034): the name typed,
   * which the answer must repeat; `sub` is empty and every answer fails as a wrong one does.
   */
  decoyName?: string;
  /** SELECT_CHALLENGE: the first factors the answer may choose. */
  available?: string[];
  /** WEB_AUTHN: the WebAuthn challenge (base64url) the assertion must sign. */
  webAuthnChallenge?: string;
}

/** What a USER_AUTH session carries beyond an MFA session's (ADR 0034). */
export type FirstFactorExtras = Pick<
  MfaChallengeSession,
  'firstFactor' | 'decoyName' | 'available' | 'webAuthnChallenge'
>;

/**
 * Where an MFA_SETUP sign-in stands: challenged (AssociateSoftwareToken may follow), a secret
 * associated (VerifySoftwareToken may follow), verified (RespondToAuthChallenge MFA_SETUP gives
 * the tokens).
 */
export type MfaSetupStage = 'challenged' | 'associated' | 'verified';

/**
 * The Session of an MFA_SETUP sign-in. AssociateSoftwareToken and VerifySoftwareToken name no app
 * client, so the session is sealed without one and carries the client it was issued to; the
 * challenge answer checks it.
 */
export interface MfaSetupSession {
  id: string;
  sub: string;
  poolId: string;
  clientId: string;
  stage: MfaSetupStage;
  /** The client's AuthSessionValidity in seconds: each step's session lives as long as the first. */
  ttl: number;
  until: number;
}

const SWEEP_EVERY_MS = 5 * 60 * 1000;
const SETUP_SESSION_AUDIENCE = '';

/**
 * MFA sign-in sessions: sealed as the other challenge sessions are (ADR 0005), expiring after the
 * client's AuthSessionValidity, and, as Cognito's, answered once only: each answer records the
 * session's id, and a second answer with it is refused even when the first was wrong.
 */
@Injectable()
export class MfaSessions {
  private lastSweep = 0;

  constructor(
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(AuthSessionUsesRepository) private readonly uses: AuthSessionUsesRepository,
    @Inject(MfaCodesRepository) private readonly codes: MfaCodesRepository,
  ) {}

  /** A new challenge session: its id (which names its code) and its sealed form. */
  issueChallenge(
    clientId: string,
    ttlSeconds: number,
    sub: string,
    kind: MfaChallengeKind = 'SOFTWARE_TOKEN_MFA',
    choices?: MfaFactor[],
    extras: FirstFactorExtras = {},
  ): { id: string; session: string } {
    const value: MfaChallengeSession = {
      id: randomUUID(),
      sub,
      until: Date.now() + ttlSeconds * 1000,
      kind,
      ...(choices ? { choices } : {}),
      ...extras,
    };
    return { id: value.id, session: this.seal.seal('mfa-session', clientId, value, ttlSeconds) };
  }

  /** Opens a challenge session issued for `kind`; a session of another challenge is invalid. */
  openChallenge(clientId: string, blob: unknown, kind: MfaChallengeKind): MfaChallengeSession {
    const opened = this.seal.open<MfaChallengeSession>('mfa-session', clientId, blob);
    if (!opened.ok) throw invalidSession(opened.reason);
    if ((opened.value.kind ?? 'SOFTWARE_TOKEN_MFA') !== kind) throw invalidSession('invalid');
    return opened.value;
  }

  issueSetup(session: Omit<MfaSetupSession, 'id' | 'until'>): string {
    const value: MfaSetupSession = { ...session, id: randomUUID(), until: Date.now() + session.ttl * 1000 };
    return this.seal.seal('mfa-setup-session', SETUP_SESSION_AUDIENCE, value, session.ttl);
  }

  /** Opens an MFA_SETUP session that must be at one of `stages`. */
  openSetup(blob: unknown, stages: readonly MfaSetupStage[]): MfaSetupSession {
    const opened = this.seal.open<MfaSetupSession>('mfa-setup-session', SETUP_SESSION_AUDIENCE, blob);
    if (!opened.ok) throw invalidSession(opened.reason);
    if (!stages.includes(opened.value.stage)) throw invalidSession('invalid');
    return opened.value;
  }

  /** Records the session as answered; refuses it when it was answered before. */
  async useOnce(session: { id: string; until: number }): Promise<void> {
    this.sweepNowAndThen();
    if (!(await this.uses.useOnce(session.id, new Date(session.until)))) {
      throw CognitoErrors.notAuthorized('Invalid session for the user, session can only be used once.');
    }
  }

  private sweepNowAndThen(): void {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    // A failed sweep leaves rows that the next one removes; nothing depends on it.
    this.uses.forgetExpired(new Date(now)).catch(() => undefined);
    this.codes.forgetExpired(new Date(now)).catch(() => undefined);
  }
}

export function invalidSession(reason: 'invalid' | 'expired') {
  return CognitoErrors.notAuthorized(
    reason === 'expired'
      ? 'Invalid session for the user, session is expired.'
      : 'Invalid session for the user.',
  );
}
