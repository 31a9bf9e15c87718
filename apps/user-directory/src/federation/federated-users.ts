import { Inject, Injectable } from '@nestjs/common';
import { Transaction } from '@idfed/persistence';
import { CognitoErrors } from '../common/cognito-errors';
import { UserEntity } from '../database/entities';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';
import { UsersRepository } from '../users/users.repository';
import { FederatedIdentitiesRepository } from './federated-identities.repository';
import { identitiesAttribute } from './identities-attribute';

/** What linking, unlinking and federated sign-in share: the `identities` attribute kept in step. */
@Injectable()
export class FederatedUsers {
  constructor(
    @Inject(FederatedIdentitiesRepository) private readonly links: FederatedIdentitiesRepository,
    @Inject(IdentityProvidersRepository) private readonly providers: IdentityProvidersRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  /** Rewrites the user's `identities` from its links (and `extra` attributes), inside `tx`. */
  async refreshIdentities(
    user: UserEntity,
    tx: Transaction,
    extra: Record<string, string> = {},
  ): Promise<Record<string, string>> {
    const links = await this.links.forUser(user.sub, tx);
    const types = new Map<string, string>();
    for (const name of new Set(links.map((l) => l.providerName))) {
      const found = await this.providers.find(user.poolId, name, tx);
      if (found) types.set(name, found.provider.type);
    }
    const attributes = { ...user.attributes, ...extra };
    const identities = identitiesAttribute(
      links,
      (name) => types.get(name) as ReturnType<Parameters<typeof identitiesAttribute>[1]>,
      user.username,
    );
    if (identities === undefined) delete attributes.identities;
    else attributes.identities = identities;
    // A mapped email, phone or preferred_username another user signs in with is not taken from
    // them (ADR 0044's unique indexes refuse it): the sign-in fails with nothing written.
    const stored = await this.users.updateAttributes(
      user.sub,
      {
        attributes,
        aliasKey: user.aliasKey,
        pendingAttributes: user.pendingAttributes,
        updatedAt: new Date(),
      },
      tx,
    );
    if (stored === 'alias-exists') throw CognitoErrors.aliasExistsForAttribute();
    return attributes;
  }
}
