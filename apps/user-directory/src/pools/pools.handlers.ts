import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  CreateUserPoolRequest,
  ListUserPoolsRequest,
  UserDirectoryCommands as C,
  UserPoolIdRequest,
} from '@idfed/contracts';
import { SigningKeysService } from '../tokens/signing-keys.service';
import { PoolsService } from './pools.service';

@Controller()
export class PoolsHandlers {
  constructor(
    @Inject(PoolsService) private readonly pools: PoolsService,
    @Inject(SigningKeysService) private readonly keys: SigningKeysService,
  ) {}

  @MessagePattern(C.createUserPool.pattern)
  create(@Payload() e: CommandEnvelope<CreateUserPoolRequest>) {
    return this.pools.create(e.payload, e.meta.requestId);
  }

  @MessagePattern(C.describeUserPool.pattern)
  describe(@Payload() e: CommandEnvelope<UserPoolIdRequest>) {
    return this.pools.describe(e.payload.UserPoolId);
  }

  @MessagePattern(C.listUserPools.pattern)
  list(@Payload() e: CommandEnvelope<ListUserPoolsRequest>) {
    return this.pools.list(e.payload);
  }

  @MessagePattern(C.deleteUserPool.pattern)
  delete(@Payload() e: CommandEnvelope<UserPoolIdRequest>) {
    return this.pools.delete(e.payload.UserPoolId, e.meta.requestId);
  }

  @MessagePattern(C.getJwks.pattern)
  async jwks(@Payload() e: CommandEnvelope<UserPoolIdRequest>) {
    await this.pools.require(this.pools.manager(), e.payload.UserPoolId);
    return { keys: await this.keys.jwks(e.payload.UserPoolId) };
  }
}
