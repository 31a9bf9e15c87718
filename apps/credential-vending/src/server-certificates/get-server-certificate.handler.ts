import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  GetServerCertificateResult,
  ServerCertificateNameRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { ServerCertificateLookup, toMetadata } from './server-certificates';

/** IAM GetServerCertificate: the metadata, the certificate, its chain and tags; never the private key. */
@Injectable()
export class GetServerCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetServerCertificate
> {
  constructor(@Inject(ServerCertificateLookup) private readonly lookup: ServerCertificateLookup) {}

  async execute(req: ServerCertificateNameRequest): Promise<GetServerCertificateResult> {
    const c = await this.lookup.require(req.ServerCertificateName);
    return {
      ServerCertificate: {
        ServerCertificateMetadata: toMetadata(c),
        CertificateBody: c.certificateBody,
        ...(c.certificateChain !== null ? { CertificateChain: c.certificateChain } : {}),
        ...(c.tags.length ? { Tags: c.tags } : {}),
      },
    };
  }
}
