import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  CredentialVendingOperations,
  EmptyResult,
  SetSecurityTokenServicePreferencesRequest,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Clock, CLOCK } from '../common/clock';
import { RequestValidator } from '../common/validate';
import { StsPreferencesRepository } from './sts-preferences.repository';

/**
 * IAM SetSecurityTokenServicePreferences (ADR 0093): the account's global endpoint token version,
 * stored and answered by GetAccountSummary (`GlobalEndpointTokenVersion` 1 or 2). idfed has no
 * manually enabled regions, so its session tokens are the same under either version.
 */
@Injectable()
export class SetSecurityTokenServicePreferencesHandler implements OperationHandler<
  typeof CredentialVendingOperations.SetSecurityTokenServicePreferences
> {
  constructor(
    @Inject(StsPreferencesRepository) private readonly preferences: StsPreferencesRepository,
    @Optional() @Inject(CLOCK) private readonly now: Clock = Date.now,
  ) {}

  async execute(req: SetSecurityTokenServicePreferencesRequest): Promise<EmptyResult> {
    RequestValidator.of(req).oneOf('GlobalEndpointTokenVersion', ['v1Token', 'v2Token'], true).check();
    await this.preferences.setGlobalEndpointTokenVersion(
      req.GlobalEndpointTokenVersion,
      new Date(this.now()),
    );
    return {};
  }
}
