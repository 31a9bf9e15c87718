import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { AuthFlowStrategy, SignInClaim } from './auth-flow';
import { deviceKeyOf } from './auth-parameters';
import { CustomAuth } from './custom-auth';
import { parseHexOrUndefined, SRP_N } from '../srp/srp';

/** What CUSTOM_AUTH read: the name typed and the device it signs in from, if any. */
export interface CustomAuthStart {
  username: string;
  deviceKey?: string;
  /** The client's SRP A, when the sign-in starts with SRP (CHALLENGE_NAME=SRP_A). */
  srpA?: bigint;
}

/**
 * CUSTOM_AUTH (ADR 0036), from InitiateAuth and AdminInitiateAuth for clients with
 * ALLOW_CUSTOM_AUTH (or the legacy CUSTOM_AUTH_FLOW_ONLY): the pool's DefineAuthChallenge decides
 * the first step (CustomAuth).
 */
@Injectable()
export class CustomAuthFlow implements AuthFlowStrategy<CustomAuthStart> {
  readonly flows = ['CUSTOM_AUTH'];
  readonly operations = ['InitiateAuth', 'AdminInitiateAuth'] as const;
  readonly allowedBy = 'CUSTOM_AUTH';

  constructor(@Inject(CustomAuth) private readonly custom: CustomAuth) {}

  async claim(_auth: ClientForAuth, params: Record<string, string>): Promise<SignInClaim<CustomAuthStart>> {
    const username = params.USERNAME;
    if (!username) throw CognitoErrors.invalidParameter('Missing required parameter USERNAME');
    // The SRP path: CHALLENGE_NAME=SRP_A with the client's SRP_A (both, or neither).
    let srpA: bigint | undefined;
    if (params.CHALLENGE_NAME !== undefined || params.SRP_A !== undefined) {
      if (params.CHALLENGE_NAME !== 'SRP_A')
        throw CognitoErrors.invalidParameter('CHALLENGE_NAME must be SRP_A when given with CUSTOM_AUTH.');
      if (!params.SRP_A) throw CognitoErrors.invalidParameter('Missing required parameter SRP_A');
      srpA = parseHexOrUndefined(params.SRP_A);
      if (srpA === undefined || srpA % SRP_N === 0n)
        throw CognitoErrors.invalidParameter('Invalid SRP_A value.');
    }
    const deviceKey = deviceKeyOf(params);
    return Promise.resolve({
      secretHashNames: [username],
      found: { username, ...(deviceKey ? { deviceKey } : {}), ...(srpA !== undefined ? { srpA } : {}) },
    });
  }

  start(
    auth: ClientForAuth,
    _params: Record<string, string>,
    { username, deviceKey, srpA }: CustomAuthStart,
    validationData?: Record<string, string>,
  ): Promise<InitiateAuthResponse> {
    return this.custom.start(auth, username, deviceKey, srpA, validationData);
  }
}
