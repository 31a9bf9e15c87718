import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, FederationBrokerOperations, UnlinkIdentityRequest } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { RequestValidator } from '../common/validate';
import { IdentitiesRepository } from './identities.repository';
import { IdentityAuthenticator } from './identity-authenticator';
import { IdentityLinks } from './identity-links';

/** The caller proves the identity with a valid login, then names providers to remove. */
@Injectable()
export class UnlinkIdentityHandler implements OperationHandler<
  typeof FederationBrokerOperations.UnlinkIdentity
> {
  constructor(
    @Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IdentityAuthenticator) private readonly authenticator: IdentityAuthenticator,
    @Inject(IdentityLinks) private readonly links: IdentityLinks,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: UnlinkIdentityRequest, meta: CommandMeta): Promise<Record<string, never>> {
    RequestValidator.of(req)
      .stringMap('Logins', { required: true, maxEntries: 10 })
      .stringList('LoginsToRemove', { required: true, maxItems: 10 })
      .check();
    const proof = await this.authenticator.authenticate(req.IdentityId, req.Logins, meta);
    if (proof.logins.length === 0)
      throw BrokerErrors.notAuthorized('Logins are required to unlink an identity.');
    await this.transactions.run(async (tx) => {
      const linked = await this.identities.loginsOf(proof.identityId, tx);
      const toRemove = linked.filter((l) => req.LoginsToRemove.includes(l.provider));
      await this.links.unlink(tx, proof.pool.id, proof.identityId, toRemove, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
