import { X509Certificate } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { samlify } from '@idfed/saml';
import { CognitoErrors } from '../common/cognito-errors';
import { SamlMetadataSummary } from '../database/entities';
import { checkProviderUrl, OIDC_ENDPOINT_KEYS } from './provider-details';

const FETCH_TIMEOUT_MS = 5000;
const MAX_DOCUMENT_BYTES = 1024 * 1024;

/**
 * The documents CreateIdentityProvider and UpdateIdentityProvider read from the provider, as
 * Cognito does when it saves one: an OIDC issuer's discovery document (unless every endpoint was
 * given) and a SAML provider's metadata (MetadataURL fetched, or MetadataFile), parsed with
 * samlify. Admin operations only; a fetch has a 5 s deadline, follows no redirect and reads 1 MiB
 * at most.
 */
@Injectable()
export class ProviderDocuments {
  /** Checks that the issuer's discovery document names it and gives the endpoints not given. */
  async checkOidcIssuer(details: Record<string, string>): Promise<void> {
    const missing = OIDC_ENDPOINT_KEYS.filter((k) => details[k] === undefined);
    if (missing.length === 0) return;
    const issuer = details.oidc_issuer.replace(/\/+$/, '');
    const url = `${issuer}/.well-known/openid-configuration`;
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(await this.fetchText(url)) as Record<string, unknown>;
    } catch {
      throw CognitoErrors.invalidParameter(
        `Unable to contact the OIDC issuer's discovery endpoint ${url}; give ${missing.join(', ')} in ProviderDetails instead.`,
      );
    }
    if (typeof doc.issuer !== 'string' || doc.issuer.replace(/\/+$/, '') !== issuer) {
      throw CognitoErrors.invalidParameter('The discovery document of oidc_issuer names another issuer.');
    }
    const discovered: Record<string, unknown> = {
      authorize_url: doc.authorization_endpoint,
      token_url: doc.token_endpoint,
      attributes_url: doc.userinfo_endpoint,
      jwks_uri: doc.jwks_uri,
    };
    for (const key of missing) {
      const value = discovered[key];
      if (typeof value !== 'string') {
        throw CognitoErrors.invalidParameter(
          `${key} was not found at oidc_issuer; give it in ProviderDetails.`,
        );
      }
    }
  }

  /** The SAML metadata of MetadataFile or MetadataURL, parsed and checked. */
  async samlMetadata(details: Record<string, string>): Promise<SamlMetadataSummary> {
    let xml = details.MetadataFile;
    if (xml === undefined) {
      checkProviderUrl('MetadataURL', details.MetadataURL);
      try {
        xml = await this.fetchText(details.MetadataURL);
      } catch {
        throw CognitoErrors.invalidParameter('Unable to retrieve the metadata from MetadataURL.');
      }
    }
    return parseSamlMetadata(xml);
  }

  private async fetchText(url: string): Promise<string> {
    const res = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: 'application/json, application/xml, text/xml' },
    });
    if (!res.ok) throw new Error(`status ${res.status}`);
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > MAX_DOCUMENT_BYTES) throw new Error('too large');
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length > MAX_DOCUMENT_BYTES) throw new Error('too large');
    return body.toString('utf8');
  }
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function certificates(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((c): c is string => typeof c === 'string' && c.trim() !== '')
    .map((c) => c.replace(/\s+/g, ''));
}

/**
 * An IdP's metadata as Cognito needs it: an entity id, a single sign-on service on the Redirect or
 * POST binding, and a signing certificate (a SAML provider's assertions must be signed).
 */
export function parseSamlMetadata(xml: string): SamlMetadataSummary {
  const bad = () => CognitoErrors.invalidParameter('Could not parse metadata.');
  if (!/<([\w-]+:)?EntityDescriptor[\s>]/.test(xml)) throw bad();
  let summary: SamlMetadataSummary;
  try {
    const meta = samlify.IdPMetadata(xml);
    const entityId = asString(meta.getEntityID());
    const sso = (binding: string) => asString(meta.getSingleSignOnService(binding));
    const slo = (binding: string) => asString(meta.getSingleLogoutService(binding));
    if (!entityId) throw bad();
    summary = {
      entityId,
      ssoRedirect: sso('redirect'),
      ssoPost: sso('post'),
      sloRedirect: slo('redirect'),
      sloPost: slo('post'),
      signingCertificates: certificates(meta.getX509Certificate('signing')),
      wantAuthnRequestsSigned: meta.isWantAuthnRequestsSigned() === true,
    };
  } catch {
    throw bad();
  }
  if (!summary.ssoRedirect && !summary.ssoPost) {
    throw CognitoErrors.invalidParameter('The metadata has no SingleSignOnService with a supported binding.');
  }
  if (summary.signingCertificates.length === 0) {
    throw CognitoErrors.invalidParameter('The metadata has no signing certificate.');
  }
  for (const cert of summary.signingCertificates) {
    try {
      new X509Certificate(Buffer.from(cert, 'base64'));
    } catch {
      throw CognitoErrors.invalidParameter('The metadata has a signing certificate that is not valid.');
    }
  }
  for (const key of [summary.ssoRedirect, summary.ssoPost, summary.sloRedirect, summary.sloPost]) {
    if (key !== undefined && !/^https?:\/\//.test(key)) throw bad();
  }
  return JSON.parse(JSON.stringify(summary)) as SamlMetadataSummary;
}
