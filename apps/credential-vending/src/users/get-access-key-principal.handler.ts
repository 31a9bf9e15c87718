import { Inject, Injectable } from '@nestjs/common';
import { AccessKeyIdRequest, AccessKeyPrincipalResult, CredentialVendingOperations } from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { OperationHandler } from '@idfed/service-runtime';
import { UsersRepository } from './users.repository';

/**
 * The gateways ask, for every request signed with an IAM user's key (nothing is cached, so a key
 * deactivated or deleted is refused by the next request, ADR 0033). The secret stays sealed.
 */
@Injectable()
export class GetAccessKeyPrincipalHandler implements OperationHandler<
  typeof CredentialVendingOperations.GetAccessKeyPrincipal
> {
  constructor(@Inject(UsersRepository) private readonly users: UsersRepository) {}

  async execute(req: AccessKeyIdRequest): Promise<AccessKeyPrincipalResult> {
    const key =
      typeof req.AccessKeyId === 'string' ? await this.users.findAccessKey(req.AccessKeyId) : undefined;
    const user = key ? await this.users.findById(key.userId) : undefined;
    if (!key || !user) throw new ServiceError('NoSuchEntity', 'No such access key.');
    const policies = await this.users.permissionsOf(user.userId);
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
