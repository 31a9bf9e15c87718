import {
  CommandMeta,
  FederationBrokerTopics,
  GetOpenIdTokenForDeveloperIdentityRequest,
  GetOpenIdTokenResponse,
  IdentityMergedEvent,
  LookupDeveloperIdentityRequest,
  LookupDeveloperIdentityResponse,
  MergeDeveloperIdentitiesRequest,
  MergeDeveloperIdentitiesResponse,
  UnlinkDeveloperIdentityRequest,
} from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { keysetPage } from '@idfed/persistence';
import { DataSource } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityEntity, IdentityLoginEntity, IdentityPoolEntity } from '../database/entities';
import { LoginsVerifier } from '../logins/logins.verifier';
import { decodePageToken, encodePageToken, IdentityPoolsService } from '../pools/identity-pools.service';
import { MAX_DEVELOPER_TOKEN_SECONDS, OpenIdTokenIssuer } from '../tokens/openid-token.issuer';
import { IdentityLinks, Login } from './identity-links';

/**
 * Developer-authenticated identities: the app's backend, signed with the admin key, vouches for
 * its own users (the developer provider), so their identifiers are trusted without a token.
 */
export class DeveloperIdentitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly pools: IdentityPoolsService,
    private readonly links: IdentityLinks,
    private readonly verifier: LoginsVerifier,
    private readonly tokens: OpenIdTokenIssuer,
    private readonly outbox: OutboxService,
  ) {}

  private developerProvider(pool: IdentityPoolEntity): string {
    const name = pool.config.developerProviderName;
    if (!name) throw BrokerErrors.invalidParameter('This identity pool has no developer provider name.');
    return name;
  }

  async openIdToken(
    req: GetOpenIdTokenForDeveloperIdentityRequest,
    meta: CommandMeta,
  ): Promise<GetOpenIdTokenResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('IdentityId', { min: 1, max: 55, pattern: Patterns.identityId })
      .stringMap('Logins', { required: true, maxEntries: 10 })
      .stringMap('PrincipalTags', { maxEntries: 50 })
      .integer('TokenDuration', { min: 1, max: MAX_DEVELOPER_TOKEN_SECONDS })
      .check();
    const pool = await this.pools.require(this.dataSource.manager, req.IdentityPoolId);
    const developer = this.developerProvider(pool);
    const { [developer]: userIdentifier, ...others } = req.Logins;
    if (!userIdentifier)
      throw BrokerErrors.invalidParameter(`Logins must name the developer provider ${developer}.`);
    RequestValidator.of({ DeveloperUserIdentifier: userIdentifier })
      .string('DeveloperUserIdentifier', { min: 1, max: 1024, pattern: Patterns.developerUserIdentifier })
      .check();
    const verified = await this.verifier.verifyAll(pool, others, meta);
    const logins: Login[] = [{ provider: developer, subject: userIdentifier }, ...verified];
    if (req.IdentityId) {
      const identity = await this.dataSource.manager.findOne(IdentityEntity, {
        where: { id: req.IdentityId },
      });
      if (!identity || identity.poolId !== pool.id) throw BrokerErrors.identityNotFound(req.IdentityId);
      const existing = await this.dataSource.manager.findOne(IdentityLoginEntity, {
        where: { poolId: pool.id, provider: developer, subject: userIdentifier },
      });
      if (existing && existing.identityId !== req.IdentityId)
        throw BrokerErrors.developerUserAlreadyRegistered();
    }
    const identityId = await this.links.resolve(pool.id, logins, req.IdentityId, meta.requestId);
    const token = await this.tokens.issue({
      identityPoolId: pool.id,
      identityId,
      amr: [
        'authenticated',
        developer,
        `${developer}:${pool.id}:${userIdentifier}`,
        ...verified.flatMap((l) => l.amr),
      ],
      principalTags: req.PrincipalTags,
      lifetimeSeconds: req.TokenDuration,
    });
    return { IdentityId: identityId, Token: token };
  }

  async lookup(req: LookupDeveloperIdentityRequest): Promise<LookupDeveloperIdentityResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('IdentityId', { min: 1, max: 55, pattern: Patterns.identityId })
      .string('DeveloperUserIdentifier', { min: 1, max: 1024 })
      .integer('MaxResults', { min: 1, max: 60 })
      .check();
    // A token it did not issue is refused before anything is looked up, as on every List operation.
    const after = decodePageToken(req.NextToken);
    const pool = await this.pools.require(this.dataSource.manager, req.IdentityPoolId);
    const developer = this.developerProvider(pool);
    let identityId = req.IdentityId;
    if (req.DeveloperUserIdentifier) {
      const link = await this.dataSource.manager.findOne(IdentityLoginEntity, {
        where: { poolId: pool.id, provider: developer, subject: req.DeveloperUserIdentifier },
      });
      if (!link || (identityId && link.identityId !== identityId)) {
        throw BrokerErrors.notFound('No identity is linked to that developer user identifier.');
      }
      identityId = link.identityId;
    }
    if (!identityId) throw BrokerErrors.invalidParameter('Give IdentityId or DeveloperUserIdentifier.');
    const max = req.MaxResults ?? 60;
    const { page, next } = await keysetPage(
      this.dataSource
        .getRepository(IdentityLoginEntity)
        .createQueryBuilder('l')
        .where('l.identity_id = :identityId AND l.provider = :developer', { identityId, developer }),
      'l.subject',
      after,
      max,
      (l) => l.subject,
    );
    if (
      page.length === 0 &&
      !after &&
      !(await this.dataSource.manager.findOne(IdentityEntity, { where: { id: identityId } }))
    ) {
      throw BrokerErrors.identityNotFound(identityId);
    }
    return {
      IdentityId: identityId,
      DeveloperUserIdentifierList: page.map((r) => r.subject),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }

  /** Moves every login of the source user's identity to the destination user's identity, then deletes the source. */
  async merge(
    req: MergeDeveloperIdentitiesRequest,
    meta: CommandMeta,
  ): Promise<MergeDeveloperIdentitiesResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('SourceUserIdentifier', { required: true, min: 1, max: 1024 })
      .string('DestinationUserIdentifier', { required: true, min: 1, max: 1024 })
      .string('DeveloperProviderName', { required: true, min: 1, max: 128 })
      .check();
    const identityId = await this.dataSource.transaction(async (m) => {
      const pool = await this.pools.require(m, req.IdentityPoolId);
      if (this.developerProvider(pool) !== req.DeveloperProviderName) {
        throw BrokerErrors.invalidParameter('DeveloperProviderName does not match the identity pool.');
      }
      const find = (subject: string) =>
        m.findOne(IdentityLoginEntity, {
          where: { poolId: pool.id, provider: req.DeveloperProviderName, subject },
          lock: { mode: 'pessimistic_write' },
        });
      const [source, destination] = [
        await find(req.SourceUserIdentifier),
        await find(req.DestinationUserIdentifier),
      ];
      if (!source || !destination) throw BrokerErrors.notFound('Developer user identifier not found.');
      if (source.identityId === destination.identityId) return destination.identityId;
      const moved = await m.find(IdentityLoginEntity, { where: { identityId: source.identityId } });
      await m.update(
        IdentityLoginEntity,
        { identityId: source.identityId },
        { identityId: destination.identityId },
      );
      await m.delete(IdentityEntity, { id: source.identityId });
      await m.update(IdentityEntity, { id: destination.identityId }, { updatedAt: new Date() });
      const event: IdentityMergedEvent = {
        identityPoolId: pool.id,
        identityId: destination.identityId,
        sourceIdentityId: source.identityId,
        movedLogins: moved.map((l) => l.provider),
        occurredAt: new Date().toISOString(),
      };
      await this.outbox.add(m, {
        topic: FederationBrokerTopics.identityMerged,
        key: destination.identityId,
        payload: event,
        correlationId: meta.requestId,
      });
      return destination.identityId;
    });
    this.outbox.nudge();
    return { IdentityId: identityId };
  }

  async unlink(req: UnlinkDeveloperIdentityRequest, meta: CommandMeta): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('IdentityId', { required: true, min: 1, max: 55, pattern: Patterns.identityId })
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('DeveloperProviderName', { required: true, min: 1, max: 128 })
      .string('DeveloperUserIdentifier', { required: true, min: 1, max: 1024 })
      .check();
    await this.dataSource.transaction(async (m) => {
      const pool = await this.pools.require(m, req.IdentityPoolId);
      if (this.developerProvider(pool) !== req.DeveloperProviderName) {
        throw BrokerErrors.invalidParameter('DeveloperProviderName does not match the identity pool.');
      }
      const link = await m.findOne(IdentityLoginEntity, {
        where: { poolId: pool.id, provider: req.DeveloperProviderName, subject: req.DeveloperUserIdentifier },
      });
      if (!link || link.identityId !== req.IdentityId) throw BrokerErrors.identityNotFound(req.IdentityId);
      await this.links.unlink(m, pool.id, req.IdentityId, [link], meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
