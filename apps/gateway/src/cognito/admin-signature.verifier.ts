import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { jsonSigV4Error } from '@idfed/aws-protocol';
import { CredentialError, jsonAuthError, requestContext } from '@idfed/authorizer';
import { regionServed } from '@idfed/config';
import { Caller } from '@idfed/contracts';
import { SigV4Error, verifySigV4 } from '@idfed/sigv4';
import { IamUserCaller, IamUserKeys } from '@idfed/authorizer';
import { operationTarget } from '@idfed/authorizer';
import { ResourceTags } from '@idfed/authorizer';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';

/**
 * Checks that a request is signed with the admin key. The admin key is long-term: a request that
 * pairs it with a session token is refused like an unknown key, as AWS refuses a token that does
 * not belong to the key. The payload must be signed (no UNSIGNED-PAYLOAD with a body) and so must
 * an X-Amz-Target header; a target in the query string is signed as all of the query is. The
 * scope's region must be one idfed serves (ADR 0032); the request is then for that region.
 * A request may also be signed with an IAM user's active key (ADR 0033): its operation is then
 * decided by the user's policies (authorizeIamUser) before it is forwarded as the admin key's.
 */
@Injectable()
export class AdminSignatureVerifier {
  /** The IAM user behind each request verified with a user's key, until the request is decided. */
  private readonly iamUsers = new WeakMap<Request, IamUserCaller>();

  constructor(
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    @Inject(IamUserKeys) private readonly userKeys: IamUserKeys,
    @Inject(ResourceTags) private readonly resourceTags: ResourceTags,
  ) {}

  /**
   * `mustSign`: the headers the signature must cover; a JSON operation's X-Amz-Target unless the
   * request names what it does otherwise (a GET of a job's log by its path, ADR 0070).
   */
  async verify(
    req: Request,
    body: Buffer,
    signingName: string,
    mustSign: string[] = ['X-Amz-Target'],
  ): Promise<{ caller: Caller; region: string }> {
    const admin = this.options.adminCredentials;
    const [path, query = ''] = splitOnce(req.originalUrl, '?');
    try {
      const identity = await verifySigV4(
        // headersDistinct keeps repeated headers apart, as SigV4 needs (Node joins them with ', ').
        { method: req.method, path, query, headers: req.headersDistinct, body },
        {
          resolveSecret: (accessKeyId, securityToken) =>
            accessKeyId === admin.accessKeyId && securityToken === undefined
              ? admin.secretAccessKey
              : this.resolveIamUser(req, accessKeyId, securityToken),
          service: signingName,
          region: (region) => regionServed(this.options.env, region),
          // The target names the operation: a signature that does not cover it covers nothing.
          mustSignHeaders: mustSign,
        },
      );
      const user = this.iamUsers.get(req);
      // The key verified: its use is recorded for GetAccessKeyLastUsed (ADR 0078).
      if (user) this.userKeys.recordUse(user, identity);
      const caller: Caller =
        user && !user.root
          ? {
              kind: 'admin',
              accessKeyId: identity.accessKeyId,
              principalArn: user.arn,
              principalId: user.userId,
            }
          : { kind: 'admin', accessKeyId: identity.accessKeyId };
      return { caller, region: identity.region };
    } catch (err) {
      if (err instanceof SigV4Error) throw jsonSigV4Error(err);
      // A session of a long-term key that expired or whose key is gone (ADR 0039).
      if (err instanceof CredentialError) throw jsonAuthError(err);
      throw err;
    }
  }

  /**
   * The secret of an IAM user's active key, or of a session of a long-term key (GetSessionToken,
   * GetFederationToken; ADR 0039), remembering the caller.
   */
  private async resolveIamUser(
    req: Request,
    accessKeyId: string,
    securityToken: string | undefined,
  ): Promise<string | undefined> {
    const accountId = this.options.env.accountId;
    const user =
      securityToken === undefined
        ? await this.userKeys.resolve(accessKeyId, accountId)
        : await this.userKeys.resolveSession(
            accessKeyId,
            securityToken,
            accountId,
            this.options.adminCredentials.accessKeyId,
          );
    if (user) this.iamUsers.set(req, user);
    return user?.secret;
  }

  /** Refuses the operation unless the IAM user who signed it is allowed it; nothing for the admin key. */
  async authorizeIamUser(
    req: Request,
    api: string,
    operation: string,
    payload: unknown,
    region: string,
  ): Promise<void> {
    const user = this.iamUsers.get(req);
    if (!user) return;
    // Resources are named in the region the request was signed for (ADR 0032).
    const target = operationTarget(api, operation, payload, region, this.options.env.accountId);
    // The pool's tags as aws:ResourceTag (ADR 0066); the root needs no decision.
    const resourceTags = user.root ? {} : await this.resourceTags.context(target.action, target.resource);
    this.userKeys.authorize(user, target.action, target.resource, 'json', {
      ...target.context,
      ...resourceTags,
      ...requestContext({ region }),
    });
  }

  /** After a pool's tags changed through this replica: its decisions see the new ones at once (ADR 0066). */
  forgetResourceTags(api: string, operation: string, payload: unknown, region: string): void {
    if (operation !== 'TagResource' && operation !== 'UntagResource') return;
    this.resourceTags.forget(
      operationTarget(api, operation, payload, region, this.options.env.accountId).resource,
    );
  }
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}
