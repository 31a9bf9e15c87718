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
import { BusContext, InboxService } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { IdentitiesRepository } from '../identities/identities.repository';
import { IdentityLinks } from '../identities/identity-links';
import { UserPoolLoginVerifier } from '../logins/user-pool-login.verifier';
import { RevokedSessionsRepository } from '../user-pools/revoked-sessions.repository';
import { UserPoolKeysRepository } from '../user-pools/user-pool-keys.repository';
import { UserPoolUserStatesRepository } from '../user-pools/user-pool-user-states.repository';

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
    @Inject(UserPoolKeysRepository) private readonly poolKeys: UserPoolKeysRepository,
    @Inject(UserPoolUserStatesRepository) private readonly userStates: UserPoolUserStatesRepository,
    @Inject(RevokedSessionsRepository) private readonly revokedSessions: RevokedSessionsRepository,
  ) {}

  @EventPattern(UserDirectoryTopics.signingKeyActivated)
  async keyActivated(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(SigningKeyActivatedEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (tx) => {
      await this.poolKeys.save(
        {
          kid: event.kid,
          userPoolId: event.userPoolId,
          publicJwk: event.publicJwk,
          createdAt: new Date(event.occurredAt),
        },
        tx,
      );
    });
  }

  @EventPattern(UserDirectoryTopics.userDeleted)
  async userDeleted(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserDeletedEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (tx) => {
      await this.userStates.merge(
        event.userPoolId,
        event.sub,
        { deleted: true, disabled: false, tokensValidAfter: new Date(event.occurredAt) },
        tx,
      );
      // The user is gone: their logins leave every identity they were linked to.
      const logins = await this.identities.loginsOfUserPoolUser(event.userPoolId, event.sub, tx);
      for (const login of logins) {
        await this.links.unlink(
          tx,
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
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (tx) => {
      await this.userStates.merge(
        event.userPoolId,
        event.sub,
        { tokensValidAfter: new Date(event.tokensValidAfter) },
        tx,
      );
      await this.revokeSessions(tx, event.userPoolId, event.revokedSessions ?? [], event.occurredAt);
    });
  }

  /** RevokeToken: one session's tokens stop logging in (with ServerSideTokenCheck). */
  @EventPattern(UserDirectoryTopics.sessionRevoked)
  async sessionRevoked(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(SessionRevokedEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), (tx) =>
      this.revokeSessions(tx, event.userPoolId, [event.originJti], event.occurredAt),
    );
  }

  private async revokeSessions(
    tx: Transaction,
    userPoolId: string,
    originJtis: string[],
    at: string,
  ): Promise<void> {
    for (const originJti of originJtis) {
      await this.revokedSessions.revoke(userPoolId, originJti, new Date(at), tx);
    }
  }

  @EventPattern(UserDirectoryTopics.userDisabled)
  async disabled(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserDisabledEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), (tx) =>
      this.userStates.merge(
        event.userPoolId,
        event.sub,
        { disabled: true, tokensValidAfter: new Date(event.tokensValidAfter) },
        tx,
      ),
    );
  }

  @EventPattern(UserDirectoryTopics.userEnabled)
  async enabled(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserEnabledEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), (tx) =>
      this.userStates.merge(event.userPoolId, event.sub, { disabled: false }, tx),
    );
  }

  @EventPattern(UserDirectoryTopics.userPoolDeleted)
  async poolDeleted(@Payload() value: unknown, @Ctx() ctx: BusContext): Promise<void> {
    const event = parseMessage(UserPoolDeletedEvent, value);
    await this.inbox.processOnce(CONSUMER, ctx.getEventId(), async (tx) => {
      await this.poolKeys.deleteOfPool(event.userPoolId, tx);
    });
    this.verifier.forgetPool(event.userPoolId);
  }
}
