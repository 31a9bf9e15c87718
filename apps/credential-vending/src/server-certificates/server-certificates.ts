import { Inject, Injectable } from '@nestjs/common';
import { ServerCertificateMetadata } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transaction } from '@idfed/persistence';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import { ServerCertificatesRepository, StoredServerCertificate } from './server-certificates.repository';

/** IAM's pattern of server certificate names (botocore's serverCertificateNameType). */
export const SERVER_CERTIFICATE_NAME = /^(?:[\w+=,.@-]+)$/;

/** IAM's default quota of server certificates an account may hold. */
export const MAX_SERVER_CERTIFICATES = 20;

/** `member`: 1..128 characters of IAM's name set. */
export function validateServerCertificateName(
  req: unknown,
  member = 'ServerCertificateName',
  required = true,
): void {
  RequestValidator.of(req)
    .string(member, { required, min: 1, max: 128, pattern: SERVER_CERTIFICATE_NAME })
    .check();
}

/** The refusals of server certificate operations, in IAM's wording. */
export const ServerCertificateErrors = {
  noSuchCertificate: (name: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `The Server Certificate with name ${name} cannot be found.`),
  certificateExists: (name: string): ServiceError<'EntityAlreadyExists'> =>
    new ServiceError('EntityAlreadyExists', `The Server Certificate with name ${name} already exists.`),
  quota: (): ServiceError<'LimitExceeded'> =>
    new ServiceError(
      'LimitExceeded',
      `Cannot exceed quota for ServerCertificatesPerAccount: ${MAX_SERVER_CERTIFICATES}`,
    ),
};

export const serverCertificateArn = (accountId: string, path: string, name: string): string =>
  `arn:aws:iam::${accountId}:server-certificate${path}${name}`;

/** A certificate's metadata as IAM answers it. */
export function toMetadata(c: Omit<StoredServerCertificate, 'privateKeyEnc'>): ServerCertificateMetadata {
  return {
    Path: c.path,
    ServerCertificateName: c.name,
    ServerCertificateId: c.serverCertificateId,
    Arn: c.arn,
    UploadDate: awsTimestamp(c.uploadedAt),
    Expiration: awsTimestamp(c.expiration),
  };
}

/** Finds the certificate an operation names, or NoSuchEntity. */
@Injectable()
export class ServerCertificateLookup {
  constructor(
    @Inject(ServerCertificatesRepository) private readonly certificates: ServerCertificatesRepository,
  ) {}

  async require(name: string, tx?: Transaction, lock = false) {
    validateServerCertificateName({ ServerCertificateName: name });
    const found = await this.certificates.findByName(name, tx, lock);
    if (!found) throw ServerCertificateErrors.noSuchCertificate(name);
    return found;
  }
}
