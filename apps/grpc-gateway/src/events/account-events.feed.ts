import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  DatasetChangedEvent,
  DeviceSyncTopics,
  FederationBrokerTopics,
  GroupChangedEvent,
  GRPC_GATEWAY_EVENTS_GROUP,
  IdentityDeletedEvent,
  IdentityMergedEvent,
  InvalidMessageError,
  parseMessage,
  SessionRevokedEvent,
  SigningKeyActivatedEvent,
  UserDeletedEvent,
  UserDirectoryTopics,
  UserDisabledEvent,
  UserEnabledEvent,
  UserGroupsChangedEvent,
  UserPoolDeletedEvent,
  UserSignedOutEvent,
} from '@idfed/contracts';
import { BroadcastEvent, BroadcastSubscription, Headers, subscribeToBroadcast } from '@idfed/messaging';
import { GRPC_GATEWAY_LOGGER, GRPC_GATEWAY_OPTIONS, GrpcGatewayOptions } from '../grpc-gateway.options';
import { GrpcAccountStates, UserPoolKeys } from '../tokens/user-pool-token.verifier';

/** An account event as the AccountEvents stream sends it (idfed.events.v1.AccountEvent). */
export interface AccountEvent {
  type: AccountEventType;
  eventId: string;
  occurredAt: string;
  userPoolId: string;
  sub: string;
  username: string;
  tokensValidAfter: string;
  revokedSessions: string[];
  identityPoolId: string;
  identityId: string;
  sourceIdentityId: string;
  datasetName: string;
  syncCount: number;
  deleted: boolean;
  groupName: string;
  groupChange: GroupChange;
  groupDefinitionChange: GroupDefinitionChange;
  groupRoleArn: string;
  /** Unset (the proto3 optional field absent) when the group has no precedence. */
  groupPrecedence?: number;
  topic: string;
}

/** idfed.events.v1.GroupChange: GROUPS_CHANGED's direction; unspecified for the other types. */
export type GroupChange = 'GROUP_CHANGE_UNSPECIFIED' | 'ADDED' | 'REMOVED';

/** idfed.events.v1.GroupDefinitionChange: GROUP_CHANGED's kind; unspecified for the other types. */
export type GroupDefinitionChange = 'GROUP_DEFINITION_CHANGE_UNSPECIFIED' | 'CREATED' | 'UPDATED' | 'DELETED';
const DEFINITION_CHANGES = { created: 'CREATED', updated: 'UPDATED', deleted: 'DELETED' } as const;

export type AccountEventType =
  | 'USER_DELETED'
  | 'USER_DISABLED'
  | 'USER_ENABLED'
  | 'USER_SIGNED_OUT'
  | 'SESSION_REVOKED'
  | 'GROUPS_CHANGED'
  | 'GROUP_CHANGED'
  | 'USER_POOL_DELETED'
  | 'IDENTITY_MERGED'
  | 'IDENTITY_DELETED'
  | 'DATASET_CHANGED';

export type AccountEventListener = (event: AccountEvent) => void;

const TOPICS = [
  UserDirectoryTopics.userDeleted,
  UserDirectoryTopics.userDisabled,
  UserDirectoryTopics.userEnabled,
  UserDirectoryTopics.userSignedOut,
  UserDirectoryTopics.sessionRevoked,
  UserDirectoryTopics.userPoolDeleted,
  UserDirectoryTopics.userGroupsChanged,
  UserDirectoryTopics.groupChanged,
  UserDirectoryTopics.signingKeyActivated,
  FederationBrokerTopics.identityMerged,
  FederationBrokerTopics.identityDeleted,
  DeviceSyncTopics.datasetChanged,
];

/**
 * The events that revoke tokens, read again from this far back when a replica starts: the longest
 * an access or ID token lives (Cognito's maximum validity is one day). Older events can only
 * concern tokens that have expired anyway. Kafka must keep these topics at least this long (its
 * default retention is seven days).
 */
export const REVOCATION_REPLAY_MS = 24 * 60 * 60 * 1000;
export const REVOCATION_TOPICS = [
  UserDirectoryTopics.userDeleted,
  UserDirectoryTopics.userDisabled,
  UserDirectoryTopics.userEnabled,
  UserDirectoryTopics.userSignedOut,
  UserDirectoryTopics.sessionRevoked,
  UserDirectoryTopics.userPoolDeleted,
];

/** Event ids seen lately: a redelivered event is applied and streamed once. */
class RecentIds {
  private current = new Set<string>();
  private previous = new Set<string>();

  firstSighting(id: string): boolean {
    if (this.current.has(id) || this.previous.has(id)) return false;
    this.current.add(id);
    if (this.current.size >= 50_000) {
      this.previous = this.current;
      this.current = new Set();
    }
    return true;
  }
}

/**
 * Every replica reads the account events (a broadcast subscription: over Kafka a consumer group per
 * replica, from the latest offset, except the revocations, which it first reads again from a day
 * back): it applies them to its token-state cache and its pool keys, then hands them to the open
 * AccountEvents streams. It is ready (and SERVING) only after that replay.
 */
@Injectable()
export class AccountEventsFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: BroadcastSubscription;
  private readonly seen = new RecentIds();
  private readonly listeners = new Set<AccountEventListener>();

  constructor(
    @Inject(GrpcAccountStates) private readonly states: GrpcAccountStates,
    @Inject(UserPoolKeys) private readonly keys: UserPoolKeys,
    @Inject(GRPC_GATEWAY_OPTIONS) private readonly options: GrpcGatewayOptions,
    @Inject(GRPC_GATEWAY_LOGGER) private readonly logger: Logger,
  ) {}

  get subscribed(): boolean {
    return this.subscription !== undefined;
  }

  get streams(): number {
    return this.listeners.size;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await subscribeToBroadcast(
      this.options.transport,
      GRPC_GATEWAY_EVENTS_GROUP,
      TOPICS,
      (event) => this.handle(event),
      { topics: REVOCATION_TOPICS, sinceMs: Date.now() - REVOCATION_REPLAY_MS },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  listen(listener: AccountEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  handle(raw: BroadcastEvent): void {
    const eventId = raw.headers[Headers.eventId] ?? '';
    if (eventId && !this.seen.firstSighting(eventId)) return;
    let event: AccountEvent | undefined;
    try {
      event = this.apply(raw, eventId);
    } catch (err) {
      if (!(err instanceof InvalidMessageError)) throw err;
      this.logger.warn({ topic: raw.topic, eventId, reason: err.message }, 'ignoring an invalid event');
      return;
    }
    if (!event) return;
    for (const listener of this.listeners) listener(event);
  }

  /** Updates the caches from one event and says what the streams get (nothing for a key). */
  private apply(raw: BroadcastEvent, eventId: string): AccountEvent | undefined {
    const base = { eventId, topic: raw.topic };
    switch (raw.topic) {
      case UserDirectoryTopics.signingKeyActivated: {
        const e = parseMessage(SigningKeyActivatedEvent, raw.value);
        this.keys.add(e.userPoolId, e.kid, e.publicJwk);
        return undefined;
      }
      case UserDirectoryTopics.userDeleted: {
        const e = parseMessage(UserDeletedEvent, raw.value);
        this.states.deleted(e.userPoolId, e.sub);
        return accountEvent({ ...base, type: 'USER_DELETED', ...userOf(e) });
      }
      case UserDirectoryTopics.userDisabled: {
        const e = parseMessage(UserDisabledEvent, raw.value);
        this.states.disabled(e.userPoolId, e.sub, e.tokensValidAfter, e.occurredAt);
        return accountEvent({
          ...base,
          type: 'USER_DISABLED',
          ...userOf(e),
          tokensValidAfter: e.tokensValidAfter,
        });
      }
      case UserDirectoryTopics.userEnabled: {
        const e = parseMessage(UserEnabledEvent, raw.value);
        this.states.enabled(e.userPoolId, e.sub, e.occurredAt);
        return accountEvent({ ...base, type: 'USER_ENABLED', ...userOf(e) });
      }
      case UserDirectoryTopics.userSignedOut: {
        const e = parseMessage(UserSignedOutEvent, raw.value);
        this.states.signedOut(e.userPoolId, e.sub, e.tokensValidAfter, e.revokedSessions);
        return accountEvent({
          ...base,
          type: 'USER_SIGNED_OUT',
          ...userOf(e),
          tokensValidAfter: e.tokensValidAfter,
          revokedSessions: e.revokedSessions ?? [],
        });
      }
      case UserDirectoryTopics.sessionRevoked: {
        const e = parseMessage(SessionRevokedEvent, raw.value);
        this.states.sessionRevoked(e.userPoolId, e.sub, e.originJti);
        return accountEvent({
          ...base,
          type: 'SESSION_REVOKED',
          ...userOf(e),
          revokedSessions: [e.originJti],
        });
      }
      case UserDirectoryTopics.userGroupsChanged: {
        const e = parseMessage(UserGroupsChangedEvent, raw.value);
        return accountEvent({
          ...base,
          type: 'GROUPS_CHANGED',
          ...userOf(e),
          groupName: e.groupName,
          groupChange: e.change === 'added' ? 'ADDED' : 'REMOVED',
        });
      }
      case UserDirectoryTopics.groupChanged: {
        const e = parseMessage(GroupChangedEvent, raw.value);
        return accountEvent({
          ...base,
          type: 'GROUP_CHANGED',
          userPoolId: e.userPoolId,
          occurredAt: e.occurredAt,
          groupName: e.groupName,
          groupDefinitionChange: DEFINITION_CHANGES[e.change],
          groupRoleArn: e.change === 'deleted' ? '' : (e.roleArn ?? ''),
          ...(e.change !== 'deleted' && e.precedence !== undefined ? { groupPrecedence: e.precedence } : {}),
        });
      }
      case UserDirectoryTopics.userPoolDeleted: {
        const e = parseMessage(UserPoolDeletedEvent, raw.value);
        this.states.poolDeleted(e.userPoolId);
        this.keys.forget(e.userPoolId);
        return accountEvent({
          ...base,
          type: 'USER_POOL_DELETED',
          userPoolId: e.userPoolId,
          occurredAt: e.occurredAt,
        });
      }
      case FederationBrokerTopics.identityMerged: {
        const e = parseMessage(IdentityMergedEvent, raw.value);
        return accountEvent({
          ...base,
          type: 'IDENTITY_MERGED',
          identityPoolId: e.identityPoolId,
          identityId: e.identityId,
          sourceIdentityId: e.sourceIdentityId,
          occurredAt: e.occurredAt,
        });
      }
      case FederationBrokerTopics.identityDeleted: {
        const e = parseMessage(IdentityDeletedEvent, raw.value);
        return accountEvent({
          ...base,
          type: 'IDENTITY_DELETED',
          identityPoolId: e.identityPoolId,
          identityId: e.identityId,
          occurredAt: e.occurredAt,
        });
      }
      case DeviceSyncTopics.datasetChanged: {
        const e = parseMessage(DatasetChangedEvent, raw.value);
        return accountEvent({
          ...base,
          type: 'DATASET_CHANGED',
          identityPoolId: e.identityPoolId,
          identityId: e.identityId,
          datasetName: e.datasetName,
          syncCount: e.syncCount,
          deleted: e.deleted,
          occurredAt: e.occurredAt,
        });
      }
      default:
        return undefined;
    }
  }
}

function userOf(e: { userPoolId: string; sub: string; username: string; occurredAt: string }) {
  return { userPoolId: e.userPoolId, sub: e.sub, username: e.username, occurredAt: e.occurredAt };
}

function accountEvent(
  fields: Partial<AccountEvent> & { type: AccountEventType; eventId: string; topic: string },
): AccountEvent {
  return {
    occurredAt: '',
    userPoolId: '',
    sub: '',
    username: '',
    tokensValidAfter: '',
    revokedSessions: [],
    identityPoolId: '',
    identityId: '',
    sourceIdentityId: '',
    datasetName: '',
    syncCount: 0,
    deleted: false,
    groupName: '',
    groupChange: 'GROUP_CHANGE_UNSPECIFIED',
    groupDefinitionChange: 'GROUP_DEFINITION_CHANGE_UNSPECIFIED',
    groupRoleArn: '',
    ...fields,
  };
}
