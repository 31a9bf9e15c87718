import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, FederationBrokerOperations, UnlinkIdentityRequest } from '@idfed/contracts';
import { OutboxService } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { DataSource } from 'typeorm';
import { BrokerErrors } from '../common/broker-errors';
import { RequestValidator } from '../common/validate';
import { IdentityLoginEntity } from '../database/entities';
import { IdentityAuthenticator } from './identity-authenticator';
import { IdentityLinks } from './identity-links';

/** The caller proves the identity with a valid login, then names providers to remove. */
@Injectable()
export class UnlinkIdentityHandler implements OperationHandler<
  typeof FederationBrokerOperations.UnlinkIdentity
> {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
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
    await this.dataSource.transaction(async (m) => {
      const linked = await m.find(IdentityLoginEntity, { where: { identityId: proof.identityId } });
      const toRemove = linked.filter((l) => req.LoginsToRemove.includes(l.provider));
      await this.links.unlink(m, proof.pool.id, proof.identityId, toRemove, meta.requestId);
    });
    this.outbox.nudge();
    return {};
  }
}
