import { Inject, Injectable } from '@nestjs/common';
import {
  DescribeRiskConfigurationRequest,
  RiskConfigurationResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { AppClientsRepository } from '../clients/app-clients.repository';
import { CognitoErrors } from '../common/cognito-errors';
import { Members, Patterns, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { RiskConfigurationsRepository } from './risk-configurations.repository';
import { requireThreatProtection, toRiskConfigurationType } from './threat-protection';

/**
 * DescribeRiskConfiguration: the pool's risk configuration, or the client's own; a client with
 * none answers the pool's (without ClientId: the configuration that applies to it), and a pool
 * with none answers its id alone.
 */
@Injectable()
export class DescribeRiskConfigurationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.DescribeRiskConfiguration
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(AppClientsRepository) private readonly clients: AppClientsRepository,
    @Inject(RiskConfigurationsRepository) private readonly risks: RiskConfigurationsRepository,
  ) {}

  async execute(req: DescribeRiskConfigurationRequest): Promise<RiskConfigurationResponse> {
    RequestValidator.of(req)
      .string('UserPoolId', Members.userPoolId)
      .string('ClientId', { min: 1, max: 128, pattern: Patterns.clientId })
      .check();
    const pool = await this.pools.require(req.UserPoolId);
    if (req.ClientId !== undefined && !(await this.clients.findInPool(req.UserPoolId, req.ClientId))) {
      throw CognitoErrors.clientNotFound(req.ClientId);
    }
    requireThreatProtection(pool);
    const row =
      (req.ClientId !== undefined ? await this.risks.find(req.UserPoolId, req.ClientId) : undefined) ??
      (await this.risks.find(req.UserPoolId));
    return { RiskConfiguration: row ? toRiskConfigurationType(row) : { UserPoolId: req.UserPoolId } };
  }
}
