import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, FederationBrokerOperations, UnlinkDeveloperIdentityRequest } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentitiesRepository } from '../identities/identities.repository';
import { IdentityLinks } from '../identities/identity-links';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { assertDeveloperProvider } from './developer-provider';

@Injectable()
export class UnlinkDeveloperIdentityHandler implements OperationHandler<
  typeof FederationBrokerOperations.UnlinkDeveloperIdentity
> {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(IdentityLinks) private readonly links: IdentityLinks,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: UnlinkDeveloperIdentityRequest, meta: CommandMeta): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .string('IdentityId', { required: true, min: 1, max: 55, pattern: Patterns.identityId })
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('DeveloperProviderName', { required: true, min: 1, max: 128 })
      .string('DeveloperUserIdentifier', { required: true, min: 1, max: 1024 })
      .check();
    await this.transactions.run(async (tx) => {
      const pool = await this.pools.require(req.IdentityPoolId, tx);
      assertDeveloperProvider(pool, req.DeveloperProviderName);
      const link = await this.identities.findLogin(
        pool.id,
        { provider: req.DeveloperProviderName, subject: req.DeveloperUserIdentifier },
        tx,
      );
      if (!link || link.identityId !== req.IdentityId) throw BrokerErrors.identityNotFound(req.IdentityId);
      await this.links.unlink(tx, pool.id, req.IdentityId, [link], meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
