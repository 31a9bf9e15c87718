import { Inject, Injectable } from '@nestjs/common';
import { AuthEventRecorder } from '../risk/auth-event-recorder';
import { UserPoolTriggers } from '../triggers/user-pool-triggers';
import { timingSafeEqual } from 'node:crypto';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { PasswordCredentials } from '../users/password-credentials';
import { UsersRepository } from '../users/users.repository';
import { AuthSessionSeal } from './auth-session-seal';
import { SignInClaim } from './flows/auth-flow';
import { deviceKeyOf } from './flows/auth-parameters';
import { SignInCompletion } from './sign-in-completion';
import {
  padHex,
  parseHexOrUndefined,
  passwordClaimSignature,
  serverEphemeral,
  serverPublicB,
  serverSessionKey,
  SRP_N,
  srpPoolName,
  SrpVerifier,
} from './srp/srp';
import { parseSrpTimestamp } from './srp/srp-timestamp';

/** What SECRET_BLOCK carries from the challenge to its answer; sealed, so the client never sees b. */
export interface SecretBlockContents {
  /** The user's sub, or null for the decoy challenge of a user who does not exist. */
  sub: string | null;
  /** The server's ephemeral secret b and the client's A, hex. */
  b: string;
  A: string;
}

/** What the first step read: the name as typed and the client's A. */
export interface SrpStart {
  username: string;
  A: bigint;
  /** InitiateAuth's ClientMetadata, PreAuthentication's `validationData`. */
  validationData?: Record<string, string>;
}

/** What the answer read: the name as typed, the user it names (if any), and the opened block. */
export interface SrpProof {
  username: string;
  user: UserEntity | undefined;
  block: SecretBlockContents;
  secretBlock: string;
  signature: string;
  timestamp: string;
  /** The DEVICE_KEY of the answer, if any (ADR 0028). */
  deviceKey?: string;
}

function requireParam(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value.length === 0)
    throw CognitoErrors.invalidParameter(`Missing required parameter ${name}`);
  return value;
}

/**
 * USER_SRP_AUTH, the default sign-in of amazon-cognito-identity-js and Amplify: the password never
 * leaves the device. InitiateAuth answers PASSWORD_VERIFIER with the user's salt, the server's B
 * and a sealed SECRET_BLOCK; RespondToAuthChallenge checks the client's HMAC proof over the
 * SRP session key. No state is kept between the two steps. AuthFlows has checked that the client
 * allows USER_SRP_AUTH before either step, and the client secret between each step's `read...`
 * and its work.
 */
@Injectable()
export class UserSrpAuth {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(PasswordCredentials) private readonly credentials: PasswordCredentials,
    @Inject(UserPoolTriggers) private readonly triggers: UserPoolTriggers,
    @Inject(AuthEventRecorder) private readonly events: AuthEventRecorder,
  ) {}

  readChallenge(params: Record<string, string>): Promise<SignInClaim<SrpStart>> {
    const username = requireParam(params, 'USERNAME');
    const srpA = requireParam(params, 'SRP_A');
    const A = parseHexOrUndefined(srpA);
    if (A === undefined || A % SRP_N === 0n) throw CognitoErrors.invalidParameter('Invalid SRP_A value.');
    return Promise.resolve({ secretHashNames: [username], found: { username, A } });
  }

  async challenge(
    auth: ClientForAuth,
    { username, A, validationData }: SrpStart,
  ): Promise<InitiateAuthResponse> {
    const pool = auth.pool;
    const user = await this.users.findByName(pool.id, pool.config, username);
    if (!user && auth.client.config.preventUserExistenceErrors !== 'ENABLED') {
      throw CognitoErrors.userNotFound();
    }
    // PreAuthentication (ADR 0030) at the start of the SRP exchange, as Cognito calls it.
    await this.triggers.preAuthentication(pool, auth.client.id, user, username, validationData);
    const parameters = this.verifierChallenge(auth, user, username, A);
    if (user?.enabled && user.status === 'RESET_REQUIRED' && !this.credentials.hasPassword(user)) {
      // An imported user (ADR 0045, 0058) has no verifier to prove: Cognito asks for the reset at
      // the first step, as USER_PASSWORD_AUTH does. The challenge was built first so this answer
      // costs what any other does.
      throw new ServiceError('PasswordResetRequiredException', 'Password reset required for the user');
    }
    return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: parameters };
  }

  /**
   * PASSWORD_VERIFIER's parameters for `user` (or a decoy for the name typed): SALT, SRP_B and the
   * sealed SECRET_BLOCK. Also used by CUSTOM_AUTH's SRP path (ADR 0036), after PreAuthentication.
   */
  verifierChallenge(
    auth: ClientForAuth,
    user: UserEntity | undefined,
    username: string,
    A: bigint,
  ): Record<string, string> {
    const pool = auth.pool;
    // A user who does not exist (when the client hides that) or has no verifier yet gets a decoy
    // challenge that looks like any other and fails at the proof, as a wrong password does. The
    // decoy costs no exponentiation that a real user's challenge does not: it is read from a keyed
    // hash, as a real one is read from the database.
    const stored = user ? this.credentials.verifierOf(pool.id, user) : undefined;
    const real = stored ? user : undefined;
    const userIdForSrp = user ? user.username : username;
    const { salt, verifier } = stored ?? this.decoyVerifier(pool.id, userIdForSrp);
    const { b, B } = serverEphemeral(verifier);
    const contents: SecretBlockContents = { sub: real?.sub ?? null, b: b.toString(16), A: A.toString(16) };
    const secretBlock = this.seal.seal(
      'srp-secret-block',
      auth.client.id,
      contents,
      auth.client.config.authSessionValidity * 60,
    );
    return {
      SALT: salt,
      SECRET_BLOCK: secretBlock,
      SRP_B: B.toString(16),
      USERNAME: userIdForSrp,
      USER_ID_FOR_SRP: userIdForSrp,
    };
  }

  /** Opens SECRET_BLOCK and finds the user the answer names. */
  async readProof(auth: ClientForAuth, responses: Record<string, string>): Promise<SignInClaim<SrpProof>> {
    const username = requireParam(responses, 'USERNAME');
    const secretBlock = requireParam(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
    const signature = requireParam(responses, 'PASSWORD_CLAIM_SIGNATURE');
    const timestamp = requireParam(responses, 'TIMESTAMP');

    const opened = this.seal.open<SecretBlockContents>('srp-secret-block', auth.client.id, secretBlock);
    if (!opened.ok) {
      throw opened.reason === 'expired'
        ? CognitoErrors.notAuthorized('Invalid session for the user, session is expired.')
        : CognitoErrors.notAuthorized();
    }
    const pool = auth.pool;
    const user = await this.users.findByName(pool.id, pool.config, username);
    const deviceKey = deviceKeyOf(responses);
    const found = { username, user, block: opened.value, secretBlock, signature, timestamp, deviceKey };
    return { secretHashNames: user ? [username, user.username] : [username], found };
  }

  async verify(
    auth: ClientForAuth,
    proof: SrpProof,
    /** RespondToAuthChallenge's ClientMetadata, for PostAuthentication / PreTokenGeneration. */
    clientMetadata?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    // A real user's wrong proof is threat protection's failed sign-in (ADR 0083), written after the answer.
    const real = await this.prove(auth, proof, (user) =>
      this.events.record(auth.pool, user, 'SignIn', 'Fail', [
        { ChallengeName: 'Password', ChallengeResponse: 'Failure' },
      ]),
    );
    const answer = await this.completion.afterPasswordProof(
      auth,
      auth.pool,
      real,
      undefined,
      proof.deviceKey,
      clientMetadata,
    );
    this.events.record(auth.pool, real, 'SignIn', answer.AuthenticationResult ? 'Pass' : 'InProgress', [
      { ChallengeName: 'Password', ChallengeResponse: 'Success' },
    ]);
    return answer;
  }

  /**
   * Checks the proof: the user it proves the password of, or NotAuthorizedException. Each proof is
   * a guess on the user's password lockout counter, a success resets it. Also used by CUSTOM_AUTH's
   * SRP path (ADR 0036).
   */
  async prove(
    auth: ClientForAuth,
    { username, user, block, secretBlock, signature, timestamp }: SrpProof,
    /** Called with the real user whose proof was wrong, before the refusal. */
    onWrongProof?: (user: UserEntity) => void,
  ): Promise<UserEntity> {
    const pool = auth.pool;
    // One counter with USER_PASSWORD_AUTH: the proof is a password guess like any other.
    const subject = user ? userSubject(user) : this.attempts.unknownName(pool.id, pool.config, username);
    await this.attempts.begin('password', subject);
    const stored =
      user && block.sub !== null && user.sub === block.sub
        ? this.credentials.verifierOf(pool.id, user)
        : undefined;
    const real = stored ? user : undefined;
    const userIdForSrp = user ? user.username : username;
    // A decoy challenge is answered with the same work as a real one, so the refusal takes as long.
    const verifier = stored ? stored.verifier : this.decoyVerifier(pool.id, userIdForSrp).verifier;
    const A = BigInt(`0x${block.A}`);
    const b = BigInt(`0x${block.b}`);
    const key = serverSessionKey(A, serverPublicB(verifier, b), b, verifier);
    const expected = passwordClaimSignature(
      key ?? Buffer.alloc(16),
      srpPoolName(pool.id),
      userIdForSrp,
      Buffer.from(secretBlock, 'base64'),
      timestamp,
    );
    const given = Buffer.from(signature, 'base64');
    const proven = given.length === expected.length && timingSafeEqual(given, expected);
    if (!real || !key || !parseSrpTimestamp(timestamp) || !proven) {
      if (real) onWrongProof?.(real);
      throw CognitoErrors.notAuthorized();
    }
    await this.attempts.succeeded('password', subject);
    return real;
  }

  /**
   * A stable salt and verifier for a name without a real one, unguessable without the key. The
   * verifier is any number below N: it never leaves the server, and B = k·v + g^b hides it.
   */
  private decoyVerifier(poolId: string, userIdForSrp: string): SrpVerifier {
    const salt = this.seal.decoy(`srp-salt|${poolId}|${userIdForSrp}`, 16);
    const wide = Buffer.concat(
      Array.from({ length: 8 }, (_, i) => this.seal.decoy(`srp-verifier|${i}|${poolId}|${userIdForSrp}`, 32)),
    );
    return {
      salt: padHex(BigInt(`0x${salt.toString('hex')}`)),
      verifier: padHex(BigInt(`0x${wide.toString('hex')}`) % SRP_N),
    };
  }
}
