import { Inject, Injectable } from '@nestjs/common';
import {
  AttributeType,
  ConfirmDeviceRequest,
  ConfirmDeviceResponse,
  DeviceType,
  ListDevicesResponse,
  SessionRevokedEvent,
  UserDirectoryTopics,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { RefreshTokensRepository } from '../auth/refresh-tokens.repository';
import { SRP_N } from '../auth/srp/srp';
import { CognitoErrors } from '../common/cognito-errors';
import { RequestValidator as AwsRequestValidator } from '@idfed/aws-protocol';
import { RequestValidator } from '../common/validate';
import { UserEntity, UserPoolEntity } from '../database/entities';
import { deviceNotFound, DeviceTracking } from './device-tracking';
import { DeviceRow, DevicesCursor, DevicesRepository } from './devices.repository';

/** DeviceKeyType as botocore declares it. */
export const DEVICE_KEY_MEMBER = { required: true, min: 1, max: 55, pattern: /^[\w-]+_[0-9a-f-]+$/ };
const DEFAULT_LIMIT = 60;
/** The longest salt and verifier taken: a 3072-bit verifier is 384 bytes (385 padded). */
const MAX_VERIFIER_BYTES = 385;
const MAX_SALT_BYTES = 64;

/**
 * The device operations' common work (ADR 0028), for the user an access token or an administrator
 * names: every lookup is of that user's devices, so another user's (or pool's) device key is
 * answered as a key that does not exist.
 */
@Injectable()
export class Devices {
  constructor(
    @Inject(DevicesRepository) private readonly devices: DevicesRepository,
    @Inject(DeviceTracking) private readonly tracking: DeviceTracking,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  /**
   * ConfirmDevice: the device key must be the one the access token was issued with (its
   * `device_key` claim, which only idfed can sign), so a user confirms only the device they signed
   * in from, and the group key is recomputed rather than stored at sign-in.
   */
  async confirm(
    pool: UserPoolEntity,
    user: UserEntity,
    tokenDeviceKey: unknown,
    req: ConfirmDeviceRequest,
    sourceIp: string | undefined,
  ): Promise<ConfirmDeviceResponse> {
    const config = DeviceTracking.configOf(pool);
    if (!config || tokenDeviceKey !== req.DeviceKey) throw deviceNotFound();
    const salt = hexOfBase64(req.DeviceSecretVerifierConfig?.Salt, MAX_SALT_BYTES);
    const verifier = hexOfBase64(req.DeviceSecretVerifierConfig?.PasswordVerifier, MAX_VERIFIER_BYTES);
    const v = verifier === undefined ? 0n : BigInt(`0x${verifier}`);
    if (salt === undefined || verifier === undefined || v === 0n || v >= SRP_N) {
      throw CognitoErrors.invalidParameter('Invalid DeviceSecretVerifierConfig.');
    }
    const remembered = !config.DeviceOnlyRememberedOnUserPrompt;
    const stored = await this.devices.insert(
      {
        deviceKey: req.DeviceKey,
        poolId: pool.id,
        userSub: user.sub,
        groupKey: this.tracking.groupKeyOf(req.DeviceKey),
        salt,
        verifier,
        name: req.DeviceName ?? null,
        remembered,
        lastIp: sourceIp ?? null,
      },
      new Date(),
    );
    if (stored === 'exists') throw CognitoErrors.invalidParameter('Device has already been confirmed.');
    return { UserConfirmationNecessary: config.DeviceOnlyRememberedOnUserPrompt };
  }

  async get(user: UserEntity, deviceKey: string): Promise<DeviceType> {
    const device = await this.devices.find(user.poolId, user.sub, deviceKey);
    if (!device) throw deviceNotFound();
    return toDeviceType(device);
  }

  async list(
    user: UserEntity,
    limit: number | undefined,
    token: string | undefined,
  ): Promise<ListDevicesResponse> {
    const size = limit && limit > 0 ? limit : DEFAULT_LIMIT;
    const after = token === undefined ? undefined : cursorOf(token);
    const rows = await this.devices.listOf(user.sub, size, after);
    const page = rows.slice(0, size);
    const last = page[page.length - 1];
    return {
      Devices: page.map(toDeviceType),
      ...(rows.length > size && last ? { PaginationToken: tokenOf(last) } : {}),
    };
  }

  async setStatus(user: UserEntity, deviceKey: string, status: string | undefined): Promise<void> {
    const changed = await this.devices.setRemembered(
      user.sub,
      deviceKey,
      status === 'remembered',
      new Date(),
    );
    if (!changed) throw deviceNotFound();
  }

  /**
   * Forgets the device and ends the sessions issued to it (their refresh tokens and, through
   * origin_jti, their access tokens), announced as RevokeToken announces one, in one transaction.
   */
  async forget(user: UserEntity, deviceKey: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.devices.forget(user.sub, deviceKey, tx))) throw deviceNotFound();
      const now = new Date();
      for (const ended of await this.refreshTokens.revokeOfDevice(deviceKey, now, tx)) {
        const event: SessionRevokedEvent = {
          userPoolId: user.poolId,
          sub: user.sub,
          username: ended.username,
          originJti: ended.originJti,
          occurredAt: now.toISOString(),
        };
        await this.outbox.add(tx, {
          topic: UserDirectoryTopics.sessionRevoked,
          key: user.sub,
          payload: event,
        });
      }
    });
    this.outbox.nudge();
  }
}

/** Validates the members every device operation shares. */
export function checkDeviceRequest(req: object, extra?: (v: AwsRequestValidator) => void): void {
  const v = RequestValidator.of(req).string('DeviceKey', DEVICE_KEY_MEMBER);
  extra?.(v);
  v.check();
}

function hexOfBase64(value: unknown, maxBytes: number): string | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length === 0 || bytes.length > maxBytes) return undefined;
  return bytes.toString('hex');
}

function toDeviceType(d: DeviceRow): DeviceType {
  const attributes: AttributeType[] = [{ Name: 'device_status', Value: 'valid' }];
  if (d.name !== null) attributes.push({ Name: 'device_name', Value: d.name });
  attributes.push({
    Name: 'dev:device_remembered_status',
    Value: d.remembered ? 'remembered' : 'not_remembered',
  });
  if (d.lastIp !== null) attributes.push({ Name: 'last_ip_used', Value: d.lastIp });
  return {
    DeviceKey: d.deviceKey,
    DeviceAttributes: attributes,
    DeviceCreateDate: d.createdAt.getTime() / 1000,
    DeviceLastModifiedDate: d.lastModifiedAt.getTime() / 1000,
    ...(d.lastAuthenticatedAt ? { DeviceLastAuthenticatedDate: d.lastAuthenticatedAt.getTime() / 1000 } : {}),
  };
}

function tokenOf(d: DeviceRow): string {
  return Buffer.from(JSON.stringify({ c: d.createdAt.getTime(), k: d.deviceKey })).toString('base64url');
}

function cursorOf(token: string): DevicesCursor {
  const invalid = () => CognitoErrors.invalidParameter('Invalid pagination token.');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { c, k } = (parsed ?? {}) as { c?: unknown; k?: unknown };
  if (typeof c !== 'number' || !Number.isSafeInteger(c) || typeof k !== 'string' || k.length > 55)
    throw invalid();
  return { createdAt: new Date(c), deviceKey: k };
}
