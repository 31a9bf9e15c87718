import { Inject, Injectable } from '@nestjs/common';
import { regionOfPool } from '../triggers/lambda-endpoints';
import { TriggerCaller, TriggerErrors, TriggerEvent } from '../triggers/trigger-caller';
import { NO_CLIENT, TriggerPool } from '../triggers/user-pool-triggers';

/** Cognito's awsSdkVersion when it does not know the caller's SDK. */
const UNKNOWN_SDK = 'aws-sdk-unknown-unknown';

/** Most attributes an inbound federation answer may name (a pool has at most 50 custom ones). */
const MAX_ANSWERED_ATTRIBUTES = 100;

export interface InboundFederationRequest {
  providerName: string;
  providerType: string;
  attributes: {
    tokenResponse?: Record<string, string>;
    idToken?: Record<string, string>;
    userInfo?: Record<string, string>;
    samlResponse?: Record<string, string>;
  };
}

/**
 * What an OAuth / OpenID Connect sign-in shows the InboundFederation trigger beside the user's
 * attributes (ADR 0061): the provider's token endpoint answer and its ID token's claims, as text.
 * Handed over in process by the relying party only; never stored, logged or sent as an event.
 */
export interface ProviderTokens {
  tokenResponse?: Record<string, string>;
  idToken?: Record<string, string>;
}

/**
 * The inbound federation trigger (`LambdaConfig.InboundFederation`, ADR 0056): called at every
 * sign-in through a provider, before AttributeMapping, with the provider's attributes as text
 * (`userInfo`, or `samlResponse`), and for OAuth / OIDC providers `tokenResponse` and `idToken`. Its
 * `userAttributesToMap` replaces the attributes the mapping reads: an empty (or absent) answer keeps
 * them as they came, any other answer is the whole new set (what it leaves out is dropped). The
 * user the sign-in becomes is decided from the provider's own attributes before the call, so an
 * answer cannot make it another user.
 */
@Injectable()
export class FederationTriggers {
  constructor(@Inject(TriggerCaller) private readonly caller: TriggerCaller) {}

  async inboundFederation(
    pool: TriggerPool,
    clientId: string | undefined,
    userName: string,
    provider: { name: string; type: string },
    claims: Record<string, string>,
    tokens: ProviderTokens = {},
  ): Promise<Record<string, string> | undefined> {
    const arn = pool.config.lambdaConfig?.InboundFederation?.LambdaArn;
    if (!arn) return undefined;
    const request: InboundFederationRequest = {
      providerName: provider.name,
      providerType: provider.type,
      attributes:
        provider.type === 'SAML'
          ? { samlResponse: claims }
          : {
              ...(tokens.tokenResponse ? { tokenResponse: tokens.tokenResponse } : {}),
              ...(tokens.idToken ? { idToken: tokens.idToken } : {}),
              userInfo: claims,
            },
    };
    const event: TriggerEvent<InboundFederationRequest, { userAttributesToMap: Record<string, string> }> = {
      version: '1',
      triggerSource: 'InboundFederation_ExternalProvider',
      region: regionOfPool(pool.id),
      userPoolId: pool.id,
      userName,
      callerContext: { awsSdkVersion: UNKNOWN_SDK, clientId: clientId ?? NO_CLIENT },
      request,
      response: { userAttributesToMap: {} },
    };
    const answer = (await this.caller.invoke('InboundFederation', arn, event)) as Record<string, unknown>;
    return readAttributesToMap(answer.userAttributesToMap);
  }
}

/** The answer's `userAttributesToMap`: undefined to keep the provider's attributes, else the new set. */
export function readAttributesToMap(value: unknown): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw TriggerErrors.invalidResponse();
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return undefined;
  if (entries.length > MAX_ANSWERED_ATTRIBUTES) throw TriggerErrors.invalidResponse();
  const answered: Record<string, string> = {};
  for (const [name, v] of entries) {
    if (typeof v !== 'string' || name.length === 0 || name.length > 256)
      throw TriggerErrors.invalidResponse();
    answered[name] = v;
  }
  return answered;
}
