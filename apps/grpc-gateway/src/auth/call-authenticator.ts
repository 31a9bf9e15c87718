import { Inject, Injectable } from '@nestjs/common';
import type { Metadata } from '@grpc/grpc-js';
import { AwsError } from '@idfed/aws-protocol';
import { Authorizer, jsonAuthError, rootPrincipal, VerifiedPrincipal } from '@idfed/authorizer';
import { regionServed } from '@idfed/config';
import { parseAmzDate } from '@idfed/sigv4';
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
 * session and need an IAM allow for `idfed:<Method>`. Every call carries a signed `idfed-call-id`
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
  ) {
    this.replays = new ReplayGuard(SKEW_MS, now);
  }

  async authenticate(call: SignedCall): Promise<{ principal: VerifiedPrincipal; region: string }> {
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
    let principal: VerifiedPrincipal;
    let region: string;
    try {
      ({ principal, region } = await this.authorizer.authenticateScoped(
        { method: 'POST', path: call.path, query: '', headers, body: call.body },
        {
          service: GRPC_SIGNING_NAME,
          region: (name) => regionServed(this.options.env, name),
          now: () => new Date(this.now()),
          mustSignHeaders: [CALL_ID_HEADER],
        },
      ));
    } catch (err) {
      throw jsonAuthError(err);
    }
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
    if (principal.type === 'AssumedRole') {
      const method = call.path.slice(call.path.lastIndexOf('/') + 1);
      const decision = await this.authorizer.authorize({
        principal,
        action: `idfed:${method}`,
        resource: '*',
      });
      if (!decision.allowed) {
        throw new AwsError(
          'AccessDeniedException',
          `User: ${principal.arn} is not authorized to perform: idfed:${method}`,
        );
      }
    }
    return { principal, region };
  }
}
