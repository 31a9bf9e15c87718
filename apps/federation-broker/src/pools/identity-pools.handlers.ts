import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  CreateIdentityPoolRequest,
  FederationBrokerCommands as C,
  IdentityPoolIdRequest,
  ListIdentityPoolsRequest,
  SetIdentityPoolRolesRequest,
  UpdateIdentityPoolRequest,
} from '@idfed/contracts';
import { IssuerKeysService } from '../tokens/issuer-keys.service';
import { IdentityPoolsService } from './identity-pools.service';

@Controller()
export class IdentityPoolsHandlers {
  constructor(
    @Inject(IdentityPoolsService) private readonly pools: IdentityPoolsService,
    @Inject(IssuerKeysService) private readonly issuerKeys: IssuerKeysService,
  ) {}

  @MessagePattern(C.createIdentityPool.pattern)
  create(@Payload() e: CommandEnvelope<CreateIdentityPoolRequest>) {
    return this.pools.create(e.payload);
  }

  @MessagePattern(C.describeIdentityPool.pattern)
  describe(@Payload() e: CommandEnvelope<IdentityPoolIdRequest>) {
    return this.pools.describe(e.payload?.IdentityPoolId);
  }

  @MessagePattern(C.updateIdentityPool.pattern)
  update(@Payload() e: CommandEnvelope<UpdateIdentityPoolRequest>) {
    return this.pools.update(e.payload);
  }

  @MessagePattern(C.listIdentityPools.pattern)
  list(@Payload() e: CommandEnvelope<ListIdentityPoolsRequest>) {
    return this.pools.list(e.payload);
  }

  @MessagePattern(C.deleteIdentityPool.pattern)
  delete(@Payload() e: CommandEnvelope<IdentityPoolIdRequest>) {
    return this.pools.delete(e.payload?.IdentityPoolId);
  }

  @MessagePattern(C.setIdentityPoolRoles.pattern)
  setRoles(@Payload() e: CommandEnvelope<SetIdentityPoolRolesRequest>) {
    return this.pools.setRoles(e.payload);
  }

  @MessagePattern(C.getIdentityPoolRoles.pattern)
  getRoles(@Payload() e: CommandEnvelope<IdentityPoolIdRequest>) {
    return this.pools.getRoles(e.payload?.IdentityPoolId);
  }

  @MessagePattern(C.getIssuerJwks.pattern)
  async jwks() {
    return { keys: await this.issuerKeys.jwks() };
  }
}
