import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UpdateServerCertificateRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { Patterns, RequestValidator } from '../common/validate';
import { ServerCertificatesRepository } from './server-certificates.repository';
import {
  SERVER_CERTIFICATE_NAME,
  ServerCertificateErrors,
  serverCertificateArn,
  ServerCertificateLookup,
} from './server-certificates';

/**
 * IAM UpdateServerCertificate: a new name and/or path (the ARN follows); the new name taken by
 * another certificate is EntityAlreadyExists. Neither given changes nothing.
 */
@Injectable()
export class UpdateServerCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateServerCertificate
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(ServerCertificateLookup) private readonly lookup: ServerCertificateLookup,
    @Inject(ServerCertificatesRepository) private readonly certificates: ServerCertificatesRepository,
  ) {}

  async execute(req: UpdateServerCertificateRequest): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('ServerCertificateName', { required: true, min: 1, max: 128, pattern: SERVER_CERTIFICATE_NAME })
      .string('NewServerCertificateName', { min: 1, max: 128, pattern: SERVER_CERTIFICATE_NAME })
      .string('NewPath', { min: 1, max: 512, pattern: Patterns.path })
      .check();
    await this.transactions.run(async (tx) => {
      const c = await this.lookup.require(req.ServerCertificateName, tx, true);
      const name = req.NewServerCertificateName ?? c.name;
      const path = req.NewPath ?? c.path;
      if (name === c.name && path === c.path) return;
      const outcome = await this.certificates.rename(
        c.serverCertificateId,
        name,
        path,
        serverCertificateArn(this.arns.accountId, path, name),
        tx,
      );
      if (outcome === 'exists') throw ServerCertificateErrors.certificateExists(name);
    });
    return {};
  }
}
