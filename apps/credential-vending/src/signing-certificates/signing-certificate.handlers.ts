import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CredentialVendingOperations,
  DeleteSigningCertificateRequest,
  EmptyResult,
  ListSigningCertificatesRequest,
  ListSigningCertificatesResult,
  SigningCertificate,
  UpdateSigningCertificateRequest,
  UploadSigningCertificateRequest,
  UploadSigningCertificateResult,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { IamErrors } from '../common/iam-errors';
import { newSigningCertificateId } from '../common/ids';
import { decodeMarker, DEFAULT_MAX_ITEMS, encodeMarker } from '../common/page-marker';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import { checkSigningCertificate } from '../server-certificates/certificate-pem';
import { UserLookup } from '../users/user.lookup';
import { SigningCertificatesRepository, StoredSigningCertificate } from './signing-certificates.repository';

/** IAM's quota of signing certificates a user. */
export const SIGNING_CERTIFICATES_PER_USER = 2;

// eslint-disable-next-line no-control-regex -- IAM's own character set includes tab, LF and CR
const PEM_TEXT = /^(?:[\u0009\u000A\u000D\u0020-\u00FF]+)$/;
const USER_NAME = { min: 1, max: 128, pattern: /^(?:[\w+=,.@-]+)$/ };
const CERTIFICATE_ID = { required: true, min: 24, max: 128, pattern: /^(?:[\w]+)$/ };

export const SigningCertificateErrors = {
  noSuchCertificate: (id: string): ServiceError<'NoSuchEntity'> =>
    new ServiceError('NoSuchEntity', `The Certificate with id ${id} cannot be found.`),
  duplicate: (): ServiceError<'DuplicateCertificate'> =>
    new ServiceError(
      'DuplicateCertificate',
      'The same certificate is already associated with an IAM user in the account.',
    ),
  /** DeleteUser of a user with signing certificates. */
  userHasCertificates: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must delete signing certificates first.'),
};

const toCertificate = (userName: string, c: StoredSigningCertificate): SigningCertificate => ({
  UserName: userName,
  CertificateId: c.certificateId,
  CertificateBody: c.certificateBody,
  Status: c.status,
  UploadDate: awsTimestamp(c.uploadedAt),
});

/**
 * IAM UploadSigningCertificate (ADR 0085): an Active X.509 certificate for the user (the signer
 * when UserName is left out); the body one PEM certificate, not expired (MalformedCertificate);
 * one certificate once in the account (DuplicateCertificate); two a user (LimitExceeded), counted
 * under the user's row lock.
 */
@Injectable()
export class UploadSigningCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.UploadSigningCertificate
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(SigningCertificatesRepository) private readonly certificates: SigningCertificatesRepository,
  ) {}

  async execute(
    req: UploadSigningCertificateRequest,
    meta: CommandMeta,
  ): Promise<UploadSigningCertificateResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('CertificateBody', { required: true, min: 1, max: 16384, pattern: PEM_TEXT })
      .check();
    const now = new Date();
    const { fingerprint } = checkSigningCertificate(req.CertificateBody, now);
    return this.transactions.run(async (tx) => {
      const user = await this.users.requireTarget(req.UserName, meta, tx, true);
      if ((await this.certificates.countOf(user.userId, tx)) >= SIGNING_CERTIFICATES_PER_USER) {
        throw IamErrors.limitExceeded('SigningCertificatesPerUser', SIGNING_CERTIFICATES_PER_USER);
      }
      const stored: StoredSigningCertificate = {
        certificateId: newSigningCertificateId(),
        userId: user.userId,
        certificateBody: req.CertificateBody,
        fingerprint,
        status: 'Active',
        uploadedAt: now,
      };
      if ((await this.certificates.insert(stored, tx)) === 'duplicate')
        throw SigningCertificateErrors.duplicate();
      return { Certificate: toCertificate(user.name, stored) };
    });
  }
}

/** IAM ListSigningCertificates: the user's certificates (the signer's without UserName), paged. */
@Injectable()
export class ListSigningCertificatesHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListSigningCertificates
> {
  constructor(
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(SigningCertificatesRepository) private readonly certificates: SigningCertificatesRepository,
  ) {}

  async execute(
    req: ListSigningCertificatesRequest,
    meta: CommandMeta,
  ): Promise<ListSigningCertificatesResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    const after = decodeMarker(req.Marker);
    const user = await this.users.requireTarget(req.UserName, meta);
    const { page, next } = await this.certificates.page(
      user.userId,
      after,
      req.MaxItems ?? DEFAULT_MAX_ITEMS,
    );
    return {
      Certificates: page.map((c) => toCertificate(user.name, c)),
      IsTruncated: next !== undefined,
      ...(next !== undefined ? { Marker: encodeMarker(next) } : {}),
    };
  }
}

/** IAM UpdateSigningCertificate: Active / Inactive; another user's certificate id is NoSuchEntity. */
@Injectable()
export class UpdateSigningCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateSigningCertificate
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(SigningCertificatesRepository) private readonly certificates: SigningCertificatesRepository,
  ) {}

  async execute(req: UpdateSigningCertificateRequest, meta: CommandMeta): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('CertificateId', CERTIFICATE_ID)
      .oneOf('Status', ['Active', 'Inactive'], true)
      .check();
    await this.transactions.run(async (tx) => {
      const user = await this.users.requireTarget(req.UserName, meta, tx, true);
      const found = await this.certificates.find(user.userId, req.CertificateId, tx);
      if (!found) throw SigningCertificateErrors.noSuchCertificate(req.CertificateId);
      await this.certificates.setStatus(found.certificateId, req.Status, tx);
    });
    return {};
  }
}

/** IAM DeleteSigningCertificate: another user's certificate id is NoSuchEntity, as an unknown one. */
@Injectable()
export class DeleteSigningCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteSigningCertificate
> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly users: UserLookup,
    @Inject(SigningCertificatesRepository) private readonly certificates: SigningCertificatesRepository,
  ) {}

  async execute(req: DeleteSigningCertificateRequest, meta: CommandMeta): Promise<EmptyResult> {
    RequestValidator.of(req).string('UserName', USER_NAME).string('CertificateId', CERTIFICATE_ID).check();
    await this.transactions.run(async (tx) => {
      const user = await this.users.requireTarget(req.UserName, meta, tx, true);
      const found = await this.certificates.find(user.userId, req.CertificateId, tx);
      if (!found) throw SigningCertificateErrors.noSuchCertificate(req.CertificateId);
      await this.certificates.delete(found.certificateId, tx);
    });
    return {};
  }
}
