import { Inject, Injectable } from '@nestjs/common';
import {
  RiskConfigurationResponse,
  RiskExceptionConfigurationType,
  SetRiskConfigurationRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { parseCidr } from './ip-ranges';
import { RiskConfigurationsRepository } from './risk-configurations.repository';
import { requireThreatProtection, toRiskConfigurationType } from './threat-protection';

/** Cognito's limit on each IP range list (botocore's `max`). */
export const MAX_IP_RANGES = 200;

/**
 * SetRiskConfiguration: the pool's risk configuration (no ClientId) or one app client's, replaced
 * whole. A request with no configuration resets the pool's to defaults (nothing stored) or makes
 * the client inherit the pool's again. Stored as given; idfed acts on the always-block list only
 * (BlockedAddresses).
 */
@Injectable()
export class SetRiskConfigurationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SetRiskConfiguration
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(RiskConfigurationsRepository) private readonly risks: RiskConfigurationsRepository,
  ) {}

  async execute(req: SetRiskConfigurationRequest): Promise<RiskConfigurationResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', { min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    checkRanges(req.RiskExceptionConfiguration);
    const pool = await this.pools.require(req.UserPoolId);
    if (req.ClientId !== undefined && !(await this.clients.findInPool(req.UserPoolId, req.ClientId))) {
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    requireThreatProtection(pool);
    const row = {
      poolId: req.UserPoolId,
      clientId: req.ClientId ?? null,
      compromisedCredentials: req.CompromisedCredentialsRiskConfiguration ?? null,
      accountTakeover: req.AccountTakeoverRiskConfiguration ?? null,
      riskExceptions: req.RiskExceptionConfiguration ?? null,
      updatedAt: new Date(),
    };
    const empty = !row.compromisedCredentials && !row.accountTakeover && !row.riskExceptions;
    if (empty && row.clientId !== null) await this.risks.removeClient(row.poolId, row.clientId);
    else await this.risks.replace(row);
    return { RiskConfiguration: toRiskConfigurationType(row) };
  }
}

/** Each range must be CIDR notation, each list at most 200 long (idfed's wording). */
export function checkRanges(exceptions: RiskExceptionConfigurationType | undefined): void {
  for (const member of ['BlockedIPRangeList', 'SkippedIPRangeList'] as const) {
    const list: unknown = exceptions?.[member];
    if (list === undefined) continue;
    if (!Array.isArray(list)) throw CognitoErrors.invalidParameter(`${member} must be a list.`);
    if (list.length > MAX_IP_RANGES) {
      throw CognitoErrors.invalidParameter(
        `${member} has ${list.length} ranges; at most ${MAX_IP_RANGES} are allowed.`,
      );
    }
    for (const item of list) {
      if (typeof item !== 'string' || !parseCidr(item)) {
        throw CognitoErrors.invalidParameter(`${member} must hold IP address ranges in CIDR notation.`);
      }
    }
  }
}
