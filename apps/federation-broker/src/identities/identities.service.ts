import {
  CommandMeta,
  DeleteIdentitiesRequest,
  DeleteIdentitiesResponse,
  FederationBrokerTopics,
  GetIdRequest,
  GetIdResponse,
  IdentityDeletedEvent,
  IdentityDescriptionType,
  ListIdentitiesRequest,
  ListIdentitiesResponse,
  UnlinkIdentityRequest,
} from '@idfed/contracts';
import { decodeJwt } from '@idfed/crypto';
import { OutboxService } from '@idfed/messaging';
import { keysetPage } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityEntity, IdentityLoginEntity, IdentityPoolEntity } from '../database/entities';
import { LoginsVerifier } from '../logins/logins.verifier';
import { VerifiedLogin } from '../logins/verified-login';
import { decodePageToken, encodePageToken, IdentityPoolsService } from '../pools/identity-pools.service';
import { IdentityLinks } from './identity-links';

export interface AuthenticatedIdentity {
  pool: IdentityPoolEntity;
  identityId: string;
  /** Empty for a guest. */
  logins: VerifiedLogin[];
}

/** The login key under which an app presents a token the broker issued (developer-authenticated identities). */
const BROKER_LOGIN = 'cognito-identity.amazonaws.com';

const UNAUTHENTICATED_NOT_SUPPORTED = 'Unauthenticated access is not supported for this identity pool.';

/** GetId and the identity lifecycle; `authenticate` is shared by the token and credential operations. */
export class IdentitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: IdentityPoolsService,
    private readonly verifier: LoginsVerifier,
    private readonly links: IdentityLinks,
    private readonly outbox: OutboxService,
  ) {}

  async getId(req: GetIdRequest, meta: CommandMeta): Promise<GetIdResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('AccountId', { min: 1, max: 15, pattern: /^\d+$/ })
      .stringMap('Logins', { maxEntries: 10 })
      .check();
    const pool = await this.pools.require(this.dataSource.manager, req.IdentityPoolId);
    const { [BROKER_LOGIN]: brokerToken, ...others } = req.Logins ?? {};
    if (brokerToken !== undefined) {
      // A developer-authenticated identity: the broker's own token names it; other logins join it.
      const named = decodeJwt(brokerToken)?.payload.sub;
      if (typeof named !== 'string') throw BrokerErrors.invalidLogin("Couldn't verify signed token.");
      const who = await this.authenticate(named, req.Logins, meta);
      if (who.pool.id !== pool.id) throw BrokerErrors.invalidLogin('The token is for another identity pool.');
      return { IdentityId: who.identityId };
    }
    const logins = await this.verifier.verifyAll(pool, others, meta);
    if (logins.length === 0) {
      if (!pool.config.allowUnauthenticatedIdentities)
        throw BrokerErrors.notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
      // Every guest GetId is a new identity; the SDKs keep the id and present it again.
      const identityId = await this.dataSource.transaction((m) =>
        this.links.create(m, pool.id, false, meta.requestId),
      );
      this.outbox.nudge();
      return { IdentityId: identityId };
    }
    return { IdentityId: await this.links.resolve(pool.id, logins, undefined, meta.requestId) };
  }

  /**
   * Proves the caller may act as the identity: with logins, each is verified and linked to it (a
   * guest identity becomes authenticated); without, only a guest identity of a pool that allows
   * guests qualifies.
   */
  async authenticate(
    identityId: unknown,
    loginsMap: unknown,
    meta: CommandMeta,
  ): Promise<AuthenticatedIdentity> {
    RequestValidator.of({ IdentityId: identityId, Logins: loginsMap })
      .string('IdentityId', { required: true, min: 1, max: 55, pattern: Patterns.identityId })
      .stringMap('Logins', { maxEntries: 10 })
      .check();
    const identity = await this.require(identityId as string);
    const pool = await this.pools.require(this.dataSource.manager, identity.poolId);
    const { [BROKER_LOGIN]: brokerToken, ...others } = (loginsMap as Record<string, string>) ?? {};
    const logins = await this.verifier.verifyAll(pool, others, meta);
    if (brokerToken !== undefined)
      logins.push(await this.verifier.verifyBrokerToken(pool, identity.id, brokerToken));
    if (logins.length === 0) {
      const linked = await this.dataSource.manager.count(IdentityLoginEntity, {
        where: { identityId: identity.id },
      });
      if (linked > 0) {
        throw BrokerErrors.notAuthorized(
          "Logins don't match. Please include at least one valid login for this identity or identity pool.",
        );
      }
      if (!pool.config.allowUnauthenticatedIdentities)
        throw BrokerErrors.notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
      return { pool, identityId: identity.id, logins };
    }
    const linkable = logins.filter((l) => l.linkable !== false);
    if (linkable.length > 0) await this.links.resolve(pool.id, linkable, identity.id, meta.requestId);
    return { pool, identityId: identity.id, logins };
  }

  async describe(identityId: unknown): Promise<IdentityDescriptionType> {
    RequestValidator.of({ IdentityId: identityId })
      .string('IdentityId', { required: true, min: 1, max: 55, pattern: Patterns.identityId })
      .check();
    const identity = await this.require(identityId as string);
    return this.describeEntity(identity);
  }

  async list(req: ListIdentitiesRequest): Promise<ListIdentitiesResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .integer('MaxResults', { required: true, min: 1, max: 60 })
      .check();
    await this.pools.require(this.dataSource.manager, req.IdentityPoolId);
    const { page, next } = await keysetPage(
      this.dataSource
        .getRepository(IdentityEntity)
        .createQueryBuilder('i')
        .where('i.pool_id = :poolId', { poolId: req.IdentityPoolId }),
      'i.id',
      decodePageToken(req.NextToken),
      req.MaxResults,
      (i) => i.id,
    );
    return {
      IdentityPoolId: req.IdentityPoolId,
      Identities: await Promise.all(page.map((i) => this.describeEntity(i))),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }

  async delete(req: DeleteIdentitiesRequest, meta: CommandMeta): Promise<DeleteIdentitiesResponse> {
    RequestValidator.of(req).stringList('IdentityIdsToDelete', { required: true, maxItems: 60 }).check();
    if (req.IdentityIdsToDelete.length === 0)
      throw BrokerErrors.invalidParameter('IdentityIdsToDelete is empty.');
    await this.dataSource.transaction(async (m) => {
      const found = await m.findBy(
        IdentityEntity,
        req.IdentityIdsToDelete.map((id) => ({ id })),
      );
      for (const identity of found) {
        await m.delete(IdentityEntity, { id: identity.id });
        const event: IdentityDeletedEvent = {
          identityPoolId: identity.poolId,
          identityId: identity.id,
          occurredAt: new Date().toISOString(),
        };
        await this.outbox.add(m, {
          topic: FederationBrokerTopics.identityDeleted,
          key: identity.id,
          payload: event,
          correlationId: meta.requestId,
        });
      }
    });
    this.outbox.nudge();
    return { UnprocessedIdentityIds: [] };
  }

  /** UnlinkIdentity: the caller proves the identity with a valid login, then names providers to remove. */
  async unlink(req: UnlinkIdentityRequest, meta: CommandMeta): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .stringMap('Logins', { required: true, maxEntries: 10 })
      .stringList('LoginsToRemove', { required: true, maxItems: 10 })
      .check();
    const proof = await this.authenticate(req.IdentityId, req.Logins, meta);
    if (proof.logins.length === 0)
      throw BrokerErrors.notAuthorized('Logins are required to unlink an identity.');
    await this.dataSource.transaction(async (m) => {
      const linked = await m.find(IdentityLoginEntity, { where: { identityId: proof.identityId } });
      const toRemove = linked.filter((l) => req.LoginsToRemove.includes(l.provider));
      await this.links.unlink(m, proof.pool.id, proof.identityId, toRemove, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }

  async require(identityId: string): Promise<IdentityEntity> {
    const identity = await this.dataSource.manager.findOne(IdentityEntity, { where: { id: identityId } });
    if (!identity) throw BrokerErrors.identityNotFound(identityId);
    return identity;
  }

  private async describeEntity(identity: IdentityEntity): Promise<IdentityDescriptionType> {
    const logins = await this.dataSource.manager.find(IdentityLoginEntity, {
      where: { identityId: identity.id },
    });
    return {
      IdentityId: identity.id,
      Logins: [...new Set(logins.map((l) => l.provider))],
      CreationDate: identity.createdAt.getTime() / 1000,
      LastModifiedDate: identity.updatedAt.getTime() / 1000,
    };
  }
}
