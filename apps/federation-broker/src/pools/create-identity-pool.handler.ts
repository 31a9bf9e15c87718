import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CreateIdentityPoolRequest,
  FederationBrokerOperations,
  IdentityPoolType,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../config/federation-broker.config';
import { IdentityPoolEntity } from '../database/entities';
import { IdentityPoolsRepository } from './identity-pools.repository';
import { identityPoolConfigFrom, toIdentityPoolType } from './identity-pool-config';

@Injectable()
export class CreateIdentityPoolHandler implements OperationHandler<
  typeof FederationBrokerOperations.CreateIdentityPool
> {
  constructor(
    @Inject(IdentityPoolsRepository) private readonly pools: IdentityPoolsRepository,
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
  ) {}

  async execute(req: CreateIdentityPoolRequest, meta: CommandMeta): Promise<IdentityPoolType> {
    const config = identityPoolConfigFrom(req);
    const now = new Date();
    const pool: IdentityPoolEntity = {
      // Created in the region the request was signed for, named in it (ADR 0032).
      id: `${meta.region ?? this.config.region}:${randomUUID()}`,
      name: req.IdentityPoolName,
      config,
      roles: {},
      roleMappings: {},
      createdAt: now,
      updatedAt: now,
    };
    await this.pools.insert(pool);
    return toIdentityPoolType(pool);
  }
}
