import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { AttemptLimiter, userSubject } from '../../attempts/attempt-limiter';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { UserEntity } from '../../database/entities';
import { invalidSession, MfaSessions } from '../../mfa/mfa-sessions';
import {
  AuthChallengeTriggers,
  ChallengeResult,
  ChallengeSubject,
  customAuthNotConfigured,
} from '../../triggers/auth-challenge-triggers';
import { TriggerErrors } from '../../triggers/trigger-caller';
import { eventAttributes, UserPoolTriggers } from '../../triggers/user-pool-triggers';
import { UsersRepository } from '../../users/users.repository';
import { AuthSessionSeal } from '../auth-session-seal';
import { SignInCompletion } from '../sign-in-completion';
import { SrpProof, UserSrpAuth } from '../user-srp-auth';
import { assertAccountMaySignIn } from './first-factors';
import { AuthEventRecorder } from '../../risk/auth-event-recorder';
import { AuthEventResponse, ChallengeOutcome } from '../../risk/auth-events.repository';
import { coversCustomAuth } from '../../risk/threat-protection';

/**
 * The Session of a CUSTOM_CHALLENGE (ADR 0036), sealed as the other challenge sessions (ADR 0005):
 * bound to its app client by the seal and to its user by `sub` (or, for a name without a user in
 * a client that hides that, by the name typed), expiring after the client's AuthSessionValidity,
 * and answered once only (its id is recorded in `auth_session_uses`). It carries what the next
 * round needs: the challenges so far and the private parameters the verifier is given, which the
 * app never sees.
 */
export interface CustomAuthSession {
  id: string;
  /** The user's sub; empty for a decoy. */
  sub: string;
  /** A decoy's name as typed, which the answer must repeat. */
  decoyName?: string;
  until: number;
  privateChallengeParameters: Record<string, string>;
  challengeMetadata?: string;
  /** The challenges before this one, as DefineAuthChallenge's `session`. */
  results: ChallengeResult[];
  /**
   * Set when DefineAuthChallenge asked for PASSWORD_VERIFIER (the SRP path): the SHA-256 of the
   * SECRET_BLOCK issued with it, which the answer must carry. Only such a Session takes a
   * PASSWORD_VERIFIER, and it takes nothing else.
   */
  passwordVerifier?: string;
}

/** Who a custom sign-in is for: the name typed and the user it names (none for a decoy). */
export interface CustomAuthTarget {
  username: string;
  user: UserEntity | undefined;
}

/** Sessions longer than the API's Session member allows are refused (the function's output is too big). */
const MAX_SESSION_LENGTH = 4096;

/**
 * The CUSTOM_AUTH flow (ADR 0036): rounds of DefineAuthChallenge (what next), CreateAuthChallenge
 * (a CUSTOM_CHALLENGE) and, for each answer, VerifyAuthChallengeResponse, on ADR 0030's HTTP
 * triggers. A name without a user, in a client with PreventUserExistenceErrors, goes through the
 * same rounds with `userNotFound: true` and ends refused as a wrong answer is, so the answers do not
 * tell users from non-users. Each answer is one guess on the user's `password` lockout counter.
 */
@Injectable()
export class CustomAuth {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
    @Inject(AuthChallengeTriggers) private readonly challenges: AuthChallengeTriggers,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(UserSrpAuth) private readonly srp: UserSrpAuth,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  /** InitiateAuth / AdminInitiateAuth CUSTOM_AUTH: PreAuthentication, then the first round. */
  async start(
    auth: ClientForAuth,
    username: string,
    deviceKey?: string,
    srpA?: bigint,
    validationData?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    const pool = auth.pool;
    if (!AuthChallengeTriggers.configured(pool)) throw customAuthNotConfigured();
    const user = await this.users.findByName(pool.id, pool.config, username);
    if (!user && !hidesExistence(auth)) throw CognitoErrors.userNotFound();
    await this.triggers.preAuthentication(pool, auth.client.id, user, username, validationData);
    // The SRP path (AuthParameters CHALLENGE_NAME=SRP_A): DefineAuthChallenge first sees SRP_A passed.
    const results: ChallengeResult[] =
      srpA === undefined ? [] : [{ challengeName: 'SRP_A', challengeResult: true }];
    return this.round(auth, { username, user }, results, deviceKey, undefined, srpA);
  }

  /** Opens a CUSTOM_CHALLENGE Session (bound to the client by the seal). */
  open(auth: ClientForAuth, blob: string): CustomAuthSession {
    const opened = this.seal.open<CustomAuthSession>('custom-auth-session', auth.client.id, blob);
    if (!opened.ok) throw invalidSession(opened.reason);
    return opened.value;
  }

  /**
   * An ANSWER to a CUSTOM_CHALLENGE: the session is used up first (a replay, even of a wrong
   * answer, is refused), the answer is counted as a guess (refused during a lockout, right or not),
   * the verifier judges it, and DefineAuthChallenge decides the next round with its result.
   */
  async answer(
    auth: ClientForAuth,
    target: CustomAuthTarget,
    session: CustomAuthSession,
    answer: string,
    deviceKey?: string,
    clientMetadata?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    const pool = auth.pool;
    if (!AuthChallengeTriggers.configured(pool)) throw customAuthNotConfigured();
    // A Session that asked for PASSWORD_VERIFIER takes nothing else.
    if (session.passwordVerifier !== undefined) throw invalidSession('invalid');
    await this.sessions.useOnce(session);
    const counted = target.user
      ? userSubject(target.user)
      : this.attempts.unknownName(pool.id, pool.config, target.username);
    let correct = false;
    await this.attempts.check('password', counted, async () => {
      correct = await this.challenges.verify(
        pool,
        auth.client.id,
        this.subjectOf(auth, target),
        session.privateChallengeParameters,
        answer,
        clientMetadata,
      );
      // A decoy's answer is never right: it locks out after as many tries as a real user's.
      return correct && target.user ? 'right' : 'wrong';
    });
    const result: ChallengeResult = {
      challengeName: 'CUSTOM_CHALLENGE',
      challengeResult: correct,
      ...(session.challengeMetadata !== undefined ? { challengeMetadata: session.challengeMetadata } : {}),
    };
    return this.round(auth, target, [...session.results, result], deviceKey, clientMetadata);
  }

  /**
   * A PASSWORD_VERIFIER in a CUSTOM_AUTH sign-in (the SRP path): taken only in a Session where
   * DefineAuthChallenge asked for it, with the SECRET_BLOCK issued in that Session. The proof is
   * checked as USER_SRP_AUTH's is (a wrong password is a failed attempt and refused there, as in
   * Cognito); a right one goes to DefineAuthChallenge as a passed PASSWORD_VERIFIER.
   */
  async answerPassword(
    auth: ClientForAuth,
    target: CustomAuthTarget,
    session: CustomAuthSession,
    proof: SrpProof,
    clientMetadata?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    const pool = auth.pool;
    if (!AuthChallengeTriggers.configured(pool)) throw customAuthNotConfigured();
    if (session.passwordVerifier === undefined || session.passwordVerifier !== digest(proof.secretBlock))
      throw invalidSession('invalid');
    await this.sessions.useOnce(session);
    const user = await this.srp.prove(auth, { ...proof, user: target.user }, (wrong) =>
      this.record(auth, wrong, 'Fail', [{ ChallengeName: 'Password', ChallengeResponse: 'Failure' }]),
    );
    const result: ChallengeResult = { challengeName: 'PASSWORD_VERIFIER', challengeResult: true };
    return this.round(
      auth,
      { username: target.username, user },
      [...session.results, result],
      proof.deviceKey,
      clientMetadata,
    );
  }

  /**
   * One round: DefineAuthChallenge decides; a failure refuses as a wrong password does; tokens
   * come only for a real user whose account may sign in (a decoy is refused here, whatever the
   * function decided); a CUSTOM_CHALLENGE is made by CreateAuthChallenge and sealed in a new
   * Session. Another challenge name is an answer idfed cannot act on.
   */
  private async round(
    auth: ClientForAuth,
    target: CustomAuthTarget,
    results: ChallengeResult[],
    deviceKey?: string,
    clientMetadata?: Record<string, string>,
    srpA?: bigint,
  ): Promise<InitiateAuthResponse> {
    const pool = auth.pool;
    const subject = this.subjectOf(auth, target);
    const decision = await this.challenges.define(pool, auth.client.id, subject, results, clientMetadata);
    // Threat protection's SignIn events of a real user (ADR 0091), written after the answer.
    const proven = passwordOutcome(results);
    if (decision.failAuthentication) {
      if (target.user) this.record(auth, target.user, 'Fail', proven);
      throw CognitoErrors.notAuthorized();
    }
    if (decision.issueTokens) {
      if (!target.user) throw CognitoErrors.notAuthorized();
      assertAccountMaySignIn(target.user);
      const result = await this.completion.signedIn(auth, target.user, deviceKey, undefined, clientMetadata);
      this.record(auth, target.user, 'Pass', proven);
      return { ChallengeParameters: {}, AuthenticationResult: result };
    }
    const ttl = auth.client.config.authSessionValidity * 60;
    // PASSWORD_VERIFIER is the answer to SRP_A only: right after it, in a sign-in that sent SRP_A.
    if (decision.challengeName === 'PASSWORD_VERIFIER' && srpA !== undefined && results.length === 1) {
      const parameters = this.srp.verifierChallenge(auth, target.user, target.username, srpA);
      const value: CustomAuthSession = {
        ...this.sessionBase(target, ttl),
        privateChallengeParameters: {},
        results,
        passwordVerifier: digest(parameters.SECRET_BLOCK),
      };
      return {
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: this.seal.seal('custom-auth-session', auth.client.id, value, ttl),
        ChallengeParameters: parameters,
      };
    }
    if (decision.challengeName !== 'CUSTOM_CHALLENGE') throw TriggerErrors.invalidResponse();
    const created = await this.challenges.create(
      pool,
      auth.client.id,
      subject,
      'CUSTOM_CHALLENGE',
      results,
      clientMetadata,
    );
    const value: CustomAuthSession = {
      ...this.sessionBase(target, ttl),
      privateChallengeParameters: created.privateChallengeParameters,
      ...(created.challengeMetadata !== undefined ? { challengeMetadata: created.challengeMetadata } : {}),
      results,
    };
    const session = this.seal.seal('custom-auth-session', auth.client.id, value, ttl);
    if (session.length > MAX_SESSION_LENGTH) throw TriggerErrors.invalidResponse();
    if (target.user) this.record(auth, target.user, 'InProgress', proven);
    return {
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: session,
      ChallengeParameters: {
        ...created.publicChallengeParameters,
        USERNAME: target.user?.username ?? target.username,
      },
    };
  }

  /**
   * A custom sign-in's event, when the pool's threat protection covers custom authentication
   * (`AdvancedSecurityAdditionalFlows`, ADR 0091).
   */
  private record(
    auth: ClientForAuth,
    user: UserEntity,
    response: AuthEventResponse,
    challengeResponses: ChallengeOutcome[],
  ): void {
    if (coversCustomAuth(auth.pool))
      this.events.record(auth.pool, user, 'SignIn', response, challengeResponses);
  }

  private sessionBase(
    target: CustomAuthTarget,
    ttl: number,
  ): Pick<CustomAuthSession, 'id' | 'sub' | 'decoyName' | 'until'> {
    return {
      id: randomUUID(),
      sub: target.user?.sub ?? '',
      ...(target.user ? {} : { decoyName: target.username }),
      until: Date.now() + ttl * 1000,
    };
  }

  private subjectOf(auth: ClientForAuth, { username, user }: CustomAuthTarget): ChallengeSubject {
    return {
      userName: user?.username ?? username,
      userAttributes: user ? eventAttributes(user) : {},
      ...(hidesExistence(auth) ? { userNotFound: !user } : {}),
    };
  }
}

/**
 * The ChallengeResponses of a custom sign-in's event: `Password` `Success` once a PASSWORD_VERIFIER
 * passed in it (the SRP path); a custom challenge has no name among Cognito's (Password, Mfa).
 */
function passwordOutcome(results: ChallengeResult[]): ChallengeOutcome[] {
  return results.some((r) => r.challengeName === 'PASSWORD_VERIFIER' && r.challengeResult)
    ? [{ ChallengeName: 'Password', ChallengeResponse: 'Success' }]
    : [];
}

function hidesExistence(auth: ClientForAuth): boolean {
  return auth.client.config.preventUserExistenceErrors === 'ENABLED';
}

function digest(secretBlock: string): string {
  return createHash('sha256').update(secretBlock).digest('base64url');
}
