import { Inject, Injectable } from '@nestjs/common';
import {
  LogDeliveryConfigurationResponse,
  SetLogDeliveryConfigurationRequest,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { checkLogConfigurations } from './log-delivery';
import { LogDeliveryRepository } from './log-delivery.repository';

/**
 * SetLogDeliveryConfiguration: the pool's log destinations, replaced whole, stored and answered
 * as given. idfed delivers no log to CloudWatch Logs, S3 or Firehose (docs/status.md).
 */
@Injectable()
export class SetLogDeliveryConfigurationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.SetLogDeliveryConfiguration
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(LogDeliveryRepository) private readonly logs: LogDeliveryRepository,
  ) {}

  async execute(req: SetLogDeliveryConfigurationRequest): Promise<LogDeliveryConfigurationResponse> {
    RequestValidator.of(req).string('UserPoolId', Members.userPoolId).check();
    const configurations = checkLogConfigurations(req.LogConfigurations);
    await this.pools.require(req.UserPoolId);
    await this.logs.replace(req.UserPoolId, configurations);
    return { LogDeliveryConfiguration: { UserPoolId: req.UserPoolId, LogConfigurations: configurations } };
  }
}
