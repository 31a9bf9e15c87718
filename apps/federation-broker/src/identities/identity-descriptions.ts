import { Inject, Injectable } from '@nestjs/common';
import { IdentityDescriptionType } from '@idfed/contracts';
import { IdentityEntity } from '../database/entities';
import { IdentitiesRepository } from './identities.repository';

/** An identity as DescribeIdentity and ListIdentities answer it: with the providers linked to it. */
@Injectable()
export class IdentityDescriptions {
  constructor(@Inject(IdentitiesRepository) private readonly identities: IdentitiesRepository) {}

  async describe(identity: IdentityEntity): Promise<IdentityDescriptionType> {
    const logins = await this.identities.loginsOf(identity.id);
    return {
      IdentityId: identity.id,
      Logins: [...new Set(logins.map((l) => l.provider))],
      CreationDate: identity.createdAt.getTime() / 1000,
      LastModifiedDate: identity.updatedAt.getTime() / 1000,
    };
  }
}
