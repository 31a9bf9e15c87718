import { Inject, Injectable } from '@nestjs/common';
import {
  CredentialVendingOperations,
  UploadServerCertificateRequest,
  UploadServerCertificateResult,
} from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { newServerCertificateId } from '../common/ids';
import { refuseReservedTagKeys } from '../common/iam-tags';
import { Patterns, RequestValidator } from '../common/validate';
import { TagRecord } from '../database/entities';
import { checkServerCertificate } from './certificate-pem';
import { ServerCertificateKeys } from './server-certificate-keys';
import { ServerCertificatesRepository } from './server-certificates.repository';
import {
  MAX_SERVER_CERTIFICATES,
  SERVER_CERTIFICATE_NAME,
  ServerCertificateErrors,
  serverCertificateArn,
  toMetadata,
} from './server-certificates';

/** botocore's certificateBodyType / privateKeyType / certificateChainType character set. */
// eslint-disable-next-line no-control-regex -- IAM's own character set includes tab, LF and CR
const PEM_TEXT = /^(?:[\u0009\u000A\u000D\u0020-\u00FF]+)$/;

/**
 * IAM UploadServerCertificate (ADR 0085): the certificate, its chain and its private key checked
 * (certificate-pem.ts) before anything is written; the key sealed under its certificate's id and
 * never answered; `arn:aws:iam::<account>:server-certificate<path><name>`, an `ASCA` id; 20 an
 * account (LimitExceeded), names unique in any case.
 */
@Injectable()
export class UploadServerCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.UploadServerCertificate
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(ServerCertificatesRepository) private readonly certificates: ServerCertificatesRepository,
    @Inject(ServerCertificateKeys) private readonly keys: ServerCertificateKeys,
  ) {}

  async execute(req: UploadServerCertificateRequest): Promise<UploadServerCertificateResult> {
    RequestValidator.of(req)
      .string('ServerCertificateName', { required: true, min: 1, max: 128, pattern: SERVER_CERTIFICATE_NAME })
      .string('Path', { min: 1, max: 512, pattern: Patterns.path })
      .string('CertificateBody', { required: true, min: 1, max: 16384, pattern: PEM_TEXT })
      .string('PrivateKey', { required: true, min: 1, max: 16384, pattern: PEM_TEXT, secret: true })
      .string('CertificateChain', { min: 1, max: 2097152, pattern: PEM_TEXT })
      .tags()
      .check();
    refuseReservedTagKeys(req.Tags);
    const now = new Date();
    const { expiration } = checkServerCertificate(
      req.CertificateBody,
      req.PrivateKey,
      req.CertificateChain,
      now,
    );
    const path = req.Path ?? '/';
    const id = newServerCertificateId();
    const stored = {
      serverCertificateId: id,
      name: req.ServerCertificateName,
      path,
      arn: serverCertificateArn(this.arns.accountId, path, req.ServerCertificateName),
      certificateBody: req.CertificateBody,
      certificateChain: req.CertificateChain ?? null,
      privateKeyEnc: this.keys.seal(id, req.PrivateKey),
      expiration,
      tags: (req.Tags ?? []).map((t): TagRecord => ({ Key: t.Key, Value: t.Value ?? '' })),
      uploadedAt: now,
    };
    const outcome = await this.transactions.run((tx) =>
      this.certificates.insert(stored, MAX_SERVER_CERTIFICATES, tx),
    );
    if (outcome === 'exists') throw ServerCertificateErrors.certificateExists(req.ServerCertificateName);
    if (outcome === 'quota') throw ServerCertificateErrors.quota();
    return {
      ServerCertificateMetadata: toMetadata(stored),
      ...(stored.tags.length ? { Tags: stored.tags } : {}),
    };
  }
}
