import { Inject, Injectable } from '@nestjs/common';
import { ServiceError } from '@idfed/messaging';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { BackgroundDelivery } from '../../delivery/background-delivery';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity, UserPoolEntity } from '../../database/entities';
import { MfaSessions } from '../../mfa/mfa-sessions';
import { CodeFactor, OneTimeCodes } from '../../mfa/one-time-codes';
import { DEFAULT_FIRST_AUTH_FACTORS } from '../../pools/pool-config';
import { AuthSessionSeal } from '../auth-session-seal';
import { parseHexOrUndefined, SRP_N } from '../srp/srp';
import { UserSrpAuth } from '../user-srp-auth';
import { Passkeys } from '../../webauthn/passkeys';
import { PasswordSignIn } from './password-sign-in';

/** The challenges USER_AUTH offers as a first factor, in the order AvailableChallenges lists them. */
export const FIRST_FACTOR_CHALLENGES = [
  'EMAIL_OTP',
  'SMS_OTP',
  'WEB_AUTHN',
  'PASSWORD',
  'PASSWORD_SRP',
] as const;
export type FirstFactorChallenge = (typeof FIRST_FACTOR_CHALLENGES)[number];

export function isFirstFactorChallenge(value: string | undefined): value is FirstFactorChallenge {
  return (FIRST_FACTOR_CHALLENGES as readonly string[]).includes(value ?? '');
}

/** What a chosen factor needs from the request that chose it: the password, or SRP's A. */
export interface FactorInputs {
  password?: string;
  srpA?: bigint;
  /** InitiateAuth's ClientMetadata: PreAuthentication's and UserMigration's `validationData`. */
  validationData?: Record<string, string>;
}

/** Who a USER_AUTH step is for: the name as typed, the user it names (none for a decoy), a device. */
export interface FirstFactorTarget {
  username: string;
  user: UserEntity | undefined;
  deviceKey?: string;
}

/**
 * USER_AUTH's first factors (ADR 0034): which ones a user may choose, and starting one. PASSWORD
 * and PASSWORD_SRP are USER_PASSWORD_AUTH's and USER_SRP_AUTH's work (PasswordSignIn, UserSrpAuth),
 * so MFA follows them as it does those flows; EMAIL_OTP and SMS_OTP send a code with ADR 0022's
 * machinery (OneTimeCodes, single-use MfaSessions) under a session marked as a first factor. A name
 * that is no user, when the client hides that, gets the same challenges with a decoy session.
 */
@Injectable()
export class FirstFactors {
  constructor(
    @Inject(PasswordSignIn) private readonly password: PasswordSignIn,
    @Inject(UserSrpAuth) private readonly srp: UserSrpAuth,
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(OneTimeCodes) private readonly codes: OneTimeCodes,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(Passkeys) private readonly passkeys: Passkeys,
    @Inject(BackgroundDelivery) private readonly delivery: BackgroundDelivery,
  ) {}

  /**
   * The first factors the pool allows (Policies.SignInPolicy, PASSWORD by default) that the user
   * can use: a code needs the address it goes to. A decoy (no user) gets every one the pool allows,
   * as a user with both addresses does. Passwordless factors are not offered where MFA is required,
   * since they end the sign-in without a second factor. WEB_AUTHN needs a registered passkey (a
   * decoy is offered it whenever the pool has passkeys on).
   */
  async available(pool: UserPoolEntity, user: UserEntity | undefined): Promise<FirstFactorChallenge[]> {
    const allowed = pool.config.signInPolicy?.AllowedFirstAuthFactors ?? DEFAULT_FIRST_AUTH_FACTORS;
    const passwordless = pool.config.mfaConfiguration !== 'ON';
    const offered: FirstFactorChallenge[] = [];
    for (const challenge of ['EMAIL_OTP', 'SMS_OTP'] as const) {
      if (!passwordless || !allowed.includes(challenge)) continue;
      if (!user || OneTimeCodes.destinationOf(user, codeFactorOf(challenge))) offered.push(challenge);
    }
    if (passwordless && (await this.passkeys.usableBy(pool, user))) offered.push('WEB_AUTHN');
    if (allowed.includes('PASSWORD')) offered.push('PASSWORD', 'PASSWORD_SRP');
    return offered;
  }

  /** Reads (and checks) what `factor` needs from AuthParameters or ChallengeResponses. */
  readInputs(factor: FirstFactorChallenge, params: Record<string, string>): FactorInputs {
    switch (factor) {
      case 'PASSWORD': {
        const password = params.PASSWORD;
        if (!password) throw CognitoErrors.invalidParameter('Missing required parameter PASSWORD');
        return { password };
      }
      case 'PASSWORD_SRP': {
        if (!params.SRP_A) throw CognitoErrors.invalidParameter('Missing required parameter SRP_A');
        return { srpA: this.srpA(params) };
      }
      case 'EMAIL_OTP':
      case 'SMS_OTP':
      case 'WEB_AUTHN':
        return {};
    }
  }

  /** Starts `factor`, one of `available`'s, for `target`. */
  async start(
    auth: ClientForAuth,
    pool: UserPoolEntity,
    target: FirstFactorTarget,
    factor: FirstFactorChallenge,
    inputs: FactorInputs,
  ): Promise<InitiateAuthResponse> {
    switch (factor) {
      case 'PASSWORD':
        return this.password.signIn(auth, {
          username: target.username,
          password: inputs.password!,
          ...(target.deviceKey ? { deviceKey: target.deviceKey } : {}),
          ...(inputs.validationData ? { validationData: inputs.validationData } : {}),
        });
      case 'PASSWORD_SRP':
        return this.srp.challenge(auth, {
          username: target.username,
          A: inputs.srpA!,
          ...(inputs.validationData ? { validationData: inputs.validationData } : {}),
        });
      case 'EMAIL_OTP':
      case 'SMS_OTP':
        return this.codeChallenge(auth, pool, target, factor);
      case 'WEB_AUTHN':
        return this.webAuthnChallenge(auth, pool, target);
    }
  }

  /** WEB_AUTHN: the request options, their challenge kept in a single-use session bound to the user. */
  private async webAuthnChallenge(
    auth: ClientForAuth,
    pool: UserPoolEntity,
    { username, user }: FirstFactorTarget,
  ): Promise<InitiateAuthResponse> {
    const { challenge, options } = await this.passkeys.requestOptions(pool);
    const { session } = this.sessions.issueChallenge(
      auth.client.id,
      ttlOf(auth),
      user?.sub ?? '',
      'WEB_AUTHN',
      undefined,
      { firstFactor: true, webAuthnChallenge: challenge, ...(user ? {} : { decoyName: username }) },
    );
    return {
      ChallengeName: 'WEB_AUTHN',
      Session: session,
      ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: options },
    };
  }

  /** SELECT_CHALLENGE: the factors to choose from, under a single-use session bound to the user. */
  selectChallenge(
    auth: ClientForAuth,
    target: FirstFactorTarget,
    available: FirstFactorChallenge[],
  ): InitiateAuthResponse {
    if (available.length === 0) throw CognitoErrors.notAuthorized();
    const { session } = this.sessions.issueChallenge(
      auth.client.id,
      ttlOf(auth),
      target.user?.sub ?? '',
      'SELECT_CHALLENGE',
      undefined,
      { available, ...(target.user ? {} : { decoyName: target.username }) },
    );
    return {
      ChallengeName: 'SELECT_CHALLENGE',
      Session: session,
      ChallengeParameters: {},
      AvailableChallenges: available,
    };
  }

  /** SRP_A as USER_SRP_AUTH reads it. */
  private srpA(params: Record<string, string>): bigint {
    const A = parseHexOrUndefined(params.SRP_A);
    if (A === undefined || A % SRP_N === 0n) throw CognitoErrors.invalidParameter('Invalid SRP_A value.');
    return A;
  }

  /**
   * EMAIL_OTP or SMS_OTP as a first factor: a code under a new session (ADR 0022's code row, keyed
   * by the session's id). A decoy sends nothing and shows a destination derived from the name under
   * the directory's decoy key, the same at every attempt. So that the two take the same time
   * (ADR 0037), the real code is stored and sent after the answer: the request path of either is
   * a sealed session and a masked destination, no statement and no send.
   */
  private async codeChallenge(
    auth: ClientForAuth,
    pool: UserPoolEntity,
    { username, user }: FirstFactorTarget,
    challenge: 'EMAIL_OTP' | 'SMS_OTP',
  ): Promise<InitiateAuthResponse> {
    const factor = codeFactorOf(challenge);
    if (!user) {
      const { session } = this.sessions.issueChallenge(
        auth.client.id,
        ttlOf(auth),
        '',
        challenge,
        undefined,
        {
          firstFactor: true,
          decoyName: username,
        },
      );
      return {
        ChallengeName: challenge,
        Session: session,
        ChallengeParameters: this.decoyDelivery(pool, username, factor),
      };
    }
    const { id, session } = this.sessions.issueChallenge(
      auth.client.id,
      ttlOf(auth),
      user.sub,
      challenge,
      undefined,
      {
        firstFactor: true,
      },
    );
    const { parameters, work } = this.codes.sendLater(pool, user, factor, id, auth.client.id);
    this.delivery.enqueueWork(parameters.CODE_DELIVERY_DELIVERY_MEDIUM, pool.id, work);
    return { ChallengeName: challenge, Session: session, ChallengeParameters: parameters };
  }

  private decoyDelivery(pool: UserPoolEntity, username: string, factor: CodeFactor): Record<string, string> {
    const name = pool.config.caseSensitive ? username : username.toLowerCase();
    const bytes = this.seal.decoy(`first-factor-destination|${pool.id}|${factor}|${name}`, 6);
    const letter = (b: number) => String.fromCharCode(97 + (b % 26));
    const digits = Array.from(bytes.subarray(2, 6), (b) => String(b % 10)).join('');
    return factor === 'SMS_MFA'
      ? { CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS', CODE_DELIVERY_DESTINATION: `+*******${digits}` }
      : {
          CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
          CODE_DELIVERY_DESTINATION: `${letter(bytes[0])}***@${letter(bytes[1])}***`,
        };
  }
}

/** The code factor (and its message) of a first-factor code challenge. */
export function codeFactorOf(challenge: 'EMAIL_OTP' | 'SMS_OTP'): CodeFactor {
  return challenge === 'SMS_OTP' ? 'SMS_MFA' : 'EMAIL_OTP';
}

function ttlOf(auth: ClientForAuth): number {
  return auth.client.config.authSessionValidity * 60;
}

/**
 * The account checks a sign-in makes once its first factor is a code (no password came before):
 * those of a password sign-in (SignInCompletion), after the proof, so the code proves who asks
 * before anything about the account is told.
 */
export function assertAccountMaySignIn(user: UserEntity): void {
  if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
  switch (user.status) {
    case 'CONFIRMED':
      return;
    case 'UNCONFIRMED':
      throw CognitoErrors.userNotConfirmed();
    case 'RESET_REQUIRED':
      throw new ServiceError('PasswordResetRequiredException', 'Password reset required for the user');
    case 'FORCE_CHANGE_PASSWORD':
    case 'EXTERNAL_PROVIDER':
      throw CognitoErrors.notAuthorized();
  }
}
