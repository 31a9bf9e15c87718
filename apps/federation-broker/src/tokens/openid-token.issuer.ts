import { Inject, Injectable } from '@nestjs/common';
import { signRs256 } from '@idfed/crypto';
import { FEDERATION_BROKER_CONFIG, FederationBrokerConfig } from '../config/federation-broker.config';
import { IssuerKeysService } from './issuer-keys.service';

/** Cognito's default OpenID token lifetime; developer tokens may ask for up to a day. */
export const DEFAULT_TOKEN_SECONDS = 600;
export const MAX_DEVELOPER_TOKEN_SECONDS = 86_400;

export interface OpenIdTokenSubject {
  identityPoolId: string;
  identityId: string;
  /** ['authenticated', provider, provider:subject, ...] or ['unauthenticated']. */
  amr: string[];
  principalTags?: Record<string, string>;
  lifetimeSeconds?: number;
}

/**
 * The broker's OpenID token, as Cognito Identity issues it: `aud` is the identity pool, `sub` the
 * identity, `amr` says how it authenticated. Credential vending trusts its issuer under the AWS
 * principal name cognito-identity.amazonaws.com.
 */
@Injectable()
export class OpenIdTokenIssuer {
  constructor(
    @Inject(IssuerKeysService) private readonly keys: IssuerKeysService,
    @Inject(FEDERATION_BROKER_CONFIG) private readonly config: FederationBrokerConfig,
  ) {}

  async issue(subject: OpenIdTokenSubject): Promise<string> {
    const key = await this.keys.activeKey();
    const now = Math.floor(Date.now() / 1000);
    return signRs256(
      { alg: 'RS256', kid: key.kid, typ: 'JWT' },
      {
        iss: this.config.issuer,
        sub: subject.identityId,
        aud: subject.identityPoolId,
        amr: subject.amr,
        iat: now,
        exp: now + (subject.lifetimeSeconds ?? DEFAULT_TOKEN_SECONDS),
        ...(subject.principalTags && Object.keys(subject.principalTags).length
          ? {
              'https://aws.amazon.com/tags': {
                principal_tags: Object.fromEntries(
                  Object.entries(subject.principalTags).map(([k, v]) => [k, [v]]),
                ),
              },
            }
          : {}),
      },
      key.privateKey,
    );
  }
}
