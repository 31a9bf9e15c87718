import { Inject, Injectable } from '@nestjs/common';
import { IdentityDescriptionType } from '@idfed/contracts';
import { DataSource } from 'typeorm';
import { IdentityEntity, IdentityLoginEntity } from '../database/entities';

/** An identity as DescribeIdentity and ListIdentities answer it: with the providers linked to it. */
@Injectable()
export class IdentityDescriptions {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async describe(identity: IdentityEntity): Promise<IdentityDescriptionType> {
    const logins = await this.dataSource.manager.find(IdentityLoginEntity, {
      where: { identityId: identity.id },
    });
    return {
      IdentityId: identity.id,
      Logins: [...new Set(logins.map((l) => l.provider))],
      CreationDate: identity.createdAt.getTime() / 1000,
      LastModifiedDate: identity.updatedAt.getTime() / 1000,
    };
  }
}
