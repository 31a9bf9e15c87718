import { randomUUID } from 'node:crypto';
import {
  CreateIdentityPoolRequest,
  GetIdentityPoolRolesResponse,
  IdentityPoolType,
  ListIdentityPoolsRequest,
  ListIdentityPoolsResponse,
  SetIdentityPoolRolesRequest,
  UpdateIdentityPoolRequest,
} from '@idfed/contracts';
import { decodePageToken as decodeKeysetToken, encodePageToken, keysetPage } from '@idfed/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityPoolEntity } from '../database/entities';
import { validateRoleMappings } from '../roles/role-mappings.validation';
import { identityPoolConfigFrom, toIdentityPoolType } from './identity-pool-config';

/** Pagination tokens are opaque to clients: one the broker did not issue is refused. */
export function decodePageToken(token: unknown): string | undefined {
  return decodeKeysetToken(token, () => BrokerErrors.invalidParameter('Invalid NextToken.'));
}

export { encodePageToken };

/** Identity pool management: the admin-signed operations. */
export class IdentityPoolsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly region: string,
  ) {}

  async create(req: CreateIdentityPoolRequest): Promise<IdentityPoolType> {
    const config = identityPoolConfigFrom(req);
    const now = new Date();
    const pool = this.dataSource.manager.create(IdentityPoolEntity, {
      id: `${this.region}:${randomUUID()}`,
      name: req.IdentityPoolName,
      config,
      roles: {},
      roleMappings: {},
      createdAt: now,
      updatedAt: now,
    });
    await this.dataSource.manager.insert(IdentityPoolEntity, pool);
    return toIdentityPoolType(pool);
  }

  async describe(poolId: string): Promise<IdentityPoolType> {
    return toIdentityPoolType(await this.require(this.dataSource.manager, poolId));
  }

  async update(req: UpdateIdentityPoolRequest): Promise<IdentityPoolType> {
    const config = identityPoolConfigFrom(req);
    return this.dataSource.transaction(async (m) => {
      const pool = await this.require(m, req.IdentityPoolId, true);
      const previous = pool.config.developerProviderName;
      if (previous && config.developerProviderName !== previous) {
        throw BrokerErrors.invalidParameter('The developer provider name cannot be changed once set.');
      }
      await m.update(
        IdentityPoolEntity,
        { id: pool.id },
        { name: req.IdentityPoolName, config, updatedAt: new Date() },
      );
      return toIdentityPoolType({ ...pool, name: req.IdentityPoolName, config });
    });
  }

  async list(req: ListIdentityPoolsRequest): Promise<ListIdentityPoolsResponse> {
    RequestValidator.of(req).integer('MaxResults', { required: true, min: 1, max: 60 }).check();
    const { page, next } = await keysetPage(
      this.dataSource.getRepository(IdentityPoolEntity).createQueryBuilder('p'),
      'p.id',
      decodePageToken(req.NextToken),
      req.MaxResults,
      (p) => p.id,
    );
    return {
      IdentityPools: page.map((p) => ({ IdentityPoolId: p.id, IdentityPoolName: p.name })),
      ...(next ? { NextToken: encodePageToken(next) } : {}),
    };
  }

  /** Deletes the pool with its identities and logins (cascade). */
  async delete(poolId: string): Promise<Record<string, never>> {
    await this.dataSource.transaction(async (m) => {
      await this.require(m, poolId, true);
      await m.delete(IdentityPoolEntity, { id: poolId });
    });
    return {};
  }

  async setRoles(req: SetIdentityPoolRolesRequest): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .stringMap('Roles', { required: true, maxEntries: 2 })
      .check();
    for (const [kind, arn] of Object.entries(req.Roles)) {
      if (kind !== 'authenticated' && kind !== 'unauthenticated') {
        throw BrokerErrors.invalidParameter(
          `Roles keys must be authenticated or unauthenticated, not ${kind}.`,
        );
      }
      if (!Patterns.roleArn.test(arn)) throw BrokerErrors.invalidParameter(`Invalid role ARN: ${arn}`);
    }
    const mappings = req.RoleMappings ?? {};
    validateRoleMappings(mappings);
    await this.dataSource.transaction(async (m) => {
      await this.require(m, req.IdentityPoolId, true);
      await m.update(
        IdentityPoolEntity,
        { id: req.IdentityPoolId },
        { roles: req.Roles, roleMappings: mappings, updatedAt: new Date() },
      );
    });
    return {};
  }

  async getRoles(poolId: string): Promise<GetIdentityPoolRolesResponse> {
    const pool = await this.require(this.dataSource.manager, poolId);
    return {
      IdentityPoolId: pool.id,
      Roles: pool.roles,
      ...(Object.keys(pool.roleMappings).length ? { RoleMappings: pool.roleMappings } : {}),
    };
  }

  async require(manager: EntityManager, poolId: unknown, lock = false): Promise<IdentityPoolEntity> {
    RequestValidator.of({ IdentityPoolId: poolId })
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .check();
    const pool = await manager.findOne(IdentityPoolEntity, {
      where: { id: poolId as string },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!pool) throw BrokerErrors.poolNotFound(poolId as string);
    return pool;
  }
}
