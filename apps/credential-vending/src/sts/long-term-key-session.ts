import { Inject, Injectable, Optional } from '@nestjs/common';
import { Caller, Credentials } from '@idfed/contracts';
import {
  LongTermKeySession,
  newSecretAccessKey,
  newTemporaryAccessKeyId,
  SessionTag,
  SessionTokenCodec,
  USER_ACCESS_KEY_ID,
} from '@idfed/session-credentials';
import { IamArns } from '../common/arns';
import { Clock, CLOCK } from '../common/clock';
import { StsErrors } from '../common/iam-errors';
import { awsTimestamp } from '../common/timestamps';
import { UsersRepository } from '../users/users.repository';

/** Sessions of the account root (the admin key) last an hour at most, as on AWS. */
export const ROOT_SESSION_MAX_SECONDS = 3600;
/** GetSessionToken's and GetFederationToken's default for an IAM user: 12 hours. */
export const USER_SESSION_DEFAULT_SECONDS = 43_200;

/** The long-term key a GetSessionToken / GetFederationToken request was signed with, and whose it is. */
export interface LongTermKeyCaller {
  /** The admin key (the account root) or an IAM user's active `AKIA` key. */
  accessKeyId: string;
  root: boolean;
  /** The user's ARN, or the root's. */
  arn: string;
  /** The user's `AIDA` id, or the account id for the root. */
  id: string;
  /** The user's name; the account id for the root. */
  name: string;
}

/**
 * Finds who signed a GetSessionToken / GetFederationToken request and mints the session for them
 * (ADR 0039). Only long-term keys may ask: AWS refuses both operations to temporary credentials,
 * with the wording used here. The token seals the parent key's id; the gateway honours the session
 * only while that key is active, so deleting or deactivating an IAM user's key ends its sessions.
 */
@Injectable()
export class LongTermKeySessions {
  constructor(
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(SessionTokenCodec) private readonly codec: SessionTokenCodec,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async callerOf(
    caller: Caller,
    operation: 'GetSessionToken' | 'GetFederationToken',
  ): Promise<LongTermKeyCaller> {
    const sessionCredentials = () =>
      StsErrors.accessDenied(`Cannot call ${operation} with session credentials`);
    if (caller.kind === 'temporary') throw sessionCredentials();
    if (caller.kind !== 'admin')
      throw StsErrors.accessDenied(`${operation} must be signed with credentials.`);
    if (caller.principalArn === undefined) {
      const root = this.arns.root();
      return {
        accessKeyId: caller.accessKeyId,
        root: true,
        arn: root,
        id: this.arns.accountId,
        name: this.arns.accountId,
      };
    }
    // The gateway forwards an IAM user's request as the admin caller naming the user; a session of
    // that user (an ASIA key) is refused like any temporary credentials.
    if (!USER_ACCESS_KEY_ID.test(caller.accessKeyId)) throw sessionCredentials();
    const key = await this.users.findAccessKey(caller.accessKeyId);
    const user = key ? await this.users.findById(key.userId) : undefined;
    if (!key || !user || key.status !== 'Active' || user.arn !== caller.principalArn) {
      throw StsErrors.accessDenied(
        `User: ${caller.principalArn} is not authorized to perform: sts:${operation}`,
      );
    }
    return { accessKeyId: key.accessKeyId, root: false, arn: user.arn, id: user.userId, name: user.name };
  }

  /** The requested duration, capped at an hour for the root as AWS caps it (not an error). */
  durationFor(caller: LongTermKeyCaller, requested: number | undefined): number {
    if (caller.root) return Math.min(requested ?? ROOT_SESSION_MAX_SECONDS, ROOT_SESSION_MAX_SECONDS);
    return requested ?? USER_SESSION_DEFAULT_SECONDS;
  }

  issue(
    caller: LongTermKeyCaller,
    durationSeconds: number,
    kind: LongTermKeySession['kind'],
    extra: {
      federatedName?: string;
      sessionPolicies?: string[];
      sessionTags?: SessionTag[];
      /** When an MFA code was accepted for this session (ADR 0072). */
      mfaAuthenticatedAt?: number;
    } = {},
  ): Credentials {
    const issuedAt = this.now();
    const accessKeyId = newTemporaryAccessKeyId();
    const secretAccessKey = newSecretAccessKey();
    const expiresAt = issuedAt + durationSeconds * 1000;
    const token = this.codec.seal({
      accessKeyId,
      secretAccessKey,
      roleArn: caller.arn,
      roleId: caller.id,
      sessionName: extra.federatedName ?? caller.name,
      subject: caller.arn,
      provider: caller.arn,
      issuedAt,
      expiresAt,
      ...(extra.sessionPolicies?.length ? { sessionPolicies: extra.sessionPolicies } : {}),
      ...(extra.sessionTags?.length ? { sessionTags: extra.sessionTags } : {}),
      ...(extra.mfaAuthenticatedAt !== undefined ? { mfaAuthenticatedAt: extra.mfaAuthenticatedAt } : {}),
      longTermKey: {
        kind,
        parentAccessKeyId: caller.accessKeyId,
        ...(extra.federatedName !== undefined ? { federatedName: extra.federatedName } : {}),
      },
    });
    return {
      AccessKeyId: accessKeyId,
      SecretAccessKey: secretAccessKey,
      SessionToken: token,
      Expiration: awsTimestamp(expiresAt),
    };
  }
}
