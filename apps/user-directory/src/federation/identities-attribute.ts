import { IdentityProviderTypeType } from '@idfed/contracts';
import { FederatedIdentityEntity } from '../database/entities';
import { COGNITO_SUBJECT } from './federated-identities.repository';

/**
 * The `identities` attribute as Cognito writes it: a JSON list with one entry per provider
 * identity of the user (known by its subject), its values strings (`"primary":"true"`,
 * `"dateCreated":"<ms>"`). `primary` marks the identity the user was created from.
 */
export function identitiesAttribute(
  links: FederatedIdentityEntity[],
  typeOf: (providerName: string) => IdentityProviderTypeType | undefined,
  username: string,
): string | undefined {
  const entries = links
    .filter((l) => l.attributeName === COGNITO_SUBJECT)
    .map((l) => ({
      dateCreated: String(l.createdAt.getTime()),
      userId: l.attributeValue,
      providerName: l.providerName,
      providerType: typeOf(l.providerName) ?? l.providerName,
      issuer: null,
      primary: String(username === `${l.providerName}_${l.attributeValue}`),
    }));
  return entries.length ? JSON.stringify(entries) : undefined;
}

/** The `identities` claim of an ID token: the attribute's list with typed `primary` and `dateCreated`. */
export function identitiesClaim(attribute: string): unknown {
  try {
    const list = JSON.parse(attribute) as Record<string, unknown>[];
    if (!Array.isArray(list)) return attribute;
    return list.map((e) => ({
      ...e,
      primary: e.primary === 'true' || e.primary === true,
      dateCreated: Number(e.dateCreated),
    }));
  } catch {
    return attribute;
  }
}
