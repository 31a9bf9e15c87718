import { Inject, Injectable } from '@nestjs/common';
import { CredentialVendingOperations, EmptyResult, UserNameRequest } from '@idfed/contracts';
import { Transactions } from '@idfed/persistence';
import { OperationHandler } from '@idfed/service-runtime';
import { AccountErrors } from '../account/account-errors';
import { LoginProfilesRepository } from '../account/login-profiles.repository';
import { IamErrors } from '../common/iam-errors';
import { MfaDevicesRepository } from '../mfa/mfa-devices.repository';
import { MfaErrors } from '../mfa/mfa-errors';
import { SigningCertificatesRepository } from '../signing-certificates/signing-certificates.repository';
import { SigningCertificateErrors } from '../signing-certificates/signing-certificate.handlers';
import { SshPublicKeysRepository } from '../ssh-public-keys/ssh-public-keys.repository';
import { SshPublicKeyErrors } from '../ssh-public-keys/ssh-public-key.handlers';
import { ServiceCredentialsRepository } from '../service-credentials/service-credentials.repository';
import { ServiceCredentialErrors } from '../service-credentials/service-credential.handlers';
import { UserLookup } from './user.lookup';
import { UsersRepository } from './users.repository';

/**
 * As IAM: a user with a password (login profile), access keys, signing certificates, SSH public
 * keys, service-specific credentials, MFA devices, inline policies, attached policies or groups
 * cannot be deleted (DeleteConflict naming the first of them, in the order AWS's DeleteUser
 * documentation lists what to remove); the operator removes them first.
 */
@Injectable()
export class DeleteUserHandler implements OperationHandler<typeof CredentialVendingOperations.DeleteUser> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(UserLookup) private readonly lookup: UserLookup,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MfaDevicesRepository) private readonly mfaDevices: MfaDevicesRepository,
    @Inject(LoginProfilesRepository) private readonly loginProfiles: LoginProfilesRepository,
    @Inject(SigningCertificatesRepository) private readonly signing: SigningCertificatesRepository,
    @Inject(SshPublicKeysRepository) private readonly sshKeys: SshPublicKeysRepository,
    @Inject(ServiceCredentialsRepository) private readonly serviceCredentials: ServiceCredentialsRepository,
  ) {}

  async execute(req: UserNameRequest): Promise<EmptyResult> {
    await this.transactions.run(async (tx) => {
      const user = await this.lookup.require(req.UserName, tx, true);
      // The password first: AWS's DeleteUser documentation lists it before the keys (ADR 0084).
      if (await this.loginProfiles.exists(user.userId, tx)) throw AccountErrors.userHasLoginProfile();
      const left = await this.users.dependents(user.userId, tx);
      if (left.accessKeys) throw IamErrors.userHasAccessKeys();
      if (await this.signing.userHas(user.userId, tx)) throw SigningCertificateErrors.userHasCertificates();
      if ((await this.sshKeys.countOf(user.userId, tx)) > 0) throw SshPublicKeyErrors.userHasKeys();
      if ((await this.serviceCredentials.countOf(user.userId, undefined, tx)) > 0) {
        throw ServiceCredentialErrors.userHasCredentials();
      }
      if (await this.mfaDevices.userHasDevices(user.userId, tx)) throw MfaErrors.userHasDevices();
      if (left.inlinePolicies) throw IamErrors.userHasInlinePolicies();
      if (left.attachedPolicies) throw IamErrors.userHasAttachedPolicies();
      if (left.groups) throw IamErrors.userInGroups();
      await this.users.delete(user.userId, tx);
    });
    return {};
  }
}
