import { Inject, Injectable } from '@nestjs/common';
import { AwsError } from '@idfed/aws-protocol';
import { AccessKeyPrincipalResult, CredentialVendingOperations } from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { evaluate, parsePolicy, PolicyDocument } from '@idfed/policy';
import { USER_ACCESS_KEY_ID, UserAccessKeySealer } from '@idfed/session-credentials';
import { randomUUID } from 'node:crypto';

/** An IAM user whose access key signed the request, with what the user's policies allow. */
export interface IamUserCaller {
  accessKeyId: string;
  secret: string;
  userName: string;
  userId: string;
  arn: string;
  accountId: string;
  policies: PolicyDocument[];
  boundary?: PolicyDocument;
}

/** How the refusal is named: AWS's JSON protocols say AccessDeniedException, the Query ones AccessDenied. */
export type DenialProtocol = 'json' | 'query';

/**
 * Requests signed with an IAM user's access key (ADR 0033): the key is looked up in credential
 * vending on every request (no cache: a key deactivated or deleted is refused by the next request
 * on every replica), its sealed secret opened here with the session-token master key, and each
 * operation decided by the policy engine against the user's policies and boundary.
 */
@Injectable()
export class IamUserKeys {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(UserAccessKeySealer) private readonly sealer: UserAccessKeySealer,
  ) {}

  /** The user behind an active `AKIA` key, or undefined for any other key (refused as unknown). */
  async resolve(accessKeyId: string, accountId: string): Promise<IamUserCaller | undefined> {
    if (!USER_ACCESS_KEY_ID.test(accessKeyId)) return undefined;
    let found: AccessKeyPrincipalResult;
    try {
      found = await this.bus.request(
        CredentialVendingOperations.GetAccessKeyPrincipal,
        { AccessKeyId: accessKeyId },
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      );
    } catch (err) {
      if (err instanceof CommandFailedError && err.error.name === 'NoSuchEntity') return undefined;
      throw err;
    }
    // AWS refuses an inactive key like an unknown one (InvalidClientTokenId).
    if (found.Status !== 'Active') return undefined;
    let secret: string;
    try {
      secret = this.sealer.open(accessKeyId, Buffer.from(found.SecretEnc, 'base64'));
    } catch {
      return undefined; // sealed under another master key: this gateway cannot vouch for it
    }
    return {
      accessKeyId,
      secret,
      userName: found.UserName,
      userId: found.UserId,
      arn: found.UserArn,
      accountId,
      policies: found.Policies.map((p) => parsePolicy(p.Document, { kind: 'identity', label: p.Label })),
      ...(found.PermissionsBoundary
        ? {
            boundary: parsePolicy(found.PermissionsBoundary.Document, {
              kind: 'identity',
              label: found.PermissionsBoundary.Label,
            }),
          }
        : {}),
    };
  }

  /**
   * Refuses the action unless the user's policies allow it on the resource (and the boundary, when
   * there is one, allows it too), with AWS's message naming the user, the action and the resource.
   */
  authorize(
    user: IamUserCaller,
    action: string,
    resource: string,
    protocol: DenialProtocol,
    context: Record<string, string> = {},
  ): void {
    const request = { action, resource, context: { ...contextOf(user), ...context } };
    const decision = evaluate(request, {
      identity: user.policies,
      ...(user.boundary ? { boundary: [user.boundary] } : {}),
    });
    if (decision.decision === 'Allow') return;
    const why =
      decision.decision === 'ExplicitDeny'
        ? `with an explicit deny in ${decision.decidedBy?.policyType === 'boundary' ? 'a permissions boundary' : 'an identity-based policy'}`
        : user.boundary && evaluate(request, user.policies).decision === 'Allow'
          ? `because no permissions boundary allows the ${action} action`
          : `because no identity-based policy allows the ${action} action`;
    throw new AwsError(
      protocol === 'json' ? 'AccessDeniedException' : 'AccessDenied',
      `User: ${user.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}`,
    );
  }
}

/** The global condition keys of a request signed by an IAM user. */
function contextOf(user: IamUserCaller): Record<string, string> {
  return {
    'aws:username': user.userName,
    'aws:userid': user.userId,
    'aws:PrincipalArn': user.arn,
    'aws:PrincipalAccount': user.accountId,
    'aws:PrincipalType': 'User',
    'aws:CurrentTime': new Date().toISOString(),
  };
}
