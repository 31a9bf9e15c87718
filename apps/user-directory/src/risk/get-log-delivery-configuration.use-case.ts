import { Inject, Injectable } from '@nestjs/common';
import {
  GetLogDeliveryConfigurationRequest,
  LogDeliveryConfigurationResponse,
  UserDirectoryOperations,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { LogDeliveryRepository } from './log-delivery.repository';

/** GetLogDeliveryConfiguration: the pool's stored log destinations (none: an empty list). */
@Injectable()
export class GetLogDeliveryConfigurationUseCase implements OperationHandler<
  typeof UserDirectoryOperations.GetLogDeliveryConfiguration
> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(LogDeliveryRepository) private readonly logs: LogDeliveryRepository,
  ) {}

  async execute(req: GetLogDeliveryConfigurationRequest): Promise<LogDeliveryConfigurationResponse> {
    RequestValidator.of(req).string('UserPoolId', Members.userPoolId).check();
    await this.pools.require(req.UserPoolId);
    const configurations = (await this.logs.find(req.UserPoolId)) ?? [];
    return { LogDeliveryConfiguration: { UserPoolId: req.UserPoolId, LogConfigurations: configurations } };
  }
}
