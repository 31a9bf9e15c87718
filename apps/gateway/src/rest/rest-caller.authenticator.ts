import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AwsError, jsonSigV4Error } from '@idfed/aws-protocol';
import { Authorizer, CredentialError, VerifiedPrincipal } from '@idfed/authorizer';
import { regionServed } from '@idfed/config';
import { AnyOperation, Caller } from '@idfed/contracts';
import { SigV4Error } from '@idfed/sigv4';
import { IamUserCaller, IamUserKeys } from '@idfed/authorizer';
import { callerOf } from '../credentials/caller-of';
import { jsonAuthError, requestContext } from '@idfed/authorizer';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { cognitoIdentityOf } from '../credentials/cognito-identity.session';

/** A verified REST-JSON caller: the principal for policy decisions, the caller for the command. */
export interface RestCaller {
  principal?: VerifiedPrincipal;
  /** An IAM user's key, or a session of a long-term key (ADR 0047): decided by its policies. */
  iamUser?: IamUserCaller;
  caller: Caller;
  /** The region the request was signed for (ADR 0032); unsigned: the ids' (the gateway's choice). */
  region?: string;
}

/**
 * Who sends a REST-JSON request (Cognito Sync) and whether they may. Authentication is SigV4 with
 * the admin key or temporary credentials, signed for the API's own service name; the method and
 * path are part of what is signed, so the signature covers the operation and its resource.
 * Authorization comes after the input is read, because the resource is in the path: the admin key
 * may act on any identity (as AWS developer credentials may); a temporary session only on the
 * Cognito identity it was issued for, and only where its role's policies allow
 * `cognito-sync:<Operation>` on that identity's ARN. An IAM user's key, or a GetSessionToken /
 * GetFederationToken session (ADR 0047), acts as developer credentials do, where its policies
 * allow `cognito-sync:<Operation>` on the resource's ARN. Everything else is NotAuthorizedException.
 */
@Injectable()
export class RestCallerAuthenticator {
  constructor(
    @Inject(Authorizer) private readonly authorizer: Authorizer,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    @Inject(IamUserKeys) private readonly userKeys: IamUserKeys,
  ) {}

  async authenticate(req: Request, body: Buffer, operation: AnyOperation): Promise<RestCaller> {
    if (operation.access === 'public') return { caller: { kind: 'anonymous' } };
    const [path, query = ''] = splitOnce(req.originalUrl, '?');
    const asUser = await this.authenticateIamUser(req, path, query, body, operation);
    if (asUser) return asUser;
    let signed: { principal: VerifiedPrincipal; region: string };
    try {
      signed = await this.authorizer.authenticateScoped(
        { method: req.method, path, query, headers: req.headersDistinct, body },
        { service: signingNameOf(operation), region: (region) => regionServed(this.options.env, region) },
      );
    } catch (err) {
      throw jsonAuthError(err);
    }
    return { principal: signed.principal, caller: callerOf(signed.principal), region: signed.region };
  }

  /**
   * A request signed with an IAM user's active key or a session of a long-term key (ADR 0039,
   * 0047), looked up as the JSON APIs look them up (every request); undefined for any other key
   * (the admin key, role sessions, unknown keys), which the authorizer then verifies as before.
   */
  private async authenticateIamUser(
    req: Request,
    path: string,
    query: string,
    body: Buffer,
    operation: AnyOperation,
  ): Promise<RestCaller | undefined> {
    let found: { user: IamUserCaller; region: string } | undefined;
    try {
      found = await this.userKeys.verifySigned(
        { method: req.method, path, query, headers: req.headersDistinct, body },
        {
          service: signingNameOf(operation),
          region: (region) => regionServed(this.options.env, region),
          accountId: this.options.env.accountId,
          adminAccessKeyId: this.options.adminCredentials.accessKeyId,
        },
      );
    } catch (err) {
      // A session whose parent key is gone, or expired (ADR 0039): AWS's answer for such a token.
      if (err instanceof CredentialError) throw jsonAuthError(err);
      if (err instanceof SigV4Error) throw jsonSigV4Error(err);
      throw err;
    }
    if (!found) return undefined;
    const { user } = found;
    const caller: Caller = user.root
      ? { kind: 'admin', accessKeyId: user.accessKeyId }
      : { kind: 'admin', accessKeyId: user.accessKeyId, principalArn: user.arn, principalId: user.userId };
    return { iamUser: user, caller, region: found.region };
  }

  async authorize(who: RestCaller, operation: AnyOperation, input: Record<string, unknown>): Promise<void> {
    if (who.iamUser && operation.access !== 'public') {
      const resource = cognitoSyncArn(who.region ?? this.options.env.region, who.iamUser.accountId, input);
      try {
        this.userKeys.authorize(
          who.iamUser,
          `cognito-sync:${operation.name}`,
          resource,
          'json',
          requestContext({ region: who.region ?? this.options.env.region }),
        );
      } catch (err) {
        // Cognito Sync's model names its refusal NotAuthorizedException (403), with IAM's wording.
        if (err instanceof AwsError) throw new AwsError('NotAuthorizedException', err.message);
        throw err;
      }
      return;
    }
    const principal = who.principal;
    if (operation.access === 'public' || principal?.type === 'Root') return;
    if (!principal || operation.access !== 'signed') {
      throw new AwsError('NotAuthorizedException', `Only the admin key may call ${operation.name}.`);
    }
    const identityPoolId = text(input.IdentityPoolId);
    const identityId = text(input.IdentityId);
    const own = cognitoIdentityOf(principal.session);
    if (!own || own.identityId !== identityId || own.identityPoolId !== identityPoolId) {
      throw new AwsError(
        'NotAuthorizedException',
        `${principal.arn} may act only on the Cognito identity its credentials were issued for.`,
      );
    }
    const resource = cognitoSyncArn(who.region ?? this.options.env.region, principal.accountId, input);
    const action = `cognito-sync:${operation.name}`;
    const decision = await this.authorizer.authorize({
      principal,
      action,
      resource,
      context: requestContext({ region: who.region ?? this.options.env.region }),
    });
    if (!decision.allowed) {
      throw new AwsError(
        'NotAuthorizedException',
        `${principal.arn} is not authorized to perform: ${action} on resource: ${resource}`,
      );
    }
  }
}

/** `arn:aws:cognito-sync:<region>:<account>:identitypool/<pool>/identity/<id>/dataset/<name>`, as deep as the input goes. */
export function cognitoSyncArn(region: string, accountId: string, input: Record<string, unknown>): string {
  let resource = `identitypool/${text(input.IdentityPoolId)}`;
  if (input.IdentityId !== undefined) resource += `/identity/${text(input.IdentityId)}`;
  if (input.DatasetName !== undefined) resource += `/dataset/${text(input.DatasetName)}`;
  return `arn:aws:cognito-sync:${region}:${accountId}:${resource}`;
}

/** The SigV4 service name: the API's (`cognito-sync`). */
function signingNameOf(operation: AnyOperation): string {
  const surface = operation.surface;
  if (surface.protocol !== 'rest-json') throw new Error(`${operation.name} is not a REST-JSON operation`);
  return surface.api;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}
