import { randomUUID } from 'node:crypto';
import { IdfedEnv } from '@idfed/config';
import { FederationBrokerOperations } from '@idfed/contracts';
import { BusClient } from '@idfed/messaging';
import { TrustedIssuer } from './web-identity-providers';

/**
 * idfed's own identity-pool issuer (the federation broker's OpenID tokens, `<public-url>/identity`),
 * trusted under the AWS name `cognito-identity.amazonaws.com` so that trust policies written for
 * Cognito work unchanged: `Principal: {Federated: cognito-identity.amazonaws.com}` with the
 * `cognito-identity.amazonaws.com:aud` / `:amr` / `:sub` condition keys. Its keys are asked of the
 * broker over the bus rather than fetched from the public URL, which a service may not reach.
 */
export function identityPoolIssuer(env: IdfedEnv, bus: Pick<BusClient, 'request'>): TrustedIssuer {
  return {
    issuer: `${env.publicUrl}/identity`,
    principal: 'cognito-identity.amazonaws.com',
    // Any identity pool: the trust policy's cognito-identity.amazonaws.com:aud condition pins one.
    audiences: 'any',
    keys: async () => {
      const jwks = await bus.request(
        FederationBrokerOperations.GetIssuerJwks,
        {},
        { requestId: randomUUID(), caller: { kind: 'anonymous' } },
      );
      return jwks.keys;
    },
  };
}
