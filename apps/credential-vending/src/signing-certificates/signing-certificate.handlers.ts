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
import { OperationHandler } from '@idfed/service-runtime';
import { newSigningCertificateId } from '../common/ids';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import { checkSigningCertificate } from '../server-certificates/certificate-pem';
import {
  CredentialQuota,
  NamedCredential,
  noSuchCredential,
  UserCredentialSteps,
} from '../users/user-credential-steps';
import { SigningCertificatesRepository, StoredSigningCertificate } from './signing-certificates.repository';

/** IAM's quota of signing certificates a user. */
export const SIGNING_CERTIFICATES_PER_USER = 2;

// eslint-disable-next-line no-control-regex -- IAM's own character set includes tab, LF and CR
const PEM_TEXT = /^(?:[\u0009\u000A\u000D\u0020-\u00FF]+)$/;
const USER_NAME = { min: 1, max: 128, pattern: /^(?:[\w+=,.@-]+)$/ };
const CERTIFICATE_ID = { required: true, min: 24, max: 128, pattern: /^(?:[\w]+)$/ };

export const SigningCertificateErrors = {
  noSuchCertificate: (id: string): ServiceError<'NoSuchEntity'> => noSuchCredential('Certificate', id),
  duplicate: (): ServiceError<'DuplicateCertificate'> =>
    new ServiceError(
      'DuplicateCertificate',
      'The same certificate is already associated with an IAM user in the account.',
    ),
  /** DeleteUser of a user with signing certificates. */
  userHasCertificates: (): ServiceError<'DeleteConflict'> =>
    new ServiceError('DeleteConflict', 'Cannot delete entity, must delete signing certificates first.'),
};

/** The user's certificate of that id, for the shared steps. */
const certificateOf = (
  certificates: SigningCertificatesRepository,
  id: string,
): NamedCredential<StoredSigningCertificate> => ({
  find: (userId, tx) => certificates.find(userId, id, tx),
  notFound: () => SigningCertificateErrors.noSuchCertificate(id),
});

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
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
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
    const quota: CredentialQuota = {
      name: 'SigningCertificatesPerUser',
      limit: SIGNING_CERTIFICATES_PER_USER,
      count: (userId, tx) => this.certificates.countOf(userId, tx),
    };
    return this.steps.add(req.UserName, meta, quota, async (user, tx) => {
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
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
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
    const { user, page, truncation } = await this.steps.page(req, meta, (userId, after, max) =>
      this.certificates.page(userId, after, max),
    );
    return { Certificates: page.map((c) => toCertificate(user.name, c)), ...truncation };
  }
}

/** IAM UpdateSigningCertificate: Active / Inactive; another user's certificate id is NoSuchEntity. */
@Injectable()
export class UpdateSigningCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateSigningCertificate
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(SigningCertificatesRepository) private readonly certificates: SigningCertificatesRepository,
  ) {}

  async execute(req: UpdateSigningCertificateRequest, meta: CommandMeta): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('CertificateId', CERTIFICATE_ID)
      .oneOf('Status', ['Active', 'Inactive'], true)
      .check();
    await this.steps.onOwn(req.UserName, meta, certificateOf(this.certificates, req.CertificateId), (c, tx) =>
      this.certificates.setStatus(c.certificateId, req.Status, tx),
    );
    return {};
  }
}

/** IAM DeleteSigningCertificate: another user's certificate id is NoSuchEntity, as an unknown one. */
@Injectable()
export class DeleteSigningCertificateHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteSigningCertificate
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(SigningCertificatesRepository) private readonly certificates: SigningCertificatesRepository,
  ) {}

  async execute(req: DeleteSigningCertificateRequest, meta: CommandMeta): Promise<EmptyResult> {
    RequestValidator.of(req).string('UserName', USER_NAME).string('CertificateId', CERTIFICATE_ID).check();
    await this.steps.onOwn(req.UserName, meta, certificateOf(this.certificates, req.CertificateId), (c, tx) =>
      this.certificates.delete(c.certificateId, tx),
    );
    return {};
  }
}
