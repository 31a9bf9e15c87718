import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AwsError, isAwsJsonContentType, parseJsonRequestBody, querySigV4Error } from '@idfed/aws-protocol';
import {
  AuthorizationResult,
  Authorizer,
  CredentialError,
  CredentialResolver,
  VerifiedPrincipal,
} from '@idfed/authorizer';
import { regionServed } from '@idfed/config';
import { ContextValue } from '@idfed/policy';
import { AuthorizationMessageSealer } from '@idfed/session-credentials';
import { SigV4Error } from '@idfed/sigv4';
import { AdminSignatureVerifier } from '../cognito/admin-signature.verifier';
import {
  describeIamUser,
  IamUserCaller,
  IamUserKeys,
  ResourceTags,
  withSignedRequestContext,
} from '@idfed/authorizer';
import { GATEWAY_OPTIONS, GatewayOptions } from '../gateway.options';
import { queryAuthError } from '@idfed/authorizer';
import { readRawBody } from '../http/raw-body.reader';
import { requestIdOf } from '../http/request-context.middleware';
import { readAuthorizeRequest } from './authorize.request';

/** Credential scope service of calls to /authorize (signed with the admin key). */
export const AUTHORIZER_SIGNING_NAME = 'idfed';

/**
 * POST /authorize, for resource services (docs/api.md): the admin key signs the call; the body
 * names a signed request to verify (or credentials already verified) plus an action, a resource
 * and request context. The answer says who the principal is and whether IAM's rules allow it,
 * with the deciding statement. A request that fails verification is answered 200 with
 * `authenticated: false` and the AWS error it would have got: the call itself did not fail.
 */
@Controller('authorize')
export class AuthorizeController {
  constructor(
    @Inject(Authorizer) private readonly authorizer: Authorizer,
    @Inject(CredentialResolver) private readonly credentials: CredentialResolver,
    @Inject(AdminSignatureVerifier) private readonly signatures: AdminSignatureVerifier,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    @Inject(AuthorizationMessageSealer) private readonly messages: AuthorizationMessageSealer,
    @Inject(IamUserKeys) private readonly userKeys: IamUserKeys,
    @Inject(ResourceTags) private readonly resourceTags: ResourceTags,
  ) {}

  @Post()
  async authorize(@Req() req: Request, @Res() res: Response): Promise<void> {
    const body = await readRawBody(req);
    await this.signatures.verify(req, body, AUTHORIZER_SIGNING_NAME);
    if (!isAwsJsonContentType(req.headers['content-type'])) {
      throw new AwsError('SerializationException', 'Content-Type must be application/json.');
    }
    const input = readAuthorizeRequest(parseJsonRequestBody(body));
    let principal: VerifiedPrincipal | IamUserCaller;
    // The region the asked-about request was signed for: aws:RequestedRegion (none for credentials).
    let signedRegion: string | undefined;
    try {
      if (input.request) {
        const region = requestedRegion(this.options, input.request.region);
        // As on AWS: only S3 takes a body the signature does not cover.
        const allowUnsignedPayload = input.request.service === 's3';
        // An IAM user's key or a long-term key's session (ADR 0047), resolved as Cognito Sync does;
        // any other key is the authorizer's, as before.
        const user = await this.userKeys.verifySigned(input.request.parts, {
          service: input.request.service,
          region,
          allowUnsignedPayload,
          accountId: this.options.env.accountId,
          adminAccessKeyId: this.options.adminCredentials.accessKeyId,
        });
        const verified = user
          ? { principal: user.user as VerifiedPrincipal | IamUserCaller, region: user.region }
          : await this.authorizer.authenticateScoped(input.request.parts, {
              service: input.request.service,
              region,
              allowUnsignedPayload,
            });
        principal = verified.principal;
        signedRegion = verified.region;
      } else {
        principal = await this.fromCredentials(input.credentials!);
      }
    } catch (err) {
      if (!(err instanceof SigV4Error || err instanceof CredentialError)) throw err;
      const error = (err instanceof SigV4Error ? querySigV4Error(err) : queryAuthError(err)) as AwsError;
      if (error.status >= 500) throw error;
      res
        .status(200)
        .setHeader('x-amzn-RequestId', requestIdOf(res))
        .json({
          authenticated: false,
          allowed: false,
          decision: 'ImplicitDeny',
          reason: 'The request could not be authenticated.',
          error: { code: error.errorName, message: error.message },
        });
      return;
    }
    // An idfed resource's own tags (ADR 0066), and the region signed for: neither is the asker's to say.
    const tagged = await this.resourceTags.askedContext(input.action, input.resource, input.context);
    const context =
      signedRegion === undefined ? tagged : withSignedRequestContext(tagged, { region: signedRegion });
    const result: AuthorizationResult =
      'policies' in principal
        ? this.decideForUser(principal, input.action, input.resource, context)
        : await this.authorizer.authorize({
            principal,
            action: input.action,
            resource: input.resource,
            context,
          });
    // A refusal carries an encoded authorization message, as AWS's policy-decided refusals do:
    // sealed (ADR 0039), for the caller to pass to STS DecodeAuthorizationMessage.
    const encodedMessage = result.allowed
      ? undefined
      : this.messages.encode({
          allowed: false,
          explicitDeny: result.decision === 'ExplicitDeny',
          matchedStatements: {
            items:
              result.decision === 'ExplicitDeny' && result.decidedBy
                ? [
                    {
                      statementId: result.decidedBy.sid ?? `${result.decidedBy.statementIndex}`,
                      effect: 'DENY',
                      policy: result.decidedBy.policy,
                    },
                  ]
                : [],
          },
          failures: { items: [] },
          context: {
            principal: { id: result.principal.userId, arn: result.principal.arn },
            action: input.action,
            resource: input.resource,
            conditions: {
              items: Object.entries(context).map(([key, value]) => ({
                key,
                values: {
                  items: (Array.isArray(value) ? value : [value]).map((v) => ({ value: String(v) })),
                },
              })),
            },
          },
        });
    res
      .status(200)
      .setHeader('x-amzn-RequestId', requestIdOf(res))
      .json({ authenticated: true, ...result, ...(encodedMessage ? { encodedMessage } : {}) });
  }

  /** The IAM user's policies (incl. its groups'), within its boundary and session policies. */
  private decideForUser(
    user: IamUserCaller,
    action: string,
    resource: string,
    context: Record<string, ContextValue> | undefined,
  ): AuthorizationResult {
    const decision = this.userKeys.decide(user, action, resource, context);
    return {
      principal: describeIamUser(user),
      decision: decision.decision,
      allowed: decision.decision === 'Allow',
      reason: decision.reason,
      ...(decision.decidedBy ? { decidedBy: decision.decidedBy } : {}),
    };
  }

  private async fromCredentials(c: {
    accessKeyId: string;
    sessionToken: string;
  }): Promise<VerifiedPrincipal | IamUserCaller> {
    // A GetSessionToken / GetFederationToken session (ADR 0047): its parent key still looked up.
    const session = await this.userKeys.resolveSession(
      c.accessKeyId,
      c.sessionToken,
      this.options.env.accountId,
      this.options.adminCredentials.accessKeyId,
    );
    if (session) return session;
    const resolved = this.credentials.resolve(c.accessKeyId, c.sessionToken);
    if (!resolved)
      throw new SigV4Error('unknown-access-key', 'The security token included in the request is invalid.');
    return resolved.principal;
  }
}

/**
 * The regions a verified request may be scoped to: the one the caller names, if idfed serves it,
 * else any region idfed serves (ADR 0032). An unserved one refuses every scope, as AWS refuses
 * credentials in a region not enabled for the account.
 */
function requestedRegion(
  options: GatewayOptions,
  named: string | undefined,
): string | ((region: string) => boolean) {
  if (named === undefined) return (region) => regionServed(options.env, region);
  return regionServed(options.env, named) ? named : () => false;
}
