import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, ServerCertificateNameRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { ServerCertificatesRepository } from './server-certificates.repository';
import { ServerCertificateLookup } from './server-certificates';

/**
 * IAM DeleteServerCertificate: the certificate and its sealed key go. idfed has no load balancer
 * or CloudFront distribution that could use one, so nothing is ever in the way (no DeleteConflict).
 */
@Injectable()
export class DeleteServerCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteServerCertificate
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ServerCertificateLookup) private readonly lookup: ServerCertificateLookup,
    @Inject(ServerCertificatesRepository) private readonly certificates: ServerCertificatesRepository,
  ) {}

  async execute(req: ServerCertificateNameRequest): Promise<EmptyResult> {
    await this.transactions.run(async (tx) => {
      const c = await this.lookup.require(req.ServerCertificateName, tx, true);
      await this.certificates.delete(c.serverCertificateId, tx);
    });
    return {};
  }
}
