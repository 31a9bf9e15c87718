import { Inject, Injectable } from '@nestjs/common';
import {
  DescribeIdentityRequest,
  FederationBrokerOperations,
  IdentityDescriptionType,
} from '@idfed/contracts';
import { OperationHandler } from '@idfed/service-runtime';
import { Patterns, RequestValidator } from '../common/validate';
import { IdentityAuthenticator } from './identity-authenticator';
import { IdentityDescriptions } from './identity-descriptions';

@Injectable()
export class DescribeIdentityHandler implements OperationHandler<
  typeof FederationBrokerOperations.DescribeIdentity
> {
  constructor(
    @Inject(IdentityAuthenticator) private readonly identities: IdentityAuthenticator,
    @Inject(IdentityDescriptions) private readonly descriptions: IdentityDescriptions,
  ) {}

  async execute(req: DescribeIdentityRequest): Promise<IdentityDescriptionType> {
    const identityId = req?.IdentityId;
    RequestValidator.of({ IdentityId: identityId })
      .string('IdentityId', { required: true, min: 1, max: 55, pattern: Patterns.identityId })
      .check();
    return this.descriptions.describe(await this.identities.requireIdentity(identityId));
  }
}
