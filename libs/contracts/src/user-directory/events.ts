import { IsIn, IsISO8601, IsObject, IsString, Matches, IsUUID } from 'class-validator';

/** Topic names of the user directory's domain events, keyed by the user's sub. */
export const UserDirectoryTopics = {
  userSignedUp: 'user-directory.user.signed-up.v1',
  userConfirmed: 'user-directory.user.confirmed.v1',
  userDeleted: 'user-directory.user.deleted.v1',
  userPoolDeleted: 'user-directory.user-pool.deleted.v1',
  signingKeyActivated: 'user-directory.signing-key.activated.v1',
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
  @IsIn(['UNCONFIRMED', 'CONFIRMED'])
  status!: 'UNCONFIRMED' | 'CONFIRMED';
}

export class UserConfirmedEvent extends UserEventBase {
  @IsIn(['self', 'admin'])
  confirmedBy!: 'self' | 'admin';
}

export class UserDeletedEvent extends UserEventBase {}

/** A pool and all its users, clients and keys are gone; keyed by the pool id. */
export class UserPoolDeletedEvent {
  @Matches(POOL_ID)
  userPoolId!: string;

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
