import { Inject, Injectable } from '@nestjs/common';
import {
  CommandMeta,
  CreateServiceSpecificCredentialRequest,
  CredentialVendingOperations,
  EmptyResult,
  ListServiceSpecificCredentialsRequest,
  ListServiceSpecificCredentialsResult,
  ServiceSpecificCredentialIdRequest,
  ServiceSpecificCredentialResult,
  UpdateServiceSpecificCredentialRequest,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { IamArns } from '../common/arns';
import { IamErrors } from '../common/iam-errors';
import { newServiceCredentialId } from '../common/ids';
import { awsTimestamp } from '../common/timestamps';
import { RequestValidator } from '../common/validate';
import {
  CredentialQuota,
  NamedCredential,
  noSuchCredential,
  UserCredentialSteps,
} from '../users/user-credential-steps';
import { ListedServiceCredential, ServiceCredentialsRepository } from './service-credentials.repository';
import { ServicePasswords } from './service-passwords';

/**
 * The services whose credentials are a user name and a password (CodeCommit's Git credentials,
 * Amazon Keyspaces). AWS also issues Bedrock API keys here, of another shape (an alias and a
 * secret, an expiry): not served yet (docs/status.md), so Bedrock is NotSupportedService too.
 */
export const SUPPORTED_SERVICES: ReadonlySet<string> = new Set([
  'codecommit.amazonaws.com',
  'cassandra.amazonaws.com',
]);

/** "a maximum of two sets of service-specific credentials for each supported service per user". */
export const CREDENTIALS_PER_USER_PER_SERVICE = 2;

const USER_NAME = { min: 1, max: 64, pattern: /^(?:[\w+=,.@-]+)$/ };
const CREDENTIAL_ID = { required: true, min: 20, max: 128, pattern: /^(?:[\w]+)$/ };

export const ServiceCredentialErrors = {
  notSupported: (service: string): ServiceError<'NotSupportedService'> =>
    new ServiceError(
      'NotSupportedService',
      `The service ${service} does not support service-specific credentials.`,
    ),
  noSuchCredential: (id: string): ServiceError<'NoSuchEntity'> =>
    noSuchCredential('Service Specific Credential', id),
  /** DeleteUser of a user with service-specific credentials. */
  userHasCredentials: (): ServiceError<'DeleteConflict'> =>
    new ServiceError(
      'DeleteConflict',
      'Cannot delete entity, must delete service specific credentials first.',
    ),
};

function requireSupported(service: string): void {
  if (!SUPPORTED_SERVICES.has(service)) throw ServiceCredentialErrors.notSupported(service);
}

/** The user's credential of that id, for the shared steps. */
const credentialOf = (
  credentials: ServiceCredentialsRepository,
  id: string,
): NamedCredential<ListedServiceCredential> => ({
  find: (userId, tx) => credentials.find(userId, id, tx),
  notFound: () => ServiceCredentialErrors.noSuchCredential(id),
});

const toMetadata = (c: ListedServiceCredential) => ({
  UserName: c.userName,
  Status: c.status,
  ServiceUserName: c.serviceUserName,
  CreateDate: awsTimestamp(c.createdAt),
  ServiceSpecificCredentialId: c.credentialId,
  ServiceName: c.serviceName,
});

/**
 * IAM CreateServiceSpecificCredential (ADR 0085): a user name `<user>-at-<account>` and a
 * generated password, answered here and by Reset only, stored digested; two a user a service
 * (LimitExceeded) under the user's row lock; an unsupported service is NotSupportedService.
 */
@Injectable()
export class CreateServiceSpecificCredentialHandler implements OperationHandler<
  typeof CredentialVendingOperations.CreateServiceSpecificCredential
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(IamArns) private readonly arns: IamArns,
    @Inject(ServiceCredentialsRepository) private readonly credentials: ServiceCredentialsRepository,
    @Inject(ServicePasswords) private readonly passwords: ServicePasswords,
  ) {}

  async execute(
    req: CreateServiceSpecificCredentialRequest,
    meta: CommandMeta,
  ): Promise<ServiceSpecificCredentialResult> {
    RequestValidator.of(req)
      .string('UserName', { ...USER_NAME, required: true })
      .string('ServiceName', { required: true, min: 1 })
      .integer('CredentialAgeDays', { min: 1, max: 36600 })
      .check();
    requireSupported(req.ServiceName);
    if (req.CredentialAgeDays !== undefined) {
      throw IamErrors.validation('CredentialAgeDays is only valid for Bedrock API keys.');
    }
    const password = this.passwords.generate();
    const quota: CredentialQuota = {
      name: 'ServiceSpecificCredentialsPerUserPerService',
      limit: CREDENTIALS_PER_USER_PER_SERVICE,
      count: (userId, tx) => this.credentials.countOf(userId, req.ServiceName, tx),
    };
    return this.steps.add(req.UserName, meta, quota, async (user, tx) => {
      const credentialId = newServiceCredentialId();
      const stored = {
        credentialId,
        userId: user.userId,
        userName: user.name,
        serviceName: req.ServiceName,
        serviceUserName: `${user.name}-at-${this.arns.accountId}`,
        passwordDigest: this.passwords.digest(credentialId, password),
        status: 'Active' as const,
        createdAt: new Date(),
      };
      await this.credentials.insert(stored, tx);
      return { ServiceSpecificCredential: { ...toMetadata(stored), ServicePassword: password } };
    });
  }
}

/** IAM ListServiceSpecificCredentials: the user's (the signer's), or every user's with AllUsers; never a password. */
@Injectable()
export class ListServiceSpecificCredentialsHandler implements OperationHandler<
  typeof CredentialVendingOperations.ListServiceSpecificCredentials
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(ServiceCredentialsRepository) private readonly credentials: ServiceCredentialsRepository,
  ) {}

  async execute(
    req: ListServiceSpecificCredentialsRequest,
    meta: CommandMeta,
  ): Promise<ListServiceSpecificCredentialsResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('ServiceName', { min: 1 })
      .boolean('AllUsers')
      .string('Marker', { min: 1, max: 320 })
      .integer('MaxItems', { min: 1, max: 1000 })
      .check();
    if (req.ServiceName !== undefined) requireSupported(req.ServiceName);
    const { page, truncation } =
      req.AllUsers === true && req.UserName === undefined
        ? await this.steps.pageOfEveryUser(req, (after, max) =>
            this.credentials.page(undefined, req.ServiceName, after, max),
          )
        : await this.steps.page(req, meta, (userId, after, max) =>
            this.credentials.page(userId, req.ServiceName, after, max),
          );
    return { ServiceSpecificCredentials: page.map(toMetadata), ...truncation };
  }
}

/** IAM ResetServiceSpecificCredential: a new generated password, answered once; the old one no longer matches. */
@Injectable()
export class ResetServiceSpecificCredentialHandler implements OperationHandler<
  typeof CredentialVendingOperations.ResetServiceSpecificCredential
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(ServiceCredentialsRepository) private readonly credentials: ServiceCredentialsRepository,
    @Inject(ServicePasswords) private readonly passwords: ServicePasswords,
  ) {}

  async execute(
    req: ServiceSpecificCredentialIdRequest,
    meta: CommandMeta,
  ): Promise<ServiceSpecificCredentialResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('ServiceSpecificCredentialId', CREDENTIAL_ID)
      .check();
    const password = this.passwords.generate();
    const credential = credentialOf(this.credentials, req.ServiceSpecificCredentialId);
    return this.steps.onOwn(req.UserName, meta, credential, async (found, tx) => {
      await this.credentials.setPassword(
        found.credentialId,
        this.passwords.digest(found.credentialId, password),
        tx,
      );
      return { ServiceSpecificCredential: { ...toMetadata(found), ServicePassword: password } };
    });
  }
}

/** IAM UpdateServiceSpecificCredential: the status; another user's credential id is NoSuchEntity. */
@Injectable()
export class UpdateServiceSpecificCredentialHandler implements OperationHandler<
  typeof CredentialVendingOperations.UpdateServiceSpecificCredential
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(ServiceCredentialsRepository) private readonly credentials: ServiceCredentialsRepository,
  ) {}

  async execute(req: UpdateServiceSpecificCredentialRequest, meta: CommandMeta): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('ServiceSpecificCredentialId', CREDENTIAL_ID)
      .oneOf('Status', ['Active', 'Inactive', 'Expired'], true)
      .check();
    const credential = credentialOf(this.credentials, req.ServiceSpecificCredentialId);
    await this.steps.onOwn(req.UserName, meta, credential, (c, tx) =>
      this.credentials.setStatus(c.credentialId, req.Status, tx),
    );
    return {};
  }
}

/** IAM DeleteServiceSpecificCredential: another user's credential id is NoSuchEntity, as an unknown one. */
@Injectable()
export class DeleteServiceSpecificCredentialHandler implements OperationHandler<
  typeof CredentialVendingOperations.DeleteServiceSpecificCredential
> {
  constructor(
    @Inject(UserCredentialSteps) private readonly steps: UserCredentialSteps,
    @Inject(ServiceCredentialsRepository) private readonly credentials: ServiceCredentialsRepository,
  ) {}

  async execute(req: ServiceSpecificCredentialIdRequest, meta: CommandMeta): Promise<EmptyResult> {
    RequestValidator.of(req)
      .string('UserName', USER_NAME)
      .string('ServiceSpecificCredentialId', CREDENTIAL_ID)
      .check();
    const credential = credentialOf(this.credentials, req.ServiceSpecificCredentialId);
    await this.steps.onOwn(req.UserName, meta, credential, (c, tx) =>
      this.credentials.delete(c.credentialId, tx),
    );
    return {};
  }
}
