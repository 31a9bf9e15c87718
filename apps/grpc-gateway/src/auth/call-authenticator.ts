import { Inject, Injectable } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { AwsError } from '@idfed/aws-protocol';
import {
  AssumedRolePrincipal,
  Authorizer,
  IamUserKeys,
  jsonAuthError,
  requestContext,
  rootPrincipal,
} from '@idfed/authorizer';
import { regionServed } from '@idfed/config';
import { HttpRequestParts, parseAmzDate } from '@idfed/sigv4';
import { CallPrincipal, IamUserPrincipal } from '../grpc/call-context';
import { GrpcCallActions, grpcCallActions } from './grpc-actions';
import {
  GRPC_GATEWAY_CLOCK,
  GRPC_GATEWAY_OPTIONS,
  GRPC_SIGNING_NAME,
  GrpcGatewayOptions,
} from '../grpc-gateway.options';
import { ReplayGuard } from './replay-guard';
import { SharedCallIds } from './shared-call-ids';

/** SigV4's clock skew, both ways: a signature verifies for at most this long after its date. */
const SKEW_MS = 300_000;
/** The signed metadata that makes each call unique, so a replay of it can be told from a new call. */
export const CALL_ID_HEADER = 'idfed-call-id';
const CALL_ID = /^[\x21-\x7e]{8,128}$/;

/** What a call presents to be authenticated: its metadata, :authority, method path and request bytes. */
export interface SignedCall {
  metadata: Metadata;
  host: string;
  /** `/idfed.tokens.v1.Tokens/VerifyToken` */
  path: string;
  body: Buffer;
  /**
   * The SHA-256 fingerprint (lowercase hex) of the client certificate the connection's mutual TLS
   * verified against IDFED_GRPC_TLS_CLIENT_CA_FILE; undefined on plaintext, TLS without one.
   */
  clientCertificate?: string;
}

/**
 * Authenticates a gRPC call as SigV4 over it (docs/api.md, "gRPC"): the canonical request is
 * `POST`, the method path, no query, the metadata as headers with `host` the call's :authority, and
 * the serialized request message as the payload; scope service `idfed`, a region idfed serves (the call is then for that region, ADR 0032). The admin
 * key signs as the account root; temporary credentials (x-amz-security-token) sign as their role
 * session and need an IAM allow for the call's action (grpc-actions.ts: `idfed-<package>:<Method>`,
 * or `idfed:<Method>` as before ADR 0065; a typed admin call's AWS action). An IAM user's active key,
 * or a GetSessionToken / GetFederationToken session of one, signs as that user (ADR 0065): its
 * AWS operations are decided by AdminService as the HTTP gateway decides them, its other calls here. Every call carries a signed `idfed-call-id`
 * of its own, accepted once per key while the signature could verify, on any replica: this replica's
 * memory refuses a replay to it at once, and credential vending's record (SharedCallIds, ADR 0050)
 * a replay to any other replica.
 */
@Injectable()
export class CallAuthenticator {
  private readonly replays: ReplayGuard;

  constructor(
    @Inject(Authorizer) private readonly authorizer: Authorizer,
    @Inject(GRPC_GATEWAY_OPTIONS) private readonly options: GrpcGatewayOptions,
    @Inject(GRPC_GATEWAY_CLOCK) private readonly now: () => number,
    @Inject(SharedCallIds) private readonly shared: SharedCallIds,
    @Inject(IamUserKeys) private readonly userKeys: IamUserKeys,
  ) {
    this.replays = new ReplayGuard(SKEW_MS, now);
  }

  async authenticate(call: SignedCall): Promise<{ principal: CallPrincipal; region: string }> {
    // A client certificate the operator mapped to a principal is the call's credential (ADR 0051):
    // TLS authenticated the peer and a replay within TLS is impossible, so no signature, no claim.
    const mapped =
      call.clientCertificate && this.options.env.grpcClientCertPrincipals?.[call.clientCertificate];
    if (mapped === 'admin') {
      return {
        principal: rootPrincipal(
          this.options.env.accountId,
          `x509-sha256:${call.clientCertificate!.slice(0, 16)}`,
        ),
        region: this.options.env.region,
      };
    }
    const headers: Record<string, string[]> = { host: [call.host] };
    for (const [name, value] of Object.entries(call.metadata.getMap())) {
      if (typeof value === 'string' && name !== 'host') headers[name] = call.metadata.get(name).map(String);
    }
    const authorization = headers.authorization?.[0];
    if (authorization === undefined)
      throw new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
    const callId = headers[CALL_ID_HEADER]?.[0];
    if (callId === undefined || !CALL_ID.test(callId) || headers[CALL_ID_HEADER].length > 1)
      throw new AwsError(
        'IncompleteSignatureException',
        `Each call needs one signed ${CALL_ID_HEADER} metadata value (8 to 128 printable characters, unique per call).`,
      );
    const parts: HttpRequestParts = { method: 'POST', path: call.path, query: '', headers, body: call.body };
    const { principal, region } = await this.verify(parts);
    const signedAt = parseAmzDate(headers['x-amz-date']?.[0] ?? '')?.getTime() ?? this.now();
    const replayed = () =>
      new AwsError(
        'InvalidSignatureException',
        `This ${CALL_ID_HEADER} was already used: sign every call anew.`,
      );
    if (!this.replays.firstUse(`${principal.accessKeyId}/${callId}`, signedAt)) throw replayed();
    let first: boolean;
    try {
      first = await this.shared.claim(principal.accessKeyId, callId, signedAt + SKEW_MS);
    } catch {
      // Not known to be a first use: the call is not run. A retry must be signed anew (new call id).
      throw new AwsError(
        'ServiceUnavailable',
        'The call id could not be recorded; sign the call anew and retry.',
      );
    }
    if (!first) throw replayed();
    const actions = grpcCallActions(call.path);
    if (principal.type === 'IAMUser') {
      // An AWS operation (Admin.Invoke, typed admin) is decided by AdminService on its own action
      // and resource, as the HTTP gateway decides it; any other call here.
      if (!actions.runsAwsOperation) this.decideIamUser(principal, actions, region);
    } else if (principal.type === 'AssumedRole') {
      await this.decideRole(principal, actions, region);
    }
    return { principal, region };
  }

  /**
   * The call's action, or its name before ADR 0065 (kept so existing policies work): an allow of
   * either lets the call through, an explicit deny of either refuses it.
   */
  private decideIamUser(principal: IamUserPrincipal, actions: GrpcCallActions, region: string): void {
    const context = requestContext({ region });
    const names = [actions.action, ...(actions.legacy ? [actions.legacy] : [])];
    const decisions = names.map((action) => this.userKeys.decide(principal.user, action, '*', context));
    const denied = decisions.findIndex((d) => d.decision === 'ExplicitDeny');
    if (denied < 0 && decisions.some((d) => d.decision === 'Allow')) return;
    // Throws AWS's refusal naming the action that decided it.
    this.userKeys.authorize(principal.user, names[Math.max(denied, 0)], '*', 'json', context);
  }

  private async decideRole(
    principal: AssumedRolePrincipal,
    actions: GrpcCallActions,
    region: string,
  ): Promise<void> {
    const context = requestContext({ region });
    const names = [actions.action, ...(actions.legacy ? [actions.legacy] : [])];
    const decisions = await Promise.all(
      names.map((action) => this.authorizer.authorize({ principal, action, resource: '*', context })),
    );
    const denied = decisions.findIndex((d) => d.decision === 'ExplicitDeny');
    if (denied < 0 && decisions.some((d) => d.allowed)) return;
    throw new AwsError(
      'AccessDeniedException',
      `User: ${principal.arn} is not authorized to perform: ${names[Math.max(denied, 0)]}`,
    );
  }

  /**
   * The signature, by an IAM user's key (or a session of a long-term key) first, else by the admin
   * key or a role session. A session whose parent key is gone, and a bad signature made with a
   * user's key, are refused as such; any other key goes on to the authorizer.
   */
  private async verify(parts: HttpRequestParts): Promise<{ principal: CallPrincipal; region: string }> {
    const scope = {
      service: GRPC_SIGNING_NAME,
      region: (name: string) => regionServed(this.options.env, name),
      now: () => new Date(this.now()),
      mustSignHeaders: [CALL_ID_HEADER],
    };
    try {
      const found = await this.userKeys.verifySigned(parts, {
        ...scope,
        accountId: this.options.env.accountId,
        adminAccessKeyId: this.options.adminCredentials?.accessKeyId,
      });
      if (found) {
        const { user } = found;
        return {
          principal: { type: 'IAMUser', accessKeyId: user.accessKeyId, arn: user.arn, user },
          region: found.region,
        };
      }
      return await this.authorizer.authenticateScoped(parts, scope);
    } catch (err) {
      throw jsonAuthError(err);
    }
  }
}
