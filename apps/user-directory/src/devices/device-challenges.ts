import { Inject, Injectable } from '@nestjs/common';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { RespondToAuthChallengeResponse } from '@idfed/contracts';
import { AttemptLimiter, userSubject } from '../attempts/attempt-limiter';
import { AuthSessionSeal } from '../auth/auth-session-seal';
import { ChallengeHandler, SignInClaim } from '../auth/flows/auth-flow';
import { SignInCompletion } from '../auth/sign-in-completion';
import {
  parseHexOrUndefined,
  passwordClaimSignature,
  serverEphemeral,
  serverPublicB,
  serverSessionKey,
  SRP_N,
} from '../auth/srp/srp';
import { parseSrpTimestamp } from '../auth/srp/srp-timestamp';
import { ClientForAuth } from '../clients/clients.service';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { MfaSessions } from '../mfa/mfa-sessions';
import { UsersRepository } from '../users/users.repository';
import { DeviceSecretBlock, DeviceSession, deviceNotFound, DeviceTracking } from './device-tracking';

function required(params: Record<string, string>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string' || value.length === 0)
    throw CognitoErrors.invalidParameter(`Missing required parameter ${name}`);
  return value;
}

function invalidSession(reason: 'expired' | 'invalid'): Error {
  return reason === 'expired'
    ? CognitoErrors.notAuthorized('Invalid session for the user, session is expired.')
    : CognitoErrors.notAuthorized('Invalid session for the user.');
}

/** The user an answer names, who must be the one its sealed session or block was issued to. */
async function userOfAnswer(
  users: UsersRepository,
  auth: ClientForAuth,
  responses: Record<string, string>,
  sealed: DeviceSession,
): Promise<{ username: string; user: UserEntity }> {
  const username = required(responses, 'USERNAME');
  const deviceKey = required(responses, 'DEVICE_KEY');
  const user = await users.findByName(auth.pool.id, auth.pool.config, username);
  if (!user || user.sub !== sealed.sub || deviceKey !== sealed.deviceKey) {
    throw CognitoErrors.notAuthorized('Invalid session for the user.');
  }
  return { username, user };
}

/** What DEVICE_SRP_AUTH's answer read: the user, the device and the client's A. */
export interface DeviceSrpStart {
  user: UserEntity;
  session: DeviceSession;
  A: bigint;
}

/**
 * DEVICE_SRP_AUTH, after a proven password from a remembered device (SignInCompletion): the client's
 * SRP_A for its device; the answer is DEVICE_PASSWORD_VERIFIER with the device's salt, the server's
 * B and a sealed SECRET_BLOCK, as USER_SRP_AUTH's first step with the device group key and device
 * key in place of the pool name and user (amazon-cognito-identity-js's getDeviceResponse).
 */
@Injectable()
export class DeviceSrpAuthChallenge implements ChallengeHandler<DeviceSrpStart> {
  readonly challenge = 'DEVICE_SRP_AUTH';

  constructor(
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(DeviceTracking) private readonly devices: DeviceTracking,
  ) {}

  async claim(
    auth: ClientForAuth,
    session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<DeviceSrpStart>> {
    const A = parseHexOrUndefined(required(responses, 'SRP_A'));
    if (A === undefined || A % SRP_N === 0n) throw CognitoErrors.invalidParameter('Invalid SRP_A value.');
    if (!session) throw CognitoErrors.invalidParameter('Missing required parameter Session');
    const opened = this.seal.open<DeviceSession>('device-session', auth.client.id, session);
    if (!opened.ok) throw invalidSession(opened.reason);
    const { username, user } = await userOfAnswer(this.users, auth, responses, opened.value);
    return { secretHashNames: [username, user.username], found: { user, session: opened.value, A } };
  }

  async answer(
    auth: ClientForAuth,
    _responses: Record<string, string>,
    { user, session, A }: DeviceSrpStart,
  ): Promise<RespondToAuthChallengeResponse> {
    const device = await this.devices.find(auth.pool, user.sub, session.deviceKey);
    if (!device || !device.remembered) throw deviceNotFound();
    const { b, B } = serverEphemeral(device.verifier);
    const ttl = auth.client.config.authSessionValidity * 60;
    const block: DeviceSecretBlock = {
      id: randomUUID(),
      sub: user.sub,
      deviceKey: device.deviceKey,
      b: b.toString(16),
      A: A.toString(16),
      until: Date.now() + ttl * 1000,
    };
    return {
      ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
      Session: this.devices.sessionFor(auth.client.id, ttl, user.sub, device.deviceKey),
      ChallengeParameters: {
        DEVICE_KEY: device.deviceKey,
        USERNAME: user.username,
        SALT: device.salt,
        SRP_B: B.toString(16),
        SECRET_BLOCK: this.seal.seal('device-secret-block', auth.client.id, block, ttl),
      },
    };
  }
}

/** What DEVICE_PASSWORD_VERIFIER's answer read. */
export interface DeviceProof {
  user: UserEntity;
  block: DeviceSecretBlock;
  secretBlock: string;
  signature: string;
  timestamp: string;
}

/**
 * DEVICE_PASSWORD_VERIFIER: the device's proof of its random password. Right, it stands in for the
 * MFA challenge when the pool's ChallengeRequiredOnNewDevice is on (else MFA follows as usual) and
 * the tokens are bound to the device. Each SECRET_BLOCK is answered once, and every answer counts
 * on the user's `mfa-code` lockout as an MFA code does; a right proof forgets the failures.
 */
@Injectable()
export class DevicePasswordVerifierChallenge implements ChallengeHandler<DeviceProof> {
  readonly challenge = 'DEVICE_PASSWORD_VERIFIER';

  constructor(
    @Inject(AuthSessionSeal) private readonly seal: AuthSessionSeal,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(DeviceTracking) private readonly devices: DeviceTracking,
    @Inject(MfaSessions) private readonly sessions: MfaSessions,
    @Inject(AttemptLimiter) private readonly attempts: AttemptLimiter,
    @Inject(SignInCompletion) private readonly completion: SignInCompletion,
  ) {}

  async claim(
    auth: ClientForAuth,
    _session: string | undefined,
    responses: Record<string, string>,
  ): Promise<SignInClaim<DeviceProof>> {
    const secretBlock = required(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
    const signature = required(responses, 'PASSWORD_CLAIM_SIGNATURE');
    const timestamp = required(responses, 'TIMESTAMP');
    const opened = this.seal.open<DeviceSecretBlock>('device-secret-block', auth.client.id, secretBlock);
    if (!opened.ok) throw invalidSession(opened.reason);
    const { username, user } = await userOfAnswer(this.users, auth, responses, opened.value);
    return {
      secretHashNames: [username, user.username],
      found: { user, block: opened.value, secretBlock, signature, timestamp },
    };
  }

  async answer(
    auth: ClientForAuth,
    _responses: Record<string, string>,
    { user, block, secretBlock, signature, timestamp }: DeviceProof,
    clientMetadata?: Record<string, string>,
  ): Promise<RespondToAuthChallengeResponse> {
    await this.sessions.useOnce({ id: block.id, until: block.until });
    const subject = userSubject(user);
    await this.attempts.begin('mfa-code', subject);
    const device = await this.devices.find(auth.pool, user.sub, block.deviceKey);
    if (!device || !device.remembered) throw deviceNotFound();
    const A = BigInt(`0x${block.A}`);
    const b = BigInt(`0x${block.b}`);
    const key = serverSessionKey(A, serverPublicB(device.verifier, b), b, device.verifier);
    const expected = passwordClaimSignature(
      key ?? Buffer.alloc(16),
      device.groupKey,
      device.deviceKey,
      Buffer.from(secretBlock, 'base64'),
      timestamp,
    );
    const given = Buffer.from(signature, 'base64');
    const proven = given.length === expected.length && timingSafeEqual(given, expected);
    if (!key || !parseSrpTimestamp(timestamp) || !proven) throw CognitoErrors.notAuthorized();
    await this.attempts.succeeded('mfa-code', subject);
    if (!user.enabled) throw CognitoErrors.notAuthorized('User is disabled.');
    if (!DeviceTracking.configOf(auth.pool)?.ChallengeRequiredOnNewDevice) {
      return this.completion.afterDevice(
        auth,
        user,
        undefined,
        device.deviceKey,
        'TokenGeneration_AuthenticateDevice',
        clientMetadata,
      );
    }
    return {
      ChallengeParameters: {},
      AuthenticationResult: await this.completion.signedIn(
        auth,
        user,
        device.deviceKey,
        'TokenGeneration_AuthenticateDevice',
        clientMetadata,
      ),
    };
  }
}
