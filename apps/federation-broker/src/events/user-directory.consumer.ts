import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  parseMessage,
  SessionRevokedEvent,
  SigningKeyActivatedEvent,
  UserDeletedEvent,
  UserDirectoryTopics,
  UserDisabledEvent,
  UserEnabledEvent,
  UserPoolDeletedEvent,
  UserSignedOutEvent,
} from '@idfed/contracts';
import { EntityManager } from 'typeorm';
import { BusContext, InboxService } from '@idfed/messaging';
import { RevokedSessionEntity, UserPoolKeyEntity } from '../database/entities';
import { IdentitiesRepository } from '../identities/identities.repository';
import { IdentityLinks } from '../identities/identity-links';
import { UserPoolLoginVerifier } from '../logins/user-pool-login.verifier';

const CONSUMER = 'federation-broker.user-directory';

/**
 * What the broker learns from the user directory: its pools' signing keys (to verify ID tokens
 * without calling back) and users that were deleted (their logins are unlinked, and their tokens
 * no longer log in when the identity pool asks for the server-side check). Each event applies
 * once (inbox).
 */
@Controller()
export class UserDirectoryConsumer {
  constructor(
    @Inject(InboxService) private readonly inbox: InboxService,
    @Inject(UserPoolLoginVerifier) private readonly verifier: UserPoolLoginVerifier,
    @Inject(IdentityLinks) private readonly links: IdentityLinks,
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
  ) {}

  @EventPattern(UserDirectoryTopics.signingKeyActivated)
  async keyActivated(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(SigningKeyActivatedEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (m) => {
      await m.upsert(
        UserPoolKeyEntity,
        {
          kid: event.kid,
          userPoolId: event.userPoolId,
          publicJwk: event.publicJwk,
          createdAt: new Date(event.occurredAt),
        },
        ['kid'],
      );
    });
  }

  @EventPattern(UserDirectoryTopics.userDeleted)
  async userDeleted(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserDeletedEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (m) => {
      await this.updateState(m, event.userPoolId, event.sub, {
        deleted: true,
        disabled: false,
        tokensValidAfter: new Date(event.occurredAt),
      });
      // The user is gone: their logins leave every identity they were linked to.
      const logins = await this.identities.loginsOfUserPoolUser(event.userPoolId, event.sub, m);
      for (const login of logins) {
        await this.links.unlink(
          m,
          login.poolId,
          login.identityId,
          [login],
          ctx.getCorrelationId() ?? ctx.getEventId(),
        );
      }
    });
  }

  /** Global sign-out: tokens issued before it no longer log in (with ServerSideTokenCheck). */
  @EventPattern(UserDirectoryTopics.userSignedOut)
  async signedOut(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserSignedOutEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (m) => {
      await this.updateState(m, event.userPoolId, event.sub, {
        tokensValidAfter: new Date(event.tokensValidAfter),
      });
      await this.revokeSessions(m, event.userPoolId, event.revokedSessions ?? [], event.occurredAt);
    });
  }

  /** RevokeToken: one session's tokens stop logging in (with ServerSideTokenCheck). */
  @EventPattern(UserDirectoryTopics.sessionRevoked)
  async sessionRevoked(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(SessionRevokedEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), (m) =>
      this.revokeSessions(m, event.userPoolId, [event.originJti], event.occurredAt),
    );
  }

  private async revokeSessions(
    m: EntityManager,
    userPoolId: string,
    originJtis: string[],
    at: string,
  ): Promise<void> {
    for (const originJti of originJtis) {
      await m.upsert(RevokedSessionEntity, { userPoolId, originJti, revokedAt: new Date(at) }, [
        'userPoolId',
        'originJti',
      ]);
    }
  }

  @EventPattern(UserDirectoryTopics.userDisabled)
  async disabled(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserDisabledEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), (m) =>
      this.updateState(m, event.userPoolId, event.sub, {
        disabled: true,
        tokensValidAfter: new Date(event.tokensValidAfter),
      }),
    );
  }

  @EventPattern(UserDirectoryTopics.userEnabled)
  async enabled(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserEnabledEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), (m) =>
      this.updateState(m, event.userPoolId, event.sub, { disabled: false }),
    );
  }

  /**
   * Merges a change into what the broker knows of a user, in one statement. A user's events come on
   * several topics and apply concurrently (AdminDisableUser sends a sign-out and a disable at once):
   * reading the row and then writing it back let one event overwrite the other's change, and the
   * fault suite found disables lost that way. Revocation times only move forward, so a late or
   * replayed older event cannot undo a newer sign-out; a deleted user stays deleted.
   */
  private async updateState(
    m: EntityManager,
    userPoolId: string,
    sub: string,
    change: { disabled?: boolean; deleted?: boolean; tokensValidAfter?: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO federation_broker.user_pool_user_states AS s
              (user_pool_id, sub, deleted, disabled, tokens_valid_after, updated_at)
       VALUES ($1, $2, COALESCE($3::boolean, false), COALESCE($4::boolean, false), $5::timestamptz, now())
       ON CONFLICT (user_pool_id, sub) DO UPDATE SET
         deleted = s.deleted OR EXCLUDED.deleted,
         disabled = COALESCE($4::boolean, s.disabled),
         tokens_valid_after = GREATEST(s.tokens_valid_after, EXCLUDED.tokens_valid_after),
         updated_at = now()`,
      [userPoolId, sub, change.deleted ?? null, change.disabled ?? null, change.tokensValidAfter ?? null],
    );
  }

  @EventPattern(UserDirectoryTopics.userPoolDeleted)
  async poolDeleted(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserPoolDeletedEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (m) => {
      await m.delete(UserPoolKeyEntity, { userPoolId: event.userPoolId });
    });
    this.verifier.forgetPool(event.userPoolId);
  }
}
