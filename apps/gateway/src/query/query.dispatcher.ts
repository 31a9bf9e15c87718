import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  AwsError,
  parseQueryRequest,
  queryParamsToObject,
  queryResponse,
  validateOperationInput,
  XmlObject,
} from '@idfed/aws-protocol';
import { Authorizer, VerifiedPrincipal } from '@idfed/authorizer';
import { regionServed } from '@idfed/config';
import { Caller, GetCallerIdentityResult } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { SigV4Error, verifySigV4 } from '@idfed/sigv4';
import { IamUserCaller, IamUserKeys } from '../credentials/iam-user-keys';
import { operationTarget } from '../credentials/operation-resources';
import { callerOf } from '../credentials/caller-of';
import { queryAuthError } from '@idfed/authorizer';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { writeAwsResponse } from '../http/aws-response.writer';
import { commandMeta } from '../http/command-meta';
import { requestIdOf } from '../http/request-context.middleware';
import { OPERATION_LOCAL } from '../http/request-metrics';
import { findQueryAction, namespaceForVersion, QUERY_LIST_MEMBERS, QueryAction } from './query-actions.table';

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
    @Inject(Authorizer) private readonly authorizer: Authorizer,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    @Inject(IamUserKeys) private readonly userKeys: IamUserKeys,
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
    if (action.auth === 'admin' && principal?.type !== 'Root' && !user) {
      throw new AwsError(
        'AccessDenied',
        `User: ${principal?.arn ?? 'anonymous'} is not authorized to perform: ${action.api}:${action.name} because only the admin key may manage IAM entities in idfed`,
      );
    }

    let result: unknown;
    if (!action.operation) {
      result = user ? userIdentity(user) : callerIdentity(principal!);
    } else {
      const payload = validateOperationInput(
        action.api,
        action.name,
        queryParamsToObject(parsed.params, {
          lists: QUERY_LIST_MEMBERS,
          integers: action.operation.integers,
        }),
      );
      const caller = user ? this.decideIamUser(user, action, payload, signer!.region) : callerOf(principal);
      result = await this.bus.request(
        action.operation.command,
        payload,
        // IAM is global: its commands carry no region (ADR 0032).
        commandMeta(req, requestId, caller, action.api === 'iam' ? undefined : signer?.region),
      );
    }
    const hasResult = action.operation ? action.operation.hasResult : true;
    writeAwsResponse(
      res,
      queryResponse(
        action.name,
        action.namespace,
        hasResult ? ((result ?? {}) as XmlObject) : undefined,
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
    let region: string;
    try {
      ({ region } = await verifySigV4(parts, {
        ...options,
        resolveSecret: async (accessKeyId, token) => {
          if (token !== undefined) return undefined;
          user = await this.userKeys.resolve(accessKeyId, this.options.env.accountId);
          return user?.secret;
        },
      }));
    } catch (err) {
      throw queryAuthError(err);
    }
    return { principal: user!, region };
  }

  /**
   * An IAM user's request: IAM actions are decided by the user's policies and then forwarded as
   * the admin key's; STS actions besides GetCallerIdentity are not served to IAM users yet.
   */
  private decideIamUser(user: IamUserCaller, action: QueryAction, payload: unknown, region: string): Caller {
    if (action.api !== 'iam') {
      throw new AwsError(
        'AccessDenied',
        `User: ${user.arn} is not authorized to perform: ${action.api}:${action.name} because idfed does not yet serve this action to IAM users`,
      );
    }
    const target = operationTarget('iam', action.name, payload, region, user.accountId);
    this.userKeys.authorize(user, target.action, target.resource, 'query', target.context);
    return { kind: 'admin', accessKeyId: user.accessKeyId, principalArn: user.arn };
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
