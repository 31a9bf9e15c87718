import { Inject, Injectable } from '@nestjs/common';
import { AccessKeyIdRequest, AccessKeyPrincipalResult, CredentialVendingOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { AccountSettingsRepository } from '../account/account-settings.repository';
import { UsersRepository } from './users.repository';

/**
 * The label of the account-level grant of AllowUsersToChangePassword (ADR 0084): IAM "gives IAM
 * users permissions to iam:ChangePassword for only their user and to the
 * iam:GetAccountPasswordPolicy action", without a policy attached to any user.
 */
export const CHANGE_OWN_PASSWORD_GRANT = 'account-password-policy/AllowUsersToChangePassword';

function changeOwnPasswordGrant(userArn: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 'iam:ChangePassword', Resource: userArn },
      { Effect: 'Allow', Action: 'iam:GetAccountPasswordPolicy', Resource: '*' },
    ],
  });
}

/**
 * The gateways ask, for every request signed with an IAM user's key (nothing is cached, so a key
 * deactivated or deleted is refused by the next request, ADR 0033). The secret stays sealed. The
 * user's policies include the account's grant of its own password change when the password policy
 * allows users to change their passwords (ADR 0084).
 */
@Injectable()
export class GetAccessKeyPrincipalHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetAccessKeyPrincipal
> {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(AccountSettingsRepository) private readonly settings: AccountSettingsRepository,
  ) {}

  async execute(req: AccessKeyIdRequest): Promise<AccessKeyPrincipalResult> {
    const key =
      typeof req.AccessKeyId === 'string' ? await this.users.findAccessKey(req.AccessKeyId) : undefined;
    const user = key ? await this.users.findById(key.userId) : undefined;
    if (!key || !user) throw new ServiceError('NoSuchEntity', 'No such access key.');
    const policies = await this.users.permissionsOf(user.userId);
    // Decided as an identity-based policy: an explicit deny or a permissions boundary still applies.
    if ((await this.settings.passwordPolicy())?.allowUsersToChangePassword) {
      policies.push({ label: CHANGE_OWN_PASSWORD_GRANT, document: changeOwnPasswordGrant(user.arn) });
    }
    const boundary = user.permissionsBoundary
      ? await this.users.defaultDocument(user.permissionsBoundary)
      : undefined;
    return {
      SecretEnc: key.secretEnc.toString('base64'),
      Status: key.status,
      UserName: user.name,
      UserId: user.userId,
      UserArn: user.arn,
      Policies: policies.map((p) => ({ Label: p.label, Document: p.document })),
      ...(user.tags.length ? { Tags: user.tags } : {}),
      ...(user.permissionsBoundary && boundary !== undefined
        ? { PermissionsBoundary: { Label: user.permissionsBoundary, Document: boundary } }
        : {}),
    };
  }
}
