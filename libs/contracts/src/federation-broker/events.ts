import { IsArray, IsBoolean, IsISO8601, IsObject, IsOptional, IsString, Matches } from 'class-validator';

/** Topics of the federation broker's events, keyed by identity id (pool id for pool events). */
export const FederationBrokerTopics = {
  identityCreated: 'federation-broker.identity.created.v1',
  identityLinked: 'federation-broker.identity.linked.v1',
  identityUnlinked: 'federation-broker.identity.unlinked.v1',
  identityMerged: 'federation-broker.identity.merged.v1',
  identityDeleted: 'federation-broker.identity.deleted.v1',
  identityPoolDeleted: 'federation-broker.identity-pool.deleted.v1',
  signingKeyActivated: 'federation-broker.signing-key.activated.v1',
} as const;

const IDENTITY_ID = /^[\w-]+:[0-9a-f-]+$/;

abstract class IdentityEventBase {
  @Matches(IDENTITY_ID)
  identityPoolId!: string;

  @Matches(IDENTITY_ID)
  identityId!: string;

  @IsISO8601()
  occurredAt!: string;
}

export class IdentityCreatedEvent extends IdentityEventBase {
  @IsBoolean()
  authenticated!: boolean;
}

/** A login (provider name + the user's id there, never a token) joined or left an identity. */
export class IdentityLinkedEvent extends IdentityEventBase {
  @IsString()
  provider!: string;

  @IsString()
  subject!: string;
}

export class IdentityUnlinkedEvent extends IdentityLinkedEvent {}

/**
 * `sourceIdentityId` was merged into `identityId` and no longer exists: whoever keeps data per
 * identity (device sync) moves the source's data to the destination.
 */
export class IdentityMergedEvent extends IdentityEventBase {
  @Matches(IDENTITY_ID)
  sourceIdentityId!: string;

  @IsArray()
  @IsString({ each: true })
  movedLogins!: string[];
}

export class IdentityDeletedEvent extends IdentityEventBase {}

/**
 * An identity pool was deleted, and with it every identity it had (no `identity.deleted` is sent
 * for each of them): whoever keeps data per pool or per identity of the pool (device sync) drops
 * it. Keyed by the pool id.
 */
export class IdentityPoolDeletedEvent {
  @Matches(IDENTITY_ID)
  identityPoolId!: string;

  @IsISO8601()
  occurredAt!: string;
}

/**
 * The broker's OpenID token issuer uses a new key. Credential vending asks the broker for its key
 * set over the bus instead; the event is for other verifiers that keep their own copy.
 */
export class BrokerSigningKeyActivatedEvent {
  @IsString()
  issuer!: string;

  @IsString()
  kid!: string;

  @IsObject()
  publicJwk!: Record<string, string>;

  @IsOptional()
  @IsISO8601()
  occurredAt!: string;
}
