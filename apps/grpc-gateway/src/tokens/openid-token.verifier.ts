import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decodeJwt, verifyRs256 } from '@idfed/crypto';
import { FederationBrokerOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { GRPC_GATEWAY_CLOCK, GRPC_GATEWAY_OPTIONS, GrpcGatewayOptions } from '../grpc-gateway.options';
import { JwksCache } from './jwks-cache';

const ISSUER_SCOPE = 'identity';

/** The federation broker's OpenID token keys (GetIssuerJwks), cached. */
@Injectable()
export class IdentityIssuerKeys extends JwksCache {
  constructor(@Inject(BusClient) bus: BusClient, @Inject(GRPC_GATEWAY_CLOCK) now: () => number) {
    super(async () => {
      const jwks = await bus.request(
        FederationBrokerOperations.GetIssuerJwks,
        {},
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      );
      return jwks.keys;
    }, now);
  }
}

export interface VerifyOpenIdTokenOutput {
  active: boolean;
  errorName: string;
  reason: string;
  identityId: string;
  identityPoolId: string;
  amr: string[];
  issuedAt: number;
  expiresAt: number;
  claimsJson: string;
}

/**
 * VerifyOpenIdToken: an identity pool OpenID token (`<public url>/identity`), as STS's
 * AssumeRoleWithWebIdentity checks it: the broker's key, the issuer, the audience (an identity
 * pool, the one asked for if any) and the expiry.
 */
@Injectable()
export class OpenIdTokenVerifier {
  constructor(
    @Inject(IdentityIssuerKeys) private readonly keys: IdentityIssuerKeys,
    @Inject(GRPC_GATEWAY_OPTIONS) private readonly options: GrpcGatewayOptions,
    @Inject(GRPC_GATEWAY_CLOCK) private readonly now: () => number,
  ) {}

  async verify(input: { token: string; identityPoolId: string }): Promise<VerifyOpenIdTokenOutput> {
    const jwt = decodeJwt(input.token);
    if (!jwt || typeof jwt.header.kid !== 'string') return refused('Invalid token');
    const { payload } = jwt;
    if (payload.iss !== `${this.options.env.publicUrl}/identity`)
      return refused('Invalid token: not issued by this idfed identity pool issuer.');
    const key = await this.keys.key(ISSUER_SCOPE, jwt.header.kid);
    if (!key || !verifyRs256(jwt, key)) return refused('Invalid token: signature verification failed.');
    const aud = Array.isArray(payload.aud) ? payload.aud.map(String) : [String(payload.aud)];
    if (input.identityPoolId && !aud.includes(input.identityPoolId))
      return refused('Invalid token: issued for another identity pool.');
    const exp = typeof payload.exp === 'number' ? payload.exp : 0;
    if (exp <= Math.floor(this.now() / 1000)) return refused('Token has expired');
    const amr = payload.amr;
    return {
      active: true,
      errorName: '',
      reason: '',
      identityId: String(payload.sub),
      identityPoolId: aud[0] ?? '',
      amr: Array.isArray(amr) ? amr.map(String) : [],
      issuedAt: typeof payload.iat === 'number' ? payload.iat : 0,
      expiresAt: exp,
      claimsJson: JSON.stringify(payload),
    };
  }
}

function refused(reason: string): VerifyOpenIdTokenOutput {
  return {
    active: false,
    errorName: 'NotAuthorizedException',
    reason,
    identityId: '',
    identityPoolId: '',
    amr: [],
    issuedAt: 0,
    expiresAt: 0,
    claimsJson: '',
  };
}
