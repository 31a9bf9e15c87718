import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decodeJwt, verifyRs256 } from '@idfed/crypto';
import { UserDirectoryOperations } from '@idfed/contracts';
import { BusClient, CommandFailedError } from '@idfed/messaging';
import { GRPC_GATEWAY_CLOCK, GRPC_GATEWAY_OPTIONS, GrpcGatewayOptions } from '../grpc-gateway.options';
import { AccountStates } from './account-states';
import { JwksCache } from './jwks-cache';

export type TokenUse = 'TOKEN_USE_UNSPECIFIED' | 'TOKEN_USE_ACCESS' | 'TOKEN_USE_ID';

export interface VerifyTokenInput {
  token: string;
  userPoolId: string;
  clientIds: string[];
  tokenUse: TokenUse;
}

export interface VerifyTokenOutput {
  active: boolean;
  errorName: string;
  reason: string;
  userPoolId: string;
  sub: string;
  username: string;
  clientId: string;
  tokenUse: TokenUse;
  groups: string[];
  scope: string;
  issuedAt: number;
  expiresAt: number;
  claimsJson: string;
}

const POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;

/** The pool keys of this process: one JwksCache over the user directory's GetJwks. */
@Injectable()
export class UserPoolKeys extends JwksCache {
  constructor(@Inject(BusClient) bus: BusClient, @Inject(GRPC_GATEWAY_CLOCK) now: () => number) {
    super(async (userPoolId) => {
      try {
        const jwks = await bus.request(
          UserDirectoryOperations.GetJwks,
          { UserPoolId: userPoolId },
          { requestId: randomUUID(), caller: { kind: 'anonymous' } },
        );
        return jwks.keys;
      } catch (err) {
        if (err instanceof CommandFailedError && err.error.name === 'ResourceNotFoundException')
          return undefined;
        throw err;
      }
    }, now);
  }
}

/** The users' revocation state of this process, fed by AccountEventsFeed. */
@Injectable()
export class GrpcAccountStates extends AccountStates {}

/**
 * VerifyToken: a user pool access or ID token, checked as Cognito's own endpoints check it. The
 * signature against the pool's key (cached), the issuer (`<public url>/<pool id>`), the token use,
 * the client, the expiry, then what the events said: deleted, disabled, signed out, revoked. A
 * token that fails is an answer (`active: false`) with Cognito's error name and message.
 */
@Injectable()
export class UserPoolTokenVerifier {
  constructor(
    @Inject(UserPoolKeys) private readonly keys: UserPoolKeys,
    @Inject(GrpcAccountStates) private readonly states: AccountStates,
    @Inject(GRPC_GATEWAY_OPTIONS) private readonly options: GrpcGatewayOptions,
    @Inject(GRPC_GATEWAY_CLOCK) private readonly now: () => number,
  ) {}

  async verify(input: VerifyTokenInput): Promise<VerifyTokenOutput> {
    const jwt = decodeJwt(input.token);
    if (!jwt || typeof jwt.header.kid !== 'string') return refused('Invalid token');
    const { payload } = jwt;
    const prefix = `${this.options.env.publicUrl}/`;
    const iss = typeof payload.iss === 'string' ? payload.iss : '';
    const userPoolId = iss.startsWith(prefix) ? iss.slice(prefix.length) : '';
    if (!POOL_ID.test(userPoolId)) return refused('Invalid token: not issued by this idfed.');
    if (input.userPoolId && input.userPoolId !== userPoolId)
      return refused('Invalid token: issued by another user pool.');
    const key = await this.keys.key(userPoolId, jwt.header.kid);
    if (!key || !verifyRs256(jwt, key)) return refused('Invalid token: signature verification failed.');
    const use =
      payload.token_use === 'access'
        ? 'TOKEN_USE_ACCESS'
        : payload.token_use === 'id'
          ? 'TOKEN_USE_ID'
          : undefined;
    if (!use) return refused('Invalid token: token_use is neither access nor id.');
    if (input.tokenUse !== 'TOKEN_USE_UNSPECIFIED' && input.tokenUse !== use)
      return refused(`Invalid token: an ${use === 'TOKEN_USE_ACCESS' ? 'access' : 'ID'} token was given.`);
    const clientId = String(use === 'TOKEN_USE_ACCESS' ? payload.client_id : payload.aud);
    if (input.clientIds.length > 0 && !input.clientIds.includes(clientId))
      return refused('Invalid token: issued to another app client.');
    const nowSeconds = Math.floor(this.now() / 1000);
    const exp = typeof payload.exp === 'number' ? payload.exp : 0;
    const iat = typeof payload.iat === 'number' ? payload.iat : 0;
    if (exp <= nowSeconds)
      return refused(use === 'TOKEN_USE_ACCESS' ? 'Access Token has expired' : 'Token has expired');
    const sub = String(payload.sub);
    const originJti = typeof payload.origin_jti === 'string' ? payload.origin_jti : undefined;
    const revoked = this.states.check(userPoolId, sub, iat, originJti);
    if (revoked) return refused(revoked);
    const groups = payload['cognito:groups'];
    return {
      active: true,
      errorName: '',
      reason: '',
      userPoolId,
      sub,
      username: stringClaim(payload['cognito:username']) || stringClaim(payload.username),
      clientId,
      tokenUse: use,
      groups: Array.isArray(groups) ? groups.map(String) : [],
      scope: typeof payload.scope === 'string' ? payload.scope : '',
      issuedAt: iat,
      expiresAt: exp,
      claimsJson: JSON.stringify(payload),
    };
  }
}

function refused(reason: string): VerifyTokenOutput {
  return {
    active: false,
    errorName: 'NotAuthorizedException',
    reason,
    userPoolId: '',
    sub: '',
    username: '',
    clientId: '',
    tokenUse: 'TOKEN_USE_UNSPECIFIED',
    groups: [],
    scope: '',
    issuedAt: 0,
    expiresAt: 0,
    claimsJson: '',
  };
}

function stringClaim(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
