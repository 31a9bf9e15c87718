import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AwsError,
  parseQueryRequest,
  queryParamsToObject,
  queryResponse,
  validateOperationInput,
  XmlMap,
  XmlObject,
} from '@idfed/aws-protocol';
import { Authorizer, VerifiedPrincipal } from '@idfed/authorizer';
import { regionServed } from '@idfed/config';
import { Caller, GetCallerIdentityResult } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { ContextValue } from '@idfed/policy';
import { identityTokenContext } from '@idfed/session-credentials';
import { SigV4Error, verifySigV4 } from '@idfed/sigv4';
import { IamUserCaller, IamUserKeys } from '@idfed/authorizer';
import {
  decidedPayload,
  GLOBAL_SERVICE_REGION,
  operationTarget,
  requestContext,
  taggingActionOf,
  passedRoleOf,
  renamedServerCertificateOf,
} from '@idfed/authorizer';
import { ResourceTags } from '@idfed/authorizer';
import { callerOf } from '../credentials/caller-of';
import { queryAuthError } from '@idfed/authorizer';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { writeAwsResponse } from '../http/aws-response.writer';
import { commandMeta } from '../http/command-meta';
import { RefusedCallRecorder } from '@idfed/authorizer';
import { requestIdOf } from '../http/request-context.middleware';
import { OPERATION_LOCAL } from '../http/request-metrics';
import {
  findQueryAction,
  namespaceForVersion,
  QUERY_LIST_MEMBERS,
  QUERY_MAP_MEMBERS,
  QueryAction,
} from './query-actions.table';

/** The answer with its map members (QUERY_MAP_MEMBERS) marked as maps for the XML writer. */
function withXmlMaps(result: XmlObject): XmlObject {
  const out: XmlObject = { ...result };
  for (const name of QUERY_MAP_MEMBERS) {
    const value = out[name];
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
      out[name] = new XmlMap(Object.entries(value as XmlObject));
    }
  }
  return out;
}

/** The region clients sign the global STS endpoint's requests for. */
const GLOBAL_STS_REGION = 'us-east-1';

/** Where the exception filter learns that this exchange speaks Query and wants XML errors. */
export const QUERY_NAMESPACE_LOCAL = 'queryNamespace';

/**
 * The AWS Query protocol (STS and the IAM subset): parameters from a form-encoded POST body or,
 * for GET (presigned STS calls), the query string; the action picks the API, who may call it and
 * the bus command. Answers are XML envelopes; errors are written as XML by AwsExceptionFilter.
 */
@Injectable()
export class QueryDispatcher {
  constructor(
    @Inject(BusClient) private readonly bus: BusClient,
    @Inject(RefusedCallRecorder) private readonly refusals: RefusedCallRecorder,
    @Inject(Authorizer) private readonly authorizer: Authorizer,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    @Inject(IamUserKeys) private readonly userKeys: IamUserKeys,
    @Inject(ResourceTags) private readonly resourceTags: ResourceTags,
  ) {}

  async dispatch(req: Request, res: Response, body: Buffer): Promise<void> {
    const requestId = requestIdOf(res);
    const queryString = queryOf(req);
    res.locals[QUERY_NAMESPACE_LOCAL] = namespaceForVersion(undefined);
    const parsed =
      req.method === 'GET' ? parseQueryRequest(queryString) : parseQueryRequest(body, queryString);
    res.locals[QUERY_NAMESPACE_LOCAL] = namespaceForVersion(parsed.version);
    const action = findQueryAction(parsed.action);
    if (!action || (parsed.version !== undefined && parsed.version !== action.version)) {
      throw new AwsError(
        'InvalidAction',
        `Could not find operation ${parsed.action} for version ${parsed.version ?? 'NO_VERSION_SPECIFIED'}`,
      );
    }
    res.locals[QUERY_NAMESPACE_LOCAL] = action.namespace;
    res.locals[OPERATION_LOCAL] = action.name;

    // Unsigned actions ignore any signature: a client that signs everything must still work.
    const signer = action.auth === 'none' ? undefined : await this.authenticate(req, body, action);
    const principal = signer && 'type' in signer.principal ? signer.principal : undefined;
    const user = signer && !('type' in signer.principal) ? signer.principal : undefined;
    let result: unknown;
    if (!action.operation) {
      if (action.auth === 'admin' && principal?.type !== 'Root' && !user) throw adminOnly(action, principal);
      result = user ? userIdentity(user) : callerIdentity(principal!);
    } else {
      let payload: unknown;
      let caller: Caller;
      try {
        if (action.auth === 'admin' && principal?.type !== 'Root' && !user)
          throw adminOnly(action, principal);
        payload = validateOperationInput(
          action.api,
          action.name,
          queryParamsToObject(parsed.params, {
            lists: QUERY_LIST_MEMBERS,
            integers: action.operation.integers,
          }),
        );
        caller = user ? await this.decideIamUser(user, action, payload, signer!.region) : callerOf(principal);
      } catch (err) {
        // A signed caller's call refused here is audited by the operation's service (ADR 0075).
        if (signer) {
          const refusedCaller = user ? iamUserCaller(user) : callerOf(principal);
          this.refusals.record(
            action.operation.command,
            payload,
            commandMeta(req, requestId, refusedCaller, action.api === 'iam' ? undefined : signer.region),
            err,
          );
        }
        throw err;
      }
      result = await this.bus.request(
        action.operation.command,
        payload,
        // IAM is global: its commands carry no region (ADR 0032).
        commandMeta(req, requestId, caller, action.api === 'iam' ? undefined : signer?.region),
      );
      // This replica's decisions see the new tags (and boundary) at once (ADR 0066, 0090).
      if (action.api === 'iam' && RETAGS.test(action.name)) {
        this.resourceTags.forget(
          operationTarget('iam', action.name, payload, '', this.options.env.accountId).resource,
        );
      }
    }
    const hasResult = action.operation ? action.operation.hasResult : true;
    writeAwsResponse(
      res,
      queryResponse(
        action.name,
        action.namespace,
        hasResult ? withXmlMaps((result ?? {}) as XmlObject) : undefined,
        requestId,
      ),
    );
  }

  private async authenticate(
    req: Request,
    body: Buffer,
    action: QueryAction,
  ): Promise<{ principal: VerifiedPrincipal | IamUserCaller; region: string }> {
    const parts = {
      method: req.method,
      path: req.path,
      query: queryOf(req),
      headers: req.headersDistinct,
      body,
    };
    const options = {
      service: action.signingName,
      // IAM is a global service: clients sign it for us-east-1 whatever region they are in.
      // STS answers in every region served, and at the global endpoint (sts.amazonaws.com),
      // which clients sign for us-east-1 (ADR 0032).
      region:
        action.api === 'iam'
          ? undefined
          : (region: string) => region === GLOBAL_STS_REGION || regionServed(this.options.env, region),
    };
    try {
      return await this.authorizer.authenticateScoped(parts, options);
    } catch (err) {
      // Not the admin key nor temporary credentials: perhaps an IAM user's key (ADR 0033).
      if (!(err instanceof SigV4Error) || err.reason !== 'unknown-access-key') throw queryAuthError(err);
    }
    let user: IamUserCaller | undefined;
    let scope: { service: string; region: string };
    try {
      scope = await verifySigV4(parts, {
        ...options,
        resolveSecret: async (accessKeyId, token) => {
          const accountId = this.options.env.accountId;
          user =
            token === undefined
              ? await this.userKeys.resolve(accessKeyId, accountId)
              : // Temporary credentials of a long-term key (GetSessionToken, GetFederationToken; ADR 0039).
                await this.userKeys.resolveSession(
                  accessKeyId,
                  token,
                  accountId,
                  this.options.adminCredentials.accessKeyId,
                );
          return user?.secret;
        },
      });
    } catch (err) {
      throw queryAuthError(err);
    }
    // The key verified: its use is recorded for GetAccessKeyLastUsed (ADR 0078).
    this.userKeys.recordUse(user!, scope);
    return { principal: user!, region: scope.region };
  }

  /**
   * An IAM user's request (or one signed with a session of a long-term key, ADR 0039): IAM actions
   * and GetFederationToken / AssumeRole are decided by the user's policies and then forwarded as the
   * admin key's naming the user; GetSessionToken and GetAccessKeyInfo need no permission, as on AWS.
   * Session credentials get what AWS lets them: no IAM, and of STS only GetCallerIdentity and (for
   * GetSessionToken's) AssumeRole.
   */
  private async decideIamUser(
    user: IamUserCaller,
    action: QueryAction,
    payload: unknown,
    region: string,
  ): Promise<Caller> {
    const forward = iamUserCaller(user);
    if (user.session) refuseToSessionCredentials(user, action);
    if (action.api === 'sts') {
      const decided = STS_DECISIONS[action.name];
      if (decided === undefined) {
        throw new AwsError(
          'AccessDenied',
          `User: ${user.arn} is not authorized to perform: sts:${action.name} because idfed does not yet serve this action to IAM users`,
        );
      }
      if (decided) {
        const resource = decided(payload as Record<string, unknown>, user.accountId);
        // AssumeRole: the role's tags as aws:ResourceTag (ADR 0066); nothing for the other actions.
        const roleTags =
          action.name === 'AssumeRole' ? await this.resourceTags.context('sts:AssumeRole', resource) : {};
        // GetWebIdentityToken: its audience, duration, algorithm and tags (ADR 0086).
        const tokenKeys =
          action.name === 'GetWebIdentityToken'
            ? identityTokenContext(payload as Parameters<typeof identityTokenContext>[0])
            : {};
        this.userKeys.authorize(user, `sts:${action.name}`, resource, 'query', {
          ...roleTags,
          ...tokenKeys,
          ...requestContext({ region }),
        });
        const tags = federationTags(action, payload);
        // AWS: passing session tags also needs sts:TagSession in the caller's policies (ADR 0047).
        if (tags)
          this.userKeys.authorize(user, 'sts:TagSession', resource, 'query', {
            ...tags,
            ...requestContext({ region }),
          });
      }
      return forward;
    }
    const named = operationTarget(
      'iam',
      action.name,
      decidedPayload(action.name, payload, user.root ? undefined : user.userName),
      region,
      user.accountId,
    );
    // The target's ARN as stored (an IAM user's or role's path) and its tags (aws:ResourceTag,
    // ADR 0066), one lookup; the root needs no decision.
    const resolved = user.root
      ? { resource: named.resource, context: {} }
      : await this.resourceTags.resolve(named.action, named.resource);
    const target = { ...named, resource: resolved.resource };
    const resourceTags = resolved.context;
    const context = {
      ...target.context,
      ...resourceTags,
      // IAM is global: its requests are in us-east-1 whatever the client signed for.
      ...requestContext({ region: GLOBAL_SERVICE_REGION }),
    };
    this.userKeys.authorize(user, target.action, target.resource, 'query', context);
    // Creating with tags is also tagging (iam:TagUser for CreateUser with Tags...), as AWS decides it.
    const tagging = taggingActionOf(action.name, payload);
    if (tagging) this.userKeys.authorize(user, tagging, target.resource, 'query', context);
    // Renaming or moving a server certificate is also decided on its new ARN (ADR 0085).
    const renamed = renamedServerCertificateOf(action.name, payload, target.resource);
    if (renamed) this.userKeys.authorize(user, target.action, renamed, 'query', context);
    // Handing a role to a service is also passing it (iam:PassRole on the role, ADR 0085).
    const passed = passedRoleOf(action.name, payload, user.accountId);
    if (passed) {
      const role = user.root
        ? { resource: passed, context: {} }
        : await this.resourceTags.resolve('iam:PassRole', passed);
      this.userKeys.authorize(user, 'iam:PassRole', role.resource, 'query', {
        ...role.context,
        ...requestContext({ region: GLOBAL_SERVICE_REGION }),
      });
    }
    return forward;
  }
}

/**
 * STS actions an IAM user may call, and the resource each is decided on (null: no permission is
 * needed, as AWS documents for GetSessionToken and GetAccessKeyInfo).
 */
const STS_DECISIONS: Record<string, ((req: Record<string, unknown>, accountId: string) => string) | null> = {
  GetSessionToken: null,
  GetAccessKeyInfo: null,
  GetFederationToken: (req, accountId) => `arn:aws:sts::${accountId}:federated-user/${String(req.Name)}`,
  // The identity side here; the role's trust policy is checked by credential vending.
  AssumeRole: (req) => String(req.RoleArn),
  DecodeAuthorizationMessage: () => '*',
  GetWebIdentityToken: () => '*',
};

/**
 * The condition keys of GetFederationToken's session tags, `aws:RequestTag/<key>` and `aws:TagKeys`,
 * for its `sts:TagSession` decision; undefined when it passes none.
 */
function federationTags(action: QueryAction, payload: unknown): Record<string, ContextValue> | undefined {
  if (action.name !== 'GetFederationToken') return undefined;
  const tags = (payload as { Tags?: { Key?: unknown; Value?: unknown }[] }).Tags;
  if (!Array.isArray(tags) || tags.length === 0) return undefined;
  const context: Record<string, ContextValue> = {};
  const keys: string[] = [];
  for (const t of tags) {
    if (typeof t?.Key !== 'string') continue;
    context[`aws:RequestTag/${t.Key}`] = typeof t.Value === 'string' ? t.Value : '';
    keys.push(t.Key);
  }
  context['aws:TagKeys'] = keys;
  return context;
}

/** What AWS refuses to temporary credentials of a long-term key, with the answers it gives. */
/** An IAM user's request as it is forwarded: the admin key's, naming the user (not the root's). */
function iamUserCaller(user: IamUserCaller): Caller {
  // An MFA session's time of MFA goes along (AssumeRole carries it into the role session; ADR 0072).
  const mfa =
    user.session?.mfaAuthenticatedAt !== undefined
      ? { mfaAuthenticatedAt: user.session.mfaAuthenticatedAt }
      : {};
  return user.root
    ? { kind: 'admin', accessKeyId: user.accessKeyId, ...mfa }
    : {
        kind: 'admin',
        accessKeyId: user.accessKeyId,
        principalArn: user.arn,
        principalId: user.userId,
        ...mfa,
      };
}

function adminOnly(action: QueryAction, principal: VerifiedPrincipal | undefined): AwsError {
  return new AwsError(
    'AccessDenied',
    `User: ${principal?.arn ?? 'anonymous'} is not authorized to perform: ${action.api}:${action.name} because only the admin key may manage IAM entities in idfed`,
  );
}

function refuseToSessionCredentials(user: IamUserCaller, action: QueryAction): void {
  if (action.name === 'GetSessionToken' || action.name === 'GetFederationToken') {
    throw new AwsError('AccessDenied', `Cannot call ${action.name} with session credentials`);
  }
  // GetCallerIdentity is answered before this; AWS: "You cannot call any STS API except AssumeRole
  // or GetCallerIdentity" (GetSessionToken), "except GetCallerIdentity" (GetFederationToken).
  // GetSessionToken's credentials "can't call IAM API operations unless MFA authentication
  // information is included in the request": with MFA they can (ADR 0072), decided as the user.
  const sessionToken = user.session?.kind === 'session-token';
  const allowed =
    (action.api === 'sts' && action.name === 'AssumeRole' && sessionToken) ||
    (action.api === 'iam' && sessionToken && user.session?.mfaAuthenticatedAt !== undefined);
  if (!allowed) {
    throw new AwsError(
      'AccessDenied',
      `User: ${user.arn} is not authorized to perform: ${action.api}:${action.name} because ${
        action.api === 'iam'
          ? 'IAM cannot be called with temporary credentials of a long-term key without MFA'
          : `this action cannot be called with credentials from ${user.session?.kind === 'federation' ? 'GetFederationToken' : 'GetSessionToken'}`
      }`,
    );
  }
}

/** GetCallerIdentity for an IAM user: its user id, account and ARN. */
function userIdentity(user: IamUserCaller): GetCallerIdentityResult {
  return { UserId: user.userId, Account: user.accountId, Arn: user.arn };
}

/** GetCallerIdentity, answered from the verified signature alone. */
function callerIdentity(principal: VerifiedPrincipal): GetCallerIdentityResult {
  return { UserId: principal.userId, Account: principal.accountId, Arn: principal.arn };
}

function queryOf(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? '' : req.originalUrl.slice(at + 1);
}

/** IAM actions after which ResourceTags forgets the entity: its tags or its boundary changed. */
const RETAGS = /^(Tag|Untag|Put\w+PermissionsBoundary$|Delete\w+PermissionsBoundary$)/;
