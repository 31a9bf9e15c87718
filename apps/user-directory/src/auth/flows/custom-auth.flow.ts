import { Inject, Injectable } from '@nestjs/common';
import { InitiateAuthResponse } from '@idfed/contracts';
import { ClientForAuth } from '../../clients/clients.service';
import { CognitoErrors } from '../../common/cognito-errors';
import { AuthFlowStrategy, SignInClaim } from './auth-flow';
import { deviceKeyOf } from './auth-parameters';
import { CustomAuth } from './custom-auth';

/** What CUSTOM_AUTH read: the name typed and the device it signs in from, if any. */
export interface CustomAuthStart {
  username: string;
  deviceKey?: string;
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
    // The path that starts with SRP (ADR 0036) is not built: refused rather than run as the plain one.
    if (params.CHALLENGE_NAME === 'SRP_A' || params.SRP_A !== undefined)
      throw CognitoErrors.invalidParameter('CUSTOM_AUTH with SRP_A is not supported by this idfed version.');
    const deviceKey = deviceKeyOf(params);
    return Promise.resolve({
      secretHashNames: [username],
      found: { username, ...(deviceKey ? { deviceKey } : {}) },
    });
  }

  start(
    auth: ClientForAuth,
    _params: Record<string, string>,
    { username, deviceKey }: CustomAuthStart,
  ): Promise<InitiateAuthResponse> {
    return this.custom.start(auth, username, deviceKey);
  }
}
