import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  CreateOpenIDConnectProviderRequest,
  CredentialVendingCommands as C,
  OpenIDConnectProviderArnRequest,
  OpenIDConnectProviderClientIdRequest,
} from '@idfed/contracts';
import { OidcProvidersService } from './oidc-providers.service';

@Controller()
export class OidcProvidersHandlers {
  constructor(@Inject(OidcProvidersService) private readonly providers: OidcProvidersService) {}

  @MessagePattern(C.createOpenIDConnectProvider.pattern)
  create(@Payload() e: CommandEnvelope<CreateOpenIDConnectProviderRequest>) {
    return this.providers.create(e.payload);
  }

  @MessagePattern(C.getOpenIDConnectProvider.pattern)
  get(@Payload() e: CommandEnvelope<OpenIDConnectProviderArnRequest>) {
    return this.providers.get(e.payload.OpenIDConnectProviderArn);
  }

  @MessagePattern(C.listOpenIDConnectProviders.pattern)
  list() {
    return this.providers.list();
  }

  @MessagePattern(C.deleteOpenIDConnectProvider.pattern)
  delete(@Payload() e: CommandEnvelope<OpenIDConnectProviderArnRequest>) {
    return this.providers.delete(e.payload.OpenIDConnectProviderArn);
  }

  @MessagePattern(C.addClientIDToOpenIDConnectProvider.pattern)
  addClientId(@Payload() e: CommandEnvelope<OpenIDConnectProviderClientIdRequest>) {
    return this.providers.addClientId(e.payload);
  }

  @MessagePattern(C.removeClientIDFromOpenIDConnectProvider.pattern)
  removeClientId(@Payload() e: CommandEnvelope<OpenIDConnectProviderClientIdRequest>) {
    return this.providers.removeClientId(e.payload);
  }
}
