import { Inject, Injectable } from '@nestjs/common';
import { CommandMeta, FederationBrokerOperations, GetIdRequest, GetIdResponse } from '@idfed/contracts';
import { decodeJwt } from '@idfed/crypto';
import { OutboxService } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { BrokerErrors } from '../common/broker-errors';
import { Patterns, RequestValidator } from '../common/validate';
import { LoginsVerifier } from '../logins/logins.verifier';
import { IdentityPoolLookup } from '../pools/identity-pool.lookup';
import { BROKER_LOGIN, IdentityAuthenticator, UNAUTHENTICATED_NOT_SUPPORTED } from './identity-authenticator';
import { IdentityLinks } from './identity-links';

@Injectable()
export class GetIdHandler implements OperationHandler<typeof FederationBrokerOperations.GetId> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IdentityPoolLookup) private readonly pools: IdentityPoolLookup,
    @Inject(IdentityAuthenticator) private readonly authenticator: IdentityAuthenticator,
    @Inject(LoginsVerifier) private readonly verifier: LoginsVerifier,
    @Inject(IdentityLinks) private readonly links: IdentityLinks,
    @Inject(OutboxService) private readonly outbox: OutboxService,
  ) {}

  async execute(req: GetIdRequest, meta: CommandMeta): Promise<GetIdResponse> {
    RequestValidator.of(req)
      .string('IdentityPoolId', { required: true, min: 1, max: 55, pattern: Patterns.identityPoolId })
      .string('AccountId', { min: 1, max: 15, pattern: /^\d+$/ })
      .stringMap('Logins', { maxEntries: 10 })
      .check();
    const pool = await this.pools.require(req.IdentityPoolId);
    const { [BROKER_LOGIN]: brokerToken, ...others } = req.Logins ?? {};
    if (brokerToken !== undefined) {
      // A developer-authenticated identity: the broker's own token names it; other logins join it.
      const named = decodeJwt(brokerToken)?.payload.sub;
      if (typeof named !== 'string') throw BrokerErrors.invalidLogin("Couldn't verify signed token.");
      const who = await this.authenticator.authenticate(named, req.Logins, meta);
      if (who.pool.id !== pool.id) throw BrokerErrors.invalidLogin('The token is for another identity pool.');
      return { IdentityId: who.identityId };
    }
    const logins = await this.verifier.verifyAll(pool, others, meta);
    if (logins.length === 0) {
      if (!pool.config.allowUnauthenticatedIdentities)
        throw BrokerErrors.notAuthorized(UNAUTHENTICATED_NOT_SUPPORTED);
      // Every guest GetId is a new identity; the SDKs keep the id and present it again.
      const identityId = await this.transactions.run((tx) =>
        this.links.create(tx, pool.id, false, meta.requestId),
      );
      this.outbox.nudge();
      return { IdentityId: identityId };
    }
    return { IdentityId: await this.links.resolve(pool.id, logins, undefined, meta.requestId) };
  }
}
