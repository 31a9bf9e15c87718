import type { IncomingMessage } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import { Authorizer, CredentialError, RefusedCallRecorder, VerifiedPrincipal } from '@idfed/authorizer';
import { AwsError } from '@idfed/aws-protocol';
import { regionServed } from '@idfed/config';
import { Caller, CommandMeta, DeviceSocketConnect } from '@idfed/contracts';
import { parseQuery, SigV4Error } from '@idfed/sigv4';
import {
  DEVICE_GATEWAY_CLOCK,
  DEVICE_GATEWAY_OPTIONS,
  DeviceGatewayOptions,
} from '../device-gateway.options';
import { DeviceIdentity, identityOfSession } from './device-identity';
import { UpgradeRefusal } from './upgrade-refusal';

/** The one path devices connect to. */
export const SYNC_PATH = '/sync';
/** The signing service of the presigned URL, as Cognito Sync's own requests are signed. */
export const SYNC_SIGNING_SERVICE = 'cognito-sync';

const DEVICE_ID = /^[\w.:-]{1,256}$/;

export interface AuthenticatedDevice {
  identity: DeviceIdentity;
  /** The `deviceId` query parameter, when given (signed with the rest of the query). */
  deviceId?: string;
}

/**
 * Authenticates a websocket upgrade as AWS IoT does MQTT over websockets: the URL is presigned
 * with SigV4 (X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders with host,
 * -Security-Token, -Signature; service `cognito-sync`, the region of the identity's pool, which idfed
 * must serve, ADR 0032) with an identity's
 * temporary credentials. The signature, the session token, its expiry and its role's revocations
 * are checked by the same verifier as the HTTP gateway's (@idfed/authorizer, @idfed/sigv4). The
 * admin key is refused: a socket belongs to an identity, and the admin key is nobody's.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    @Inject(Authorizer) private readonly authorizer: Authorizer,
    @Inject(DEVICE_GATEWAY_OPTIONS) private readonly options: DeviceGatewayOptions,
    @Inject(DEVICE_GATEWAY_CLOCK) private readonly now: () => number,
    @Inject(RefusedCallRecorder) private readonly refusals: RefusedCallRecorder,
  ) {}

  /** `requestId` names the attempt: in the refusal's `x-amzn-RequestId` and its audit record. */
  async authenticate(req: IncomingMessage, requestId: string): Promise<AuthenticatedDevice> {
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = q < 0 ? '' : url.slice(q + 1);
    if (path !== SYNC_PATH) throw new UpgradeRefusal(404, `Nothing to connect to at ${path.slice(0, 64)}`);
    const params = new Map<string, string[]>();
    for (const p of parseQuery(query)) params.set(p.name, [...(params.get(p.name) ?? []), p.value]);
    if (!params.has('X-Amz-Signature')) {
      throw new UpgradeRefusal(
        403,
        'The URL must be presigned with SigV4 (X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders, X-Amz-Security-Token, X-Amz-Signature).',
      );
    }
    if (!params.has('X-Amz-Security-Token')) {
      throw new UpgradeRefusal(
        403,
        "A socket belongs to an identity: sign with the identity's temporary credentials (GetCredentialsForIdentity), X-Amz-Security-Token included.",
      );
    }
    const deviceIds = params.get('deviceId') ?? [];
    if (deviceIds.length > 1 || (deviceIds.length === 1 && !DEVICE_ID.test(deviceIds[0]))) {
      throw new UpgradeRefusal(400, 'deviceId must be given once, 1 to 256 letters, digits, _ . : or -.');
    }
    const { principal, region } = await this.verify(req, path, query);
    // From here the signature has named a caller: a refusal is audited by device sync (ADR 0090).
    const refuse = (reason: string) =>
      this.refused(req, requestId, principal, region, deviceIds[0], new UpgradeRefusal(403, reason));
    if (principal.type !== 'AssumedRole') {
      throw refuse('A socket belongs to an identity: the admin key cannot open one.');
    }
    const identity = identityOfSession(principal);
    if (!identity) {
      throw refuse(
        "These temporary credentials are not an identity's: use the credentials GetCredentialsForIdentity returns.",
      );
    }
    // As on AWS, whose endpoints are regional: an identity is found only in its own pool's region.
    const identityRegion = identity.identityPoolId.split(':')[0];
    if (identityRegion !== region) {
      throw refuse(
        `These credentials are an identity of ${identityRegion}: presign the URL for that region, not ${region}.`,
      );
    }
    return { identity, ...(deviceIds.length === 1 ? { deviceId: deviceIds[0] } : {}) };
  }

  /**
   * Hands the refusal of a caller the signature established to device sync, which writes its
   * audit record (`Connect`, `NotAuthorizedException`, the refusal's reason); never a secret: the
   * caller's key id and session facts, the deviceId, no signature or token.
   */
  private refused(
    req: IncomingMessage,
    requestId: string,
    principal: VerifiedPrincipal,
    region: string,
    deviceId: string | undefined,
    refusal: UpgradeRefusal,
  ): UpgradeRefusal {
    const userAgent = req.headers['user-agent'];
    const meta: CommandMeta = {
      requestId,
      caller: socketCaller(principal),
      region,
      ...(req.socket.remoteAddress ? { sourceIp: req.socket.remoteAddress } : {}),
      ...(userAgent ? { userAgent: userAgent.slice(0, 512) } : {}),
    };
    this.refusals.record(
      DeviceSocketConnect,
      deviceId === undefined ? {} : { deviceId },
      meta,
      new AwsError('NotAuthorizedException', refusal.reason, refusal.status),
    );
    return refusal;
  }

  private async verify(req: IncomingMessage, path: string, query: string) {
    try {
      return await this.authorizer.authenticateScoped(
        { method: req.method ?? 'GET', path, query, headers: req.headersDistinct, body: '' },
        {
          service: SYNC_SIGNING_SERVICE,
          region: (region) => regionServed(this.options.env, region),
          now: () => new Date(this.now()),
        },
      );
    } catch (err) {
      if (err instanceof SigV4Error) throw new UpgradeRefusal(403, err.message);
      if (err instanceof CredentialError) {
        // Revocations that cannot be checked now: a retry may succeed, unlike a bad signature.
        throw new UpgradeRefusal(err.reason === 'unavailable' ? 503 : 403, err.message);
      }
      throw err;
    }
  }
}

/** The caller an audit record names for a socket's principal: its key id and session, no secret. */
export function socketCaller(principal: VerifiedPrincipal): Caller {
  if (principal.type === 'Root') return { kind: 'admin', accessKeyId: principal.accessKeyId };
  const s = principal.session;
  return {
    kind: 'temporary',
    accessKeyId: principal.accessKeyId,
    principalArn: principal.arn,
    session: {
      roleArn: s.roleArn,
      roleId: s.roleId,
      sessionName: s.sessionName,
      issuedAt: new Date(s.issuedAt).toISOString(),
      expiresAt: new Date(s.expiresAt).toISOString(),
      ...(s.sourceIdentity ? { sourceIdentity: s.sourceIdentity } : {}),
    },
  };
}
