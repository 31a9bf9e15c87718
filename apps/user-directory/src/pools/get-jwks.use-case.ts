import { Inject, Injectable } from '@nestjs/common';
import { JwksResult, UserDirectoryOperations, UserPoolIdRequest } from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { PoolsService } from './pools.service';

/** GetJwks (bus only): a pool's public signing keys, for the gateway's JWKS and discovery documents. */
@Injectable()
export class GetJwksUseCase implements OperationHandler<typeof UserDirectoryOperations.GetJwks> {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(SigningKeysService) private readonly keys: SigningKeysService,
  ) {}

  async execute(req: UserPoolIdRequest): Promise<JwksResult> {
    await this.pools.require(req.UserPoolId);
    return { keys: await this.keys.jwks(req.UserPoolId) };
  }
}
