import { randomUUID } from 'node:crypto';
import {
  FederationBrokerTopics,
  IdentityCreatedEvent,
  IdentityLinkedEvent,
  IdentityUnlinkedEvent,
} from '@idfed/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { OutboxService } from '@idfed/messaging';
import { Transaction, Transactions } from '@idfed/persistence';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../config/federation-broker.config';
import { BrokerErrors } from '../common/broker-errors';
import { IdentitiesRepository, Login, LoginAlreadyLinkedError } from './identities.repository';

export type { Login } from './identities.repository';

/**
 * The identity graph: which login belongs to which identity. A login belongs to one identity of a
 * pool at most (the table's key), so concurrent first sign-ins of one user cannot create two
 * identities: the loser of the race retries and finds the winner's.
 */
@Injectable()
export class IdentityLinks {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(OutboxService) private readonly outbox: OutboxService,
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
  ) {}

  /**
   * Returns the identity the logins belong to, linking the ones not yet linked. `target` is the
   * identity the caller presented (a guest becoming authenticated, or a known identity); without
   * it, the logins' identity is found or a new one is created. Logins of different identities
   * conflict.
   */
  async resolve(
    poolId: string,
    logins: Login[],
    target: string | undefined,
    correlationId: string,
  ): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        const identityId = await this.transactions.run((tx) =>
          this.resolveIn(tx, poolId, logins, target, correlationId),
        );
        this.outbox.nudge();
        return identityId;
      } catch (err) {
        if (!(err instanceof LoginAlreadyLinkedError) || attempt >= 3) throw err;
      }
    }
  }

  private async resolveIn(
    tx: Transaction,
    poolId: string,
    logins: Login[],
    target: string | undefined,
    correlationId: string,
  ): Promise<string> {
    const owned = await this.identities.lockLogins(poolId, logins, tx);
    const owners = [...new Set(owned.map((o) => o.identityId))];
    if (target && owners.some((o) => o !== target)) {
      throw BrokerErrors.conflict('A login in the request is already linked to another identity.');
    }
    if (owners.length > 1)
      throw BrokerErrors.conflict('The logins in the request belong to different identities.');
    const identityId =
      target ?? owners[0] ?? (await this.create(tx, poolId, logins.length > 0, correlationId));
    const linked = new Set(owned.map((o) => `${o.provider}\u0000${o.subject}`));
    const now = new Date();
    for (const login of logins.filter((l) => !linked.has(`${l.provider}\u0000${l.subject}`))) {
      await this.identities.insertLogin({ poolId, ...login, identityId, createdAt: now }, tx);
      const event: IdentityLinkedEvent = {
        identityPoolId: poolId,
        identityId,
        ...login,
        occurredAt: now.toISOString(),
      };
      await this.outbox.add(tx, {
        topic: FederationBrokerTopics.identityLinked,
        key: identityId,
        payload: event,
        correlationId,
      });
    }
    if (linked.size < logins.length) await this.identities.touch(identityId, now, tx);
    return identityId;
  }

  async create(
    tx: Transaction,
    poolId: string,
    authenticated: boolean,
    correlationId: string,
  ): Promise<string> {
    // An identity lives in its pool's region, and its id says so as Cognito's do (ADR 0032).
    const id = `${regionOfPool(poolId) ?? this.config.region}:${randomUUID()}`;
    const now = new Date();
    await this.identities.insert({ id, poolId, createdAt: now, updatedAt: now }, tx);
    const event: IdentityCreatedEvent = {
      identityPoolId: poolId,
      identityId: id,
      authenticated,
      occurredAt: now.toISOString(),
    };
    await this.outbox.add(tx, {
      topic: FederationBrokerTopics.identityCreated,
      key: id,
      payload: event,
      correlationId,
    });
    return id;
  }

  /** Removes links; each removal is an event. */
  async unlink(
    tx: Transaction,
    poolId: string,
    identityId: string,
    logins: Login[],
    correlationId: string,
  ): Promise<void> {
    const now = new Date().toISOString();
    for (const login of logins) {
      const { provider, subject } = login;
      if (!(await this.identities.deleteLogin(poolId, identityId, login, tx))) continue;
      const event: IdentityUnlinkedEvent = {
        identityPoolId: poolId,
        identityId,
        provider,
        subject,
        occurredAt: now,
      };
      await this.outbox.add(tx, {
        topic: FederationBrokerTopics.identityUnlinked,
        key: identityId,
        payload: event,
        correlationId,
      });
    }
    await this.identities.touch(identityId, new Date(), tx);
  }
}

/** The region an identity pool id names (`<region>:<uuid>`). */
function regionOfPool(poolId: string): string | undefined {
  const at = poolId.indexOf(':');
  return at > 0 ? poolId.slice(0, at) : undefined;
}
