import { StsErrors } from '../common/iam-errors';
import { SamlProviderEntity } from '../database/entities';
import { SamlRefusal, VerifiedSamlAssertion, verifySamlResponse } from './saml-assertion.verifier';
import { SamlProviderLookup } from './saml-provider.lookup';

/**
 * The one place STS-facing operations (AssumeRoleWithSAML, identity pools' VerifySamlLogin) read a
 * SAML response: the IAM provider `providerArn` names must exist in this account and its metadata
 * be within ValidUntil, then the response is verified against it (saml-assertion.verifier.ts) and
 * a refusal becomes STS's answer: InvalidIdentityToken, ExpiredTokenException or
 * IDPRejectedClaim. Recording the assertion id (replay) stays with the caller, after its own checks.
 */
export async function verifyProviderAssertion(
  providers: SamlProviderLookup,
  providerArn: string,
  samlResponse: string,
  now: number,
): Promise<{ provider: SamlProviderEntity; assertion: VerifiedSamlAssertion }> {
  const provider = await providers.find(providerArn);
  if (!provider) throw StsErrors.invalidIdentityToken("Specified provider doesn't exist");
  if (provider.validUntil.getTime() <= now) {
    throw StsErrors.invalidIdentityToken(
      'The metadata of the SAML provider is no longer valid (ValidUntil).',
    );
  }
  try {
    const decryption = providers.decryptionOf(provider);
    const keys = { entityId: provider.entityId, signingCertificates: provider.signingCertificates };
    return {
      provider,
      assertion: await verifySamlResponse(decryption ? { ...keys, decryption } : keys, samlResponse, now),
    };
  } catch (err) {
    if (!(err instanceof SamlRefusal)) throw err;
    if (err.kind === 'expired') throw StsErrors.expiredToken(err.message);
    if (err.kind === 'idp-failed') throw StsErrors.idpRejectedClaim(err.message);
    throw StsErrors.invalidIdentityToken(err.message);
  }
}
