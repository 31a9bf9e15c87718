import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CommandEnvelope,
  DeleteIdentitiesRequest,
  DescribeIdentityRequest,
  FederationBrokerCommands as C,
  GetCredentialsForIdentityRequest,
  GetIdRequest,
  GetOpenIdTokenForDeveloperIdentityRequest,
  GetOpenIdTokenRequest,
  ListIdentitiesRequest,
  LookupDeveloperIdentityRequest,
  MergeDeveloperIdentitiesRequest,
  UnlinkDeveloperIdentityRequest,
  UnlinkIdentityRequest,
} from '@idfed/contracts';
import { IdentityCredentialsService } from '../credentials/identity-credentials.service';
import { DeveloperIdentitiesService } from './developer-identities.service';
import { IdentitiesService } from './identities.service';

@Controller()
export class IdentitiesHandlers {
  constructor(
    @Inject(IdentitiesService) private readonly identities: IdentitiesService,
    @Inject(IdentityCredentialsService) private readonly credentials: IdentityCredentialsService,
    @Inject(DeveloperIdentitiesService) private readonly developers: DeveloperIdentitiesService,
  ) {}

  @MessagePattern(C.getId.pattern)
  getId(@Payload() e: CommandEnvelope<GetIdRequest>) {
    return this.identities.getId(e.payload, e.meta);
  }

  @MessagePattern(C.getOpenIdToken.pattern)
  openIdToken(@Payload() e: CommandEnvelope<GetOpenIdTokenRequest>) {
    return this.credentials.openIdToken(e.payload, e.meta);
  }

  @MessagePattern(C.getCredentialsForIdentity.pattern)
  credentialsForIdentity(@Payload() e: CommandEnvelope<GetCredentialsForIdentityRequest>) {
    return this.credentials.credentials(e.payload, e.meta);
  }

  @MessagePattern(C.unlinkIdentity.pattern)
  unlink(@Payload() e: CommandEnvelope<UnlinkIdentityRequest>) {
    return this.identities.unlink(e.payload, e.meta);
  }

  @MessagePattern(C.describeIdentity.pattern)
  describe(@Payload() e: CommandEnvelope<DescribeIdentityRequest>) {
    return this.identities.describe(e.payload?.IdentityId);
  }

  @MessagePattern(C.listIdentities.pattern)
  list(@Payload() e: CommandEnvelope<ListIdentitiesRequest>) {
    return this.identities.list(e.payload);
  }

  @MessagePattern(C.deleteIdentities.pattern)
  delete(@Payload() e: CommandEnvelope<DeleteIdentitiesRequest>) {
    return this.identities.delete(e.payload, e.meta);
  }

  @MessagePattern(C.lookupDeveloperIdentity.pattern)
  lookupDeveloper(@Payload() e: CommandEnvelope<LookupDeveloperIdentityRequest>) {
    return this.developers.lookup(e.payload);
  }

  @MessagePattern(C.getOpenIdTokenForDeveloperIdentity.pattern)
  developerToken(@Payload() e: CommandEnvelope<GetOpenIdTokenForDeveloperIdentityRequest>) {
    return this.developers.openIdToken(e.payload, e.meta);
  }

  @MessagePattern(C.mergeDeveloperIdentities.pattern)
  merge(@Payload() e: CommandEnvelope<MergeDeveloperIdentitiesRequest>) {
    return this.developers.merge(e.payload, e.meta);
  }

  @MessagePattern(C.unlinkDeveloperIdentity.pattern)
  unlinkDeveloper(@Payload() e: CommandEnvelope<UnlinkDeveloperIdentityRequest>) {
    return this.developers.unlink(e.payload, e.meta);
  }
}
