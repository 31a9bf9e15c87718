import { Inject, Injectable } from '@nestjs/common';
import { AwsError, querySigV4Error } from '@idfed/aws-protocol';
import {
  Authorizer,
  CredentialError,
  CredentialResolver,
  ResourceTags,
  VerifiedPrincipal,
  withSignedRequestContext,
} from '@idfed/authorizer';
import { regionServed } from '@idfed/config';
import { ContextValue } from '@idfed/policy';
import { SigV4Error } from '@idfed/sigv4';
import { GRPC_GATEWAY_OPTIONS, GrpcGatewayOptions } from '../grpc-gateway.options';
import { GrpcServiceBinding } from '../grpc/grpc-server';

interface AuthorizeRequest {
  action: string;
  resource: string;
  contextJson: Record<string, string>;
  subject?: 'request' | 'credentials';
  request?: {
    method: string;
    path: string;
    query: string;
    headers: Record<string, { values: string[] }>;
    body: Buffer;
    service: string;
    region: string;
  };
  credentials?: { accessKeyId: string; sessionToken: string };
}

const ACTION = /^[A-Za-z0-9.-]+:[A-Za-z0-9*?]+$/;

/**
 * idfed.authorizer.v1.Authorizer: `POST /authorize` over gRPC, the same verifier and policy engine
 * (@idfed/authorizer). A request that fails verification is an answer (`authenticated: false` with
 * the AWS error it would have got), not a failed call.
 */
@Injectable()
export class AuthorizerService {
  constructor(
    @Inject(Authorizer) private readonly authorizer: Authorizer,
    @Inject(CredentialResolver) private readonly credentials: CredentialResolver,
    @Inject(GRPC_GATEWAY_OPTIONS) private readonly options: GrpcGatewayOptions,
    @Inject(ResourceTags) private readonly resourceTags: ResourceTags,
  ) {}

  binding(): GrpcServiceBinding {
    return {
      service: 'idfed.authorizer.v1.Authorizer',
      unary: { Authorize: (r: AuthorizeRequest) => this.authorize(r) },
    };
  }

  async authorize(input: AuthorizeRequest): Promise<object> {
    if (!ACTION.test(input.action) || input.action.length > 128)
      throw invalid('action must be "service:Action".');
    if (input.resource.length === 0 || input.resource.length > 2048)
      throw invalid('resource must be an ARN or "*".');
    const context = contextOf(input.contextJson);
    let principal: VerifiedPrincipal;
    // The region the asked-about request was signed for: aws:RequestedRegion (none for credentials).
    let signedRegion: string | undefined;
    try {
      if (input.subject === 'request' && input.request) {
        const r = input.request;
        if (!r.method || !r.path || !r.service) throw invalid('request needs method, path and service.');
        const scoped = await this.authorizer.authenticateScoped(
          {
            method: r.method,
            path: r.path,
            query: r.query,
            headers: Object.fromEntries(
              Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v.values]),
            ),
            body: r.body,
          },
          {
            service: r.service,
            // The region asked for, if idfed serves it; else any it serves (ADR 0032).
            region: r.region
              ? regionServed(this.options.env, r.region)
                ? r.region
                : () => false
              : (name: string) => regionServed(this.options.env, name),
            allowUnsignedPayload: r.service === 's3',
          },
        );
        principal = scoped.principal;
        signedRegion = scoped.region;
      } else if (input.subject === 'credentials' && input.credentials) {
        const c = input.credentials;
        const resolved = this.credentials.resolve(c.accessKeyId, c.sessionToken);
        if (!resolved)
          throw new SigV4Error(
            'unknown-access-key',
            'The security token included in the request is invalid.',
          );
        principal = resolved.principal;
      } else {
        throw invalid('Give exactly one of request (a signed request to verify) or credentials.');
      }
    } catch (err) {
      if (!(err instanceof SigV4Error || err instanceof CredentialError)) throw err;
      const error = err instanceof SigV4Error ? querySigV4Error(err) : credentialError(err);
      if (error.status >= 500) throw error;
      return {
        authenticated: false,
        allowed: false,
        decision: 'ImplicitDeny',
        reason: 'The request could not be authenticated.',
        errorName: error.errorName,
        errorMessage: error.message,
      };
    }
    // An idfed resource's own tags (ADR 0066), read as the admin key (else as the principal's key).
    const tagged = await this.resourceTags.askedContext(
      input.action,
      input.resource,
      context,
      principal.accessKeyId,
    );
    const result = await this.authorizer.authorize({
      principal,
      action: input.action,
      resource: input.resource,
      context:
        signedRegion === undefined ? tagged : withSignedRequestContext(tagged, { region: signedRegion }),
    });
    const p = result.principal;
    return {
      authenticated: true,
      allowed: result.allowed,
      decision: result.decision,
      reason: result.reason,
      principal: {
        type: p.type,
        arn: p.arn,
        accountId: p.accountId,
        userId: p.userId,
        roleArn: p.roleArn ?? '',
        sessionName: p.sessionName ?? '',
        json: JSON.stringify(p),
      },
      ...(result.decidedBy
        ? {
            decidedBy: {
              policy: result.decidedBy.policy,
              sid: result.decidedBy.sid ?? '',
              effect: result.decision === 'ExplicitDeny' ? 'Deny' : 'Allow',
            },
          }
        : {}),
    };
  }
}

function contextOf(json: Record<string, string>): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  const scalar = (v: unknown) => ['string', 'number', 'boolean'].includes(typeof v);
  for (const [key, text] of Object.entries(json)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw invalid(`context ${key.slice(0, 64)} is not JSON.`);
    }
    if (!(scalar(value) || (Array.isArray(value) && value.every(scalar))))
      throw invalid(`context ${key.slice(0, 64)} must be a string, number, boolean or a list of them.`);
    out[key] = value as ContextValue;
  }
  return out;
}

function credentialError(err: CredentialError): AwsError {
  switch (err.reason) {
    case 'expired':
      return new AwsError('ExpiredToken', err.message);
    case 'unavailable':
      return new AwsError('ServiceUnavailable', err.message);
    case 'invalid':
    case 'revoked':
      return new AwsError('InvalidClientTokenId', err.message);
  }
}

function invalid(message: string): AwsError {
  return new AwsError('ValidationException', message);
}
