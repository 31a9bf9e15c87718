import { Inject, Injectable } from '@nestjs/common';
import { GetCSVHeaderRequest, GetCSVHeaderResponse, UserDirectoryOperations } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Members, RequestValidator } from '../common/validate';
import { PoolsService } from '../pools/pools.service';
import { csvHeaderFor } from './import-file';

/** GetCSVHeader: the columns of a user import file for the pool, in Cognito's order. */
@Injectable()
export class GetCSVHeaderUseCase implements OperationHandler<typeof UserDirectoryOperations.GetCSVHeader> {
  constructor(@Inject(PoolsService) private readonly pools: PoolsService) {}

  async execute(req: GetCSVHeaderRequest): Promise<GetCSVHeaderResponse> {
    RequestValidator.of(req).string('UserPoolId', Members.userPoolId).check();
    const pool = await this.pools.require(req.UserPoolId);
    return { UserPoolId: pool.id, CSVHeader: csvHeaderFor(pool.config) };
  }
}
