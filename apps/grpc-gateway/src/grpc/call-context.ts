import type { ServerUnaryCall } from '@grpc/grpc-js';
import { IamUserCaller, VerifiedPrincipal } from '@idfed/authorizer';
import { Caller, CommandMeta } from '@idfed/contracts';

/** What every kind of server call offers (grpc-js does not export its ServerSurfaceCall type). */
export type SurfaceCall = Pick<
  ServerUnaryCall<unknown, unknown>,
  'getDeadline' | 'getHost' | 'getPeer' | 'metadata' | 'sendMetadata' | 'cancelled' | 'getAuthContext'
>;

/**
 * A call signed with an IAM user's access key, or a GetSessionToken / GetFederationToken session
 * of a long-term key (ADR 0065): each call is decided by the user's policies.
 */
export interface IamUserPrincipal {
  type: 'IAMUser';
  accessKeyId: string;
  arn: string;
  /** Holds the key's secret: never log it. */
  user: IamUserCaller;
}

/** Who signed a call: the admin key (Root), a role session, or an IAM user (and its sessions). */
export type CallPrincipal = VerifiedPrincipal | IamUserPrincipal;

/** What a handler knows of its call once it is authenticated and within its deadline. */
export interface CallContext {
  principal: CallPrincipal;
  /** The region the call was signed for (ADR 0032): admin operations act in it. */
  region?: string;
  requestId: string;
  /** Epoch ms the caller stops waiting at; undefined without a deadline. */
  deadline?: number;
  call: SurfaceCall;
}

/** The caller a bus command carries for a verified principal: its session's facts, never its secret. */
export function callerOf(principal: CallPrincipal): Caller {
  if (principal.type === 'Root') return { kind: 'admin', accessKeyId: principal.accessKeyId };
  // As the HTTP gateway forwards them: decided here, then the admin key's naming the user (a
  // session of the admin key itself stands for the root).
  if (principal.type === 'IAMUser') {
    return principal.user.root
      ? { kind: 'admin', accessKeyId: principal.accessKeyId }
      : { kind: 'admin', accessKeyId: principal.accessKeyId, principalArn: principal.arn };
  }
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
      ...(s.sessionPolicies ? { sessionPolicies: s.sessionPolicies } : {}),
      ...(s.sourceIdentity ? { sourceIdentity: s.sourceIdentity } : {}),
    },
  };
}

/** The metadata of a bus command sent for a call: its request id, caller and deadline. */
export function commandMetaOf(ctx: CallContext): CommandMeta {
  const peer = ctx.call.getPeer();
  const ip = /^(?:ipv4:|ipv6:)?\[?([^\]]+?)\]?:\d+$/.exec(peer)?.[1];
  const userAgent = ctx.call.metadata.get('user-agent')[0];
  return {
    requestId: ctx.requestId,
    caller: callerOf(ctx.principal),
    ...(ctx.region ? { region: ctx.region } : {}),
    ...(ctx.deadline !== undefined ? { deadline: ctx.deadline } : {}),
    ...(ip ? { sourceIp: ip } : {}),
    ...(typeof userAgent === 'string' ? { userAgent: userAgent.slice(0, 512) } : {}),
  };
}
