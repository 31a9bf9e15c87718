import { OAuthParams } from '@idfed/contracts';
import { IdentityProviderEntity } from '../database/entities';
import { IdentityProvidersRepository } from '../providers/identity-providers.repository';

/** The SAML provider an authorization request names by `identity_provider` or `idp_identifier`. */
export async function samlProviderOf(
  providers: IdentityProvidersRepository,
  poolId: string,
  params: OAuthParams,
): Promise<IdentityProviderEntity | undefined> {
  const name = typeof params.identity_provider === 'string' ? params.identity_provider : undefined;
  const identifier = typeof params.idp_identifier === 'string' ? params.idp_identifier : undefined;
  if ((!name || name === 'COGNITO') && !identifier) return undefined;
  if ((name && name.length > 32) || (identifier && identifier.length > 40)) return undefined;
  const found = name
    ? await providers.find(poolId, name)
    : await providers.findByIdentifier(poolId, identifier!);
  const provider = found?.provider;
  return provider && provider.type === 'SAML' && provider.samlMetadata ? provider : undefined;
}
