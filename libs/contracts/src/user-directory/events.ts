import {
  IsArray,
  IsISO8601,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
} from 'class-validator';

/** Topic names of the user directory's domain events, keyed by the user's sub. */
export const UserDirectoryTopics = {
  userSignedUp: 'user-directory.user.signed-up.v1',
  userConfirmed: 'user-directory.user.confirmed.v1',
  userDeleted: 'user-directory.user.deleted.v1',
  userCreatedByAdmin: 'user-directory.user.admin-created.v1',
  userSignedOut: 'user-directory.user.signed-out.v1',
  sessionRevoked: 'user-directory.session.revoked.v1',
  userDisabled: 'user-directory.user.disabled.v1',
  userEnabled: 'user-directory.user.enabled.v1',
  userPoolDeleted: 'user-directory.user-pool.deleted.v1',
  userPoolSettingsChanged: 'user-directory.pool-settings.changed.v1',
  appClientChanged: 'user-directory.app-client.changed.v1',
  signingKeyActivated: 'user-directory.signing-key.activated.v1',
  userFederated: 'user-directory.user.federated.v1',
  groupChanged: 'user-directory.group.changed.v1',
  userGroupsChanged: 'user-directory.user.groups-changed.v1',
} as const;

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

/** Shared fields: which user of which pool. Never carries passwords, codes or tokens. */
abstract class UserEventBase {
  @Matches(POOL_ID)
  userPoolId!: string;

  @IsUUID()
  sub!: string;

  @IsString()
  username!: string;

  @IsISO8601()
  occurredAt!: string;
}

export class UserSignedUpEvent extends UserEventBase {
  @IsIn(['UNCONFIRMED', 'CONFIRMED', 'RESET_REQUIRED'])
  status!: 'UNCONFIRMED' | 'CONFIRMED' | 'RESET_REQUIRED';

  /** The user came from a legacy store through the pool's UserMigration trigger (ADR 0037). */
  @IsOptional()
  @IsIn([true])
  migrated?: true;

  /** The user came from a user import job's CSV file (ADR 0045), in RESET_REQUIRED. */
  @IsOptional()
  @IsIn([true])
  imported?: true;
}

/** An administrator created the user (AdminCreateUser); they sign in first with a temporary password. */
export class UserCreatedByAdminEvent extends UserEventBase {
  @IsIn(['FORCE_CHANGE_PASSWORD'])
  status!: 'FORCE_CHANGE_PASSWORD';
}

/** A provider's first sign-in created the federated user `<ProviderName>_<subject>` (ADR 0019). */
export class UserFederatedEvent extends UserEventBase {
  @IsIn(['EXTERNAL_PROVIDER'])
  status!: 'EXTERNAL_PROVIDER';

  @IsString()
  providerName!: string;
}

export class UserConfirmedEvent extends UserEventBase {
  @IsIn(['self', 'admin'])
  confirmedBy!: 'self' | 'admin';
}

export class UserDeletedEvent extends UserEventBase {}

/**
 * Every session of the user ended (GlobalSignOut, AdminUserGlobalSignOut, AdminDisableUser): tokens
 * issued before `tokensValidAfter` must no longer be honoured, refresh tokens are revoked. A token
 * verifier that caches the pool's keys (the federation broker) applies this to the user's tokens.
 */
export class UserSignedOutEvent extends UserEventBase {
  @IsISO8601()
  tokensValidAfter!: string;

  /**
   * The sessions (origin_jti of their tokens) this sign-out ended. A verifier refuses their tokens
   * whatever second they were issued in; optional, so producers before it still validate.
   */
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true })
  revokedSessions?: string[];
}

/** One session of a user ended (RevokeToken): its tokens, identified by origin_jti, are no longer honoured. */
export class SessionRevokedEvent extends UserEventBase {
  @IsUUID()
  originJti!: string;
}

/** The user can no longer sign in or refresh; their tokens were revoked at `tokensValidAfter`. */
export class UserDisabledEvent extends UserEventBase {
  @IsISO8601()
  tokensValidAfter!: string;
}

/** A disabled user may sign in again (earlier sessions stay revoked). */
export class UserEnabledEvent extends UserEventBase {}

/**
 * A user joined or left a group (AdminAddUserToGroup, AdminRemoveUserFromGroup, or DeleteGroup
 * dropping its members); keyed by the user's sub. Only for a real change: adding a member twice or
 * removing a non-member sends nothing.
 */
export class UserGroupsChangedEvent extends UserEventBase {
  @IsString()
  groupName!: string;

  @IsIn(['added', 'removed'])
  change!: 'added' | 'removed';
}

/**
 * A group's definition changed (CreateGroup, UpdateGroup, DeleteGroup); keyed by the pool id.
 * Carries what tokens take from a group (`cognito:roles`, `cognito:preferred_role`): its role ARN
 * and precedence, when set, as they are after the change (before it, for `deleted`).
 */
export class GroupChangedEvent {
  @Matches(POOL_ID)
  userPoolId!: string;

  @IsString()
  groupName!: string;

  @IsIn(['created', 'updated', 'deleted'])
  change!: 'created' | 'updated' | 'deleted';

  @IsOptional()
  @IsString()
  roleArn?: string;

  @IsOptional()
  @IsInt()
  precedence?: number;

  @IsISO8601()
  occurredAt!: string;
}

/** A pool and all its users, clients and keys are gone; keyed by the pool id. */
export class UserPoolDeletedEvent {
  @Matches(POOL_ID)
  userPoolId!: string;

  @IsISO8601()
  occurredAt!: string;
}

/**
 * UpdateUserPool changed a pool's settings; keyed by the pool id. Names the top-level members of
 * DescribeUserPool's `UserPool` whose value changed (`Policies`, `MfaConfiguration`, ...), never
 * their values: a service that needs one asks DescribeUserPool.
 */
export class UserPoolSettingsChangedEvent {
  @Matches(POOL_ID)
  userPoolId!: string;

  @IsArray()
  @IsString({ each: true })
  changed!: string[];

  @IsISO8601()
  occurredAt!: string;
}

/**
 * UpdateUserPoolClient changed an app client or DeleteUserPoolClient removed it; keyed by the pool
 * id. Carries ids only (never the client's settings or secret): every user-directory replica drops
 * the client from its cache and reads it afresh (ADR 0064).
 */
export class AppClientChangedEvent {
  @Matches(POOL_ID)
  userPoolId!: string;

  @IsString()
  @Matches(/^[\w+]+$/)
  clientId!: string;

  @IsIn(['updated', 'deleted'])
  change!: 'updated' | 'deleted';

  @IsISO8601()
  occurredAt!: string;
}

/**
 * A pool's token-signing key came into use. Carries the public JWK, so that services verifying
 * the pool's tokens (the federation broker) learn keys from the bus instead of calling back over
 * HTTP. Keyed by the pool id.
 */
export class SigningKeyActivatedEvent {
  @Matches(POOL_ID)
  userPoolId!: string;

  @IsString()
  kid!: string;

  @IsObject()
  publicJwk!: Record<string, string>;

  @IsISO8601()
  occurredAt!: string;
}
