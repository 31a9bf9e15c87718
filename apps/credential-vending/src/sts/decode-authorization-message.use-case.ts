import { Inject, Injectable } from '@nestjs/common';
import {
  Caller,
  CommandMeta,
  CredentialVendingOperations,
  DecodeAuthorizationMessageRequest,
  DecodeAuthorizationMessageResult,
} from '@idfed/contracts';
import { ServiceError } from '@idfed/messaging';
import { evaluate } from '@idfed/policy';
import { AuthorizationMessageError, AuthorizationMessageSealer } from '@idfed/session-credentials';
import { OperationHandler } from '@idfed/service-runtime';
import { StsErrors } from '../common/iam-errors';
import { readPolicy } from '../common/policy-documents';
import { RoleLookup } from '../roles/role.lookup';
import { RolePermissions } from '../roles/role-permissions';

const ACTION = 'sts:DecodeAuthorizationMessage';

/**
 * STS DecodeAuthorizationMessage (ADR 0039): opens an encoded authorization message from an
 * AccessDenied answer (POST /authorize's `encodedMessage`). The caller must be allowed
 * `sts:DecodeAuthorizationMessage`: the root always, an IAM user as the gateway decided by its
 * policies, a role session by its role's policies within its session policies (decided here). A
 * message that does not open (changed, forged, sealed under another key) is
 * InvalidAuthorizationMessageException.
 */
@Injectable()
export class DecodeAuthorizationMessageUseCase implements OperationHandler<
  typeof CredentialVendingOperations.DecodeAuthorizationMessage
> {
  constructor(
    @Inject(AuthorizationMessageSealer) private readonly messages: AuthorizationMessageSealer,
    @Inject(RoleLookup) private readonly roles: RoleLookup,
    @Inject(RolePermissions) private readonly permissions: RolePermissions,
  ) {}

  async execute(
    req: DecodeAuthorizationMessageRequest,
    meta: CommandMeta,
  ): Promise<DecodeAuthorizationMessageResult> {
    await this.requireAllowed(meta.caller);
    try {
      return { DecodedMessage: this.messages.decode(req.EncodedMessage) };
    } catch (err) {
      if (err instanceof AuthorizationMessageError) {
        throw new ServiceError('InvalidAuthorizationMessageException', err.message);
      }
      throw err;
    }
  }

  private async requireAllowed(caller: Caller): Promise<void> {
    if (caller.kind === 'admin') return;
    if (caller.kind !== 'temporary' || !caller.session) {
      throw StsErrors.accessDenied(`DecodeAuthorizationMessage must be signed with credentials.`);
    }
    const s = caller.session;
    const denied = () =>
      StsErrors.accessDenied(`User: ${caller.principalArn} is not authorized to perform: ${ACTION}`);
    const role = await this.roles.findByArn(s.roleArn);
    if (!role || role.roleId !== s.roleId) throw denied();
    const permissions = await this.permissions.of(role.arn);
    const identity = permissions.Policies.map((p) => readPolicy(p.Document, 'identity', { label: p.Label }));
    const b = permissions.PermissionsBoundary;
    const boundary = b ? [readPolicy(b.Document, 'identity', { label: b.Label })] : [];
    const session = (s.sessionPolicies ?? []).map((text, i) =>
      readPolicy(text, 'session', { label: `session policy ${i + 1}` }),
    );
    const decision = evaluate(
      { action: ACTION, resource: '*', principal: { type: 'AWS', id: caller.principalArn }, context: {} },
      { identity, boundary, ...(session.length ? { session } : {}) },
    );
    if (decision.decision !== 'Allow') throw denied();
  }
}
