import { Inject, Injectable, Optional } from '@nestjs/common';
import { Caller, MFADevice, VirtualMFADevice } from '@idfed/contracts';
import { matchConsecutiveTotp, matchTotp, TOTP_STEP_SECONDS, totpStep } from '@idfed/crypto';
import { ServiceError } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { AttemptCounters } from '../account/attempt-counters.repository';
import { Clock, CLOCK } from '../common/clock';
import { IamErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import { toUser } from '../users/user-shape';
import { UserLookup } from '../users/user.lookup';
import { StoredUser, UsersRepository } from '../users/users.repository';
import { MfaErrors } from './mfa-errors';
import { MfaSeeds } from './mfa-seeds';
import { MfaDevicesRepository, StoredMfaDevice } from './mfa-devices.repository';

/** IAM's quota: eight MFA devices a user (of any type). */
export const MFA_DEVICES_PER_USER = 8;
/** EnableMFADevice: the first of the two codes within two steps of now (typing both takes a step). */
export const ENABLE_WINDOW_STEPS = 2;
/** ResyncMFADevice finds a device whose clock drifted up to ten minutes either way. */
export const RESYNC_WINDOW_STEPS = 20;

/** SerialNumber as botocore's serialNumberType: 9..256 of `[\w+=/:,.@-]`. */
export function validateSerialNumber(req: object): void {
  RequestValidator.of(req)
    .string('SerialNumber', { required: true, min: 9, max: 256, pattern: /^[\w+=/:,.@-]+$/ })
    .check();
}

/** Two six-digit codes, as authenticationCodeType. */
export function validateCodes(req: object): void {
  RequestValidator.of(req)
    .string('AuthenticationCode1', { required: true, min: 6, max: 6, pattern: /^\d+$/ })
    .string('AuthenticationCode2', { required: true, min: 6, max: 6, pattern: /^\d+$/ })
    .check();
}

/**
 * What the MFA handlers and STS share (ADR 0072): the user an operation acts on (named, or the
 * caller), the device it names, the checks of its codes, and the shapes IAM answers.
 */
@Injectable()
export class VirtualMfaDevices {
  constructor(
    @Inject(MfaDevicesRepository) private readonly devices: MfaDevicesRepository,
    @Inject(MfaSeeds) private readonly seeds: MfaSeeds,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AttemptCounters) private readonly attempts: AttemptCounters,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  /**
   * Runs a check of a device's codes as one counted attempt (ADR 0084): counted as a failure before
   * it runs, forgotten when it succeeds, as the user directory counts Cognito MFA codes. While the
   * device is locked out by wrong codes even the right ones are refused, with `refusal`: the same
   * answer as a wrong code (AWS documents no other), so a lockout tells a guesser nothing more.
   * The count is its own statement, outside the caller's transaction, so a rollback keeps it.
   */
  async counted<T>(serialNumber: string, refusal: () => ServiceError, check: () => Promise<T>): Promise<T> {
    if (!(await this.attempts.begin('mfa-code', serialNumber))) throw refusal();
    let result: T;
    try {
      result = await check();
    } catch (err) {
      // Refused for another reason than its codes (no such user or device, in use, a quota).
      const wrongCode = err instanceof ServiceError && err.errorName === refusal().errorName;
      if (!wrongCode) await this.attempts.notAGuess('mfa-code', serialNumber).catch(() => undefined);
      throw err;
    }
    await this.attempts.succeeded('mfa-code', serialNumber);
    return result;
  }

  clock(): number {
    return this.now();
  }

  /**
   * The user named, else the IAM user who signed (AWS: "IAM determines the user name implicitly
   * based on the access key ID signing the request"); undefined for the account root, which has
   * no IAM user (and no virtual MFA device in idfed).
   */
  async userOf(
    userName: string | undefined,
    caller: Caller,
    tx?: Transaction,
    lock = false,
  ): Promise<StoredUser | undefined> {
    if (userName !== undefined) return this.lookup.require(userName, tx, lock);
    if (caller.kind !== 'admin') throw IamErrors.validation('UserName is required.');
    if (caller.principalArn === undefined) return undefined;
    const name = /:user\/(?:.*\/)?([^/]+)$/.exec(caller.principalArn)?.[1];
    const user = name ? await this.users.findByName(name, tx, lock) : undefined;
    if (!user || user.arn !== caller.principalArn) throw IamErrors.noSuchUser(name ?? caller.principalArn);
    return user;
  }

  /** The device assigned to the user, or NoSuchEntity (the same for a device of someone else). */
  async requireAssigned(
    serialNumber: string,
    user: StoredUser,
    tx?: Transaction,
    lock = false,
  ): Promise<StoredMfaDevice> {
    const device = await this.devices.find(serialNumber, tx, lock);
    if (!device || device.userId !== user.userId) throw MfaErrors.noSuchDevice(serialNumber);
    return device;
  }

  /** The step of AuthenticationCode1 when both codes are consecutive codes of the device near now. */
  consecutiveStep(device: StoredMfaDevice, code1: string, code2: string, window: number): number | undefined {
    const seed = this.seeds.open(device.serialNumber, device.seedEnc);
    const step = matchConsecutiveTotp(seed, code1, code2, this.now(), window);
    // Codes at or before the last accepted step were used already (a replayed enable or resync).
    return step !== undefined && (device.lastStep === null || step > device.lastStep) ? step : undefined;
  }

  /** The current step of a device whose clock is `driftSteps` off. */
  stepNow(driftSteps: number): number {
    return totpStep(this.now()) + driftSteps;
  }

  /**
   * STS's check of SerialNumber and TokenCode for an IAM user (by id; undefined for a caller with
   * no IAM user: the root, a role session): the device must be assigned to the user, the code one
   * of it near now (at the device's drift) and of a later step than any accepted before, which it
   * then uses up in one statement. Answers when the MFA was authenticated (ms since the epoch).
   * Wrong codes are counted per device (`counted`).
   */
  async authenticate(
    userId: string | undefined,
    serialNumber: string | undefined,
    code: string | undefined,
  ): Promise<number> {
    if (userId === undefined || serialNumber === undefined || code === undefined) {
      throw MfaErrors.stsUnknownDevice();
    }
    const device = await this.devices.find(serialNumber);
    if (!device || device.userId !== userId) throw MfaErrors.stsUnknownDevice();
    return this.counted(device.serialNumber, MfaErrors.stsInvalidCode, async () => {
      const now = this.now();
      const seed = this.seeds.open(device.serialNumber, device.seedEnc);
      const step = matchTotp(seed, code, now + device.driftSteps * TOTP_STEP_SECONDS * 1000);
      if (step === undefined || !(await this.devices.useStep(device.serialNumber, userId, step))) {
        throw MfaErrors.stsInvalidCode();
      }
      return now;
    });
  }

  async requireUserById(userId: string): Promise<StoredUser> {
    const user = await this.users.findById(userId);
    if (!user) throw IamErrors.noSuchUser(userId);
    return user;
  }

  static toMfaDevice(device: StoredMfaDevice, user: StoredUser): MFADevice {
    return {
      UserName: user.name,
      SerialNumber: device.serialNumber,
      EnableDate: awsTimestamp(device.enabledAt ?? device.createdAt),
    };
  }

  static toVirtualMfaDevice(device: StoredMfaDevice, user: StoredUser | undefined): VirtualMFADevice {
    return {
      SerialNumber: device.serialNumber,
      ...(user && device.enabledAt
        ? { User: toUser(user, { full: false }), EnableDate: awsTimestamp(device.enabledAt) }
        : {}),
      ...(device.tags.length ? { Tags: device.tags } : {}),
    };
  }
}
